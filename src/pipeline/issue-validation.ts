/**
 * Validation of issue files beyond what one schema sees: front matter with line numbers,
 * sections that must name registry projects and agree with `projects`, and the rules
 * across files (unique numbers, periods that do not overlap).
 */
import type { z } from 'astro/zod';
import { MAX_ISSUE_NUMBER, type createIssueSchema, type IssueData } from '../schemas/issue.ts';
import { formatIssueLabel } from '../lib/numerals.ts';
import { fieldLines, frontmatterProblem, isFrontmatterError, parseFrontmatter, type FieldLines, type Frontmatter } from './frontmatter.ts';
import { issuePage, readIssueBody, writingProblems, toRenderedBody, type IssueBody } from './issue-body.ts';
import { renderText } from './render.ts';
import { defaultLocale } from '../i18n/locales.ts';
import type { IssueEntryData } from '../schemas/entry.ts';
import { daysBetween, toIsoDay } from '../lib/dates.ts';
import { firstFreeDay, periodsOverlap } from '../lib/periods.ts';
import type { ContentProblem } from './problems.ts';
import { isDraft, placeholderProblems } from './placeholders.ts';
import type { ProjectResolver } from '../lib/projects.ts';
import { noLinkRules, planOutsideLink, type LinkRules, type OutsideLinkPlan } from '../lib/outside-links.ts';
import { parseIsoDay } from '../lib/dates.ts';
import type { OutsideLinkOptions } from './outside-links.ts';
import type { SiteLink, WrittenSiteLink } from './site-links.ts';

export interface IssueFile {
  /** Path as shown in messages. */
  file: string;
  source: string;
}

export interface ValidIssue {
  file: string;
  data: IssueData;
  /** The body's Markdown as written (what a translation's hash covers). */
  source: string;
  /** The body read and rendered: introduction and sections. */
  body: IssueBody;
  /** `attribution.notice` rendered. */
  noticeHtml?: string;
  /** How the site links `attribution.source`. */
  sourceLink: OutsideLinkPlan;
  /** Every link elsewhere the issue holds (body, credit statement, source), as the site links it. */
  links: OutsideLinkPlan[];
  /** Every link and image to this site the issue holds (body, credit statement), with its line in the file. */
  siteLinks: WrittenSiteLink[];
  /** Where the fields the rules across issues name are. */
  lines: FieldLines<(typeof CROSS_FILE_FIELDS)[number]>;
}

/** The fields of an issue the rules across issues (`checkIssueSet`) name. */
const CROSS_FILE_FIELDS = ['number', 'period.start', 'published'] as const;

export interface IssueContext {
  schema: ReturnType<typeof createIssueSchema>;
  resolver: ProjectResolver;
  /** The address the site is published at: relative addresses in the body resolve against the issue's page there. */
  site: URL;
  /** Known moves and the last link checks; links elsewhere get only their archived copies without them. */
  links?: LinkRules;
}

/** What to write for a missing field, shown in the fix. */
export const FIELD_EXAMPLES: Record<string, string> = {
  number: 'number: 8',
  title: 'title: OpenStack社区动态第八期',
  period: 'period: { start: 2014-02-03, end: 2014-02-15 }',
  'period.start': 'start: 2014-02-03 (under period)',
  'period.end': 'end: 2014-02-15 (under period)',
  published: 'published: 2014-02-15',
  description: 'description: 一句话介绍本期内容',
  projects: 'projects: [industry, common, nova]',
  attribution: 'attribution: { editor: 孔令贤, source: http://lingxiankong.github.io/ }',
  'attribution.editor': 'editor: 孔令贤 (under attribution)',
  'attribution.source': 'source: http://lingxiankong.github.io/ (under attribution)',
  translator: 'translator: Jane Doe',
  source: 'source: { sha256: <hash> } (npm run translate -- <number> writes it)',
  'source.sha256': 'sha256: <hash> (npm run translate -- <number> writes it)',
};

/** What validating one file gives: the file's content when it has no problems, and the number it says it holds in any case. */
export interface FileValidation {
  problems: ContentProblem[];
  /** The `number` the front matter gives and its line, when it is a positive whole number (even if the file has problems). */
  number?: { value: number; line: number };
}

/** Validates one issue file; returns the issue when it has no problems. */
export function validateIssueFile(input: IssueFile, context: IssueContext): FileValidation & { issue?: ValidIssue } {
  const { file } = input;
  const frontmatter = parseFrontmatter(input.source);
  if (isFrontmatterError(frontmatter)) {
    return { problems: [frontmatterProblem(file, frontmatter)] };
  }
  const problems: ContentProblem[] = [...describeTrailingComments(file, frontmatter), ...describeWrappedValues(file, frontmatter)];
  if (!isDraft(frontmatter.data)) problems.push(...placeholderProblems(file, input.source, frontmatter.bodyLine));
  const parsed = context.schema.safeParse(frontmatter.data);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => describeSchemaIssue(issue, file, frontmatter)));
  }

  // The page the body is shown on, to resolve its relative addresses; a broken number still lets the body be checked.
  const written = writtenNumber(frontmatter.data);
  const number = parsed.success ? parsed.data.number : (written ?? 0);
  const page = issuePage(context.site, number, defaultLocale);
  // Archived copies are dated to the issue's day; a broken date leaves links as written (the date is reported).
  const published = (frontmatter.data as { published?: unknown } | null)?.published;
  const day = typeof published === 'string' && parseIsoDay(published) ? published : undefined;
  const rules = context.links ?? noLinkRules;
  const outsideLinks: { outsideLinks?: OutsideLinkOptions } = day ? { outsideLinks: { day, locale: defaultLocale, rules } } : {};
  const body = readIssueBody(frontmatter.body, { resolver: context.resolver, page, bodyLine: frontmatter.bodyLine, ...outsideLinks });
  const bodyLine = (line: number) => frontmatter.bodyLine + line - 1;
  for (const problem of body.problems) {
    problems.push({ file, line: bodyLine(problem.line), field: 'body', message: problem.message, fix: problem.fix });
  }

  if (parsed.success) {
    const listed = parsed.data.projects;
    const inBody = new Set(body.sections.map((section) => section.projectId));
    for (const section of body.sections) {
      if (!listed.includes(section.projectId)) {
        problems.push({
          file,
          line: bodyLine(section.line),
          field: 'projects',
          message: `the body has a "## ${section.heading}" section but projects does not list ${section.projectId}`,
          fix: `add ${section.projectId} to projects`,
        });
      }
    }
    listed.forEach((id, index) => {
      const line = frontmatter.lineOf(['projects', index]);
      if (listed.indexOf(id) !== index) {
        problems.push({ file, line, field: 'projects', message: `${id} is listed twice`, fix: 'list each project once' });
      } else if (!inBody.has(id)) {
        const name = context.resolver.get(id)?.name[defaultLocale] ?? id;
        // `### Nova` (the legacy posts' level) is a sub-heading of the section before it.
        const meant = body.projectSubheadings.find((heading) => heading.projectId === id);
        problems.push(
          meant
            ? {
                file,
                line: bodyLine(meant.line),
                field: 'body',
                message: `projects lists ${id} but "${meant.written}" is a sub-heading, so its news stays in the section before it`,
                fix: `write "## ${meant.text}" to open the ${name} section`,
              }
            : {
                file,
                line,
                field: 'projects',
                message: `projects lists ${id} but the body has no "## ${name}" section`,
                fix: `add a "## ${name}" section to the body, or remove ${id} from projects`,
              },
        );
      }
    });
  }

  const known = writtenNumberOf(frontmatter);
  if (!parsed.success || problems.length > 0) return { problems, ...known };
  // The day the schema read, not the one guessed above for the body: a valid issue always has one.
  const issueDay = toIsoDay(parsed.data.published);
  const notice = parsed.data.attribution.notice ? renderText(parsed.data.attribution.notice, { page, ...outsideLinks }) : undefined;
  const siteLinks = inFile(body.siteLinks, bodyLine, 'body');
  if (notice) {
    // The credit's first line: the field's own, or the next one for a block (`notice: |`).
    const fieldLine = frontmatter.lineOf(['attribution', 'notice']);
    const firstLine = fieldLine + (/:\s*[|>]/.test(input.source.split('\n')[fieldLine - 1] ?? '') ? 1 : 0);
    for (const problem of writingProblems(notice)) {
      problems.push({ file, line: firstLine + problem.line - 1, field: 'attribution.notice', message: problem.message, fix: problem.fix });
    }
    if (problems.length > 0) return { problems, ...known };
    siteLinks.push(...inFile(notice.siteLinks, (line) => firstLine + line - 1, 'attribution.notice'));
  }
  const sourceLink = planOutsideLink(new URL(parsed.data.attribution.source).href, issueDay, rules);
  return {
    ...known,
    issue: {
      file,
      data: parsed.data,
      source: frontmatter.body,
      body,
      ...(notice ? { noticeHtml: notice.parts[0]?.html ?? '' } : {}),
      sourceLink,
      links: [...body.links, ...(notice?.links ?? []), sourceLink],
      siteLinks,
      lines: fieldLines(frontmatter, CROSS_FILE_FIELDS),
    },
    problems,
  };
}

/** Links of a text as its file holds them: lines counted from the file's start, and the field. */
export function inFile(links: readonly SiteLink[], fileLine: (line: number) => number, field: string): WrittenSiteLink[] {
  return links.map(({ line, ...link }) => ({ ...link, field, ...(line === undefined ? {} : { line: fileLine(line) }) }));
}

/** The front matter's `number` when it is a positive whole number. */
export function writtenNumber(data: unknown): number | undefined {
  const number = (data as { number?: unknown } | null)?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= MAX_ISSUE_NUMBER ? number : undefined;
}

/** The front matter's `number` and its line, for `FileValidation`. */
export function writtenNumberOf(frontmatter: Frontmatter): Pick<FileValidation, 'number'> {
  const value = writtenNumber(frontmatter.data);
  return value === undefined ? {} : { number: { value, line: frontmatter.lineOf(['number']) } };
}

/** What the issues collection stores of a valid issue. */
export function toIssueEntry({ data, body, noticeHtml, sourceLink }: ValidIssue): IssueEntryData {
  return { ...data, body: toRenderedBody(body), ...(noticeHtml === undefined ? {} : { noticeHtml }), sourceLink };
}

/** Text YAML would drop as a comment (` #…` after a value) as problems. */
export function describeTrailingComments(file: string, { trailingComments }: Pick<Frontmatter, 'trailingComments'>): ContentProblem[] {
  return trailingComments.map(({ field, line }) => ({
    file,
    line,
    field: field || 'front matter',
    message: 'the text after " #" on this line is a YAML comment, so it would be dropped',
    fix: 'if the text belongs to the value, put the whole value in quotes (title: "Issue #21"); if it is a note, remove it',
  }));
}

/**
 * Values wrapped between Chinese characters as problems: every one but a block of Markdown
 * (`notice: |`), whose lines Markdown joins.
 */
export function describeWrappedValues(file: string, { wrappedValues }: Pick<Frontmatter, 'wrappedValues'>): ContentProblem[] {
  return wrappedValues
    .filter(({ field, block }) => !(block && MARKDOWN_FIELDS.has(field)))
    .map(({ field, line }) => ({
      file,
      line,
      field,
      message: `${field} is written over several lines, which YAML joins with a space (a "|" block keeps the line break, shown as a space): pages and feeds would show a space between Chinese characters`,
      fix: 'write the value on one line',
    }));
}

/** Front matter fields read as Markdown. */
const MARKDOWN_FIELDS: ReadonlySet<string> = new Set(['attribution.notice']);

/** A schema failure as a problem with file, line, field and fix. */
export function describeSchemaIssue(
  issue: z.core.$ZodIssue,
  file: string,
  { data, lineOf, writtenAt }: Pick<Frontmatter, 'data' | 'lineOf'> & Partial<Pick<Frontmatter, 'writtenAt'>>,
  examples: Readonly<Record<string, string>> = FIELD_EXAMPLES,
): ContentProblem {
  const field = issue.path.map(String).join('.') || 'front matter';
  const line = lineOf(issue.path);
  const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
  if (issue.code === 'invalid_type' && given === undefined) {
    const example = examples[field];
    return { file, line, field, message: `the required field ${field} is missing`, fix: example ? `add ${example}` : `add ${field}` };
  }
  // `editor:` with nothing after it: YAML reads an empty value as null; `""` or spaces are text with nothing in it.
  const emptyText = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1;
  if ((issue.code === 'invalid_type' && given === null) || emptyText) {
    const example = examples[field];
    return {
      file,
      line,
      field,
      message: `${field} is empty`,
      fix: example
        ? `write its value, as in ${example}`
        : issue.path.length === 0
          ? 'write the fields between the two "---" lines (see "Content fields" in README.md)'
          : `write its value after "${String(issue.path.at(-1))}:"`,
    };
  }
  // `organization: 360`, `description: true`: YAML reads a value without quotes as a number, a truth value or a list.
  const written = writtenAt?.(issue.path);
  const plainType = issue.code === 'invalid_type' && issue.expected === 'string' && issue.message.startsWith('Invalid input');
  if (plainType && given !== null && written !== undefined) {
    const read = Array.isArray(given)
      ? 'a list'
      : typeof given === 'boolean'
        ? 'true or false'
        : `a ${typeof given === 'object' ? 'map' : typeof given}`;
    const value = written.replace(/\s+/g, ' ').trim();
    return {
      file,
      line,
      field,
      message: `YAML reads ${value} as ${read}, not text`,
      fix: `put the value in quotes, as written: ${String(issue.path.at(-1))}: "${value.replace(/["\\]/g, '\\$&')}"`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return {
      file,
      line: lineOf([...issue.path, issue.keys[0] ?? '']),
      field: issue.keys.length === 1 ? [...issue.path, ...issue.keys].join('.') : field,
      message: `unknown field ${keys}`,
      fix: 'remove it or correct its spelling (see "Content fields" in README.md)',
    };
  }
  // Schema messages read "what is wrong; how to fix it".
  const [message, fix] = issue.message.split('; ');
  return {
    file,
    line,
    field,
    message: message ?? issue.message,
    fix: fix ?? `correct ${field}${examples[field] ? ` (e.g. ${examples[field]})` : ''}`,
  };
}

/** Rules across the archive: each number once, and no two periods sharing more than a boundary day. */
export function checkIssueSet(issues: readonly ValidIssue[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byNumber = new Map<number, ValidIssue>();
  for (const issue of issues) {
    const first = byNumber.get(issue.data.number);
    if (first) {
      problems.push({
        file: issue.file,
        line: issue.lines.number,
        field: 'number',
        message: `${formatIssueLabel(issue.data.number)} (number ${issue.data.number}) is also ${first.file}`,
        fix: 'give this issue its own number',
      });
    } else {
      byNumber.set(issue.data.number, issue);
    }
  }
  const ordered = outOfOrder(issues);
  problems.push(...ordered, ...farFromTheSeries(issues, new Set(ordered.map(({ file }) => file))), ...publishedOutOfOrder(issues));
  const byStart = [...issues].sort(
    (a, b) => a.data.period.start.getTime() - b.data.period.start.getTime() || a.data.number - b.data.number,
  );
  // The issue ending last so far overlaps any period starting before its end; one starting on the
  // same first day as the issue just before it overlaps that one, even a one-day period ending
  // before the latest does (01-01..01-20, then 01-20 alone, then 01-20..01-27).
  let latest: ValidIssue | undefined;
  let previous: ValidIssue | undefined;
  for (const issue of byStart) {
    const other = [latest, previous].find((candidate) => candidate && periodsOverlap(candidate.data.period, issue.data.period));
    if (other) {
      problems.push({
        file: issue.file,
        line: issue.lines['period.start'],
        field: 'period.start',
        message: `the period ${describePeriod(issue)} overlaps ${formatIssueLabel(other.data.number)} (${describePeriod(other)}, ${other.file})`,
        fix: `start on or after ${toIsoDay(firstFreeDay(other.data.period))}, or correct the other issue's period`,
      });
    }
    if (!latest || issue.data.period.end > latest.data.period.end) latest = issue;
    previous = issue;
  }
  return problems;
}

/**
 * Issues numbered against the calendar: a later number whose period starts before an earlier
 * number's. A year mistyped (2041 for 2014) passes every rule of a file alone, then heads every
 * newest-first list and stretches the archive and its charts over decades. Of the two, the one out
 * of line with its other neighbour is named: the earlier one when it starts even after the issue
 * after the later one, the later one when it starts even before the issue before the earlier one;
 * else the one farther from its other neighbour, and on a tie the later number, most often the new one.
 */
function outOfOrder(issues: readonly ValidIssue[]): ContentProblem[] {
  const byNumber = [...issues].sort((a, b) => a.data.number - b.data.number);
  const start = (issue: ValidIssue | undefined) => issue?.data.period.start;
  const gap = (from: Date | undefined, to: Date | undefined) => (from && to ? Math.abs(daysBetween(from, to)) : 0);
  const problems: ContentProblem[] = [];
  for (const [index, earlier] of byNumber.entries()) {
    const later = byNumber[index + 1];
    // Two files with one number are the duplicate rule's to report.
    if (!later || later.data.number === earlier.data.number || later.data.period.start >= earlier.data.period.start) continue;
    const before = start(byNumber[index - 1]);
    const after = start(byNumber[index + 2]);
    const earlierOff =
      after && earlier.data.period.start > after
        ? true
        : before && later.data.period.start < before
          ? false
          : gap(before, start(earlier)) > gap(start(later), after);
    const [odd, other] = earlierOff ? [earlier, later] : [later, earlier];
    problems.push({
      file: odd.file,
      line: odd.lines['period.start'],
      field: 'period.start',
      message: `the period ${describePeriod(odd)} starts ${earlierOff ? 'after' : 'before'} that of ${formatIssueLabel(other.data.number)} (${describePeriod(other)}, ${other.file}), though ${formatIssueLabel(odd.data.number)} comes ${earlierOff ? 'before' : 'after'} it: issues are numbered in the order of their periods`,
      fix: 'check the year of period.start and period.end (and of published), or the number',
    });
  }
  return problems;
}

/** Years between an issue and the one numbered next to it beyond which its year is taken as mistyped. */
const MAX_GAP_YEARS = 3;

/**
 * The newest or oldest issue dated years away from the one numbered next to it: a year mistyped
 * (2041 for 2014) in an issue with a neighbour on one side only, which the order rule cannot
 * catch, stretches the archive, its charts and its year pages over decades. A pause of a few
 * years between two issues passes; an issue out of order (`outOfOrderFiles`) is that rule's.
 */
function farFromTheSeries(issues: readonly ValidIssue[], outOfOrderFiles: ReadonlySet<string>): ContentProblem[] {
  const byNumber = [...issues].sort((a, b) => a.data.number - b.data.number);
  if (byNumber.length < 2) return [];
  const ends = [
    [byNumber[0], byNumber[1], 'before'],
    [byNumber.at(-1), byNumber.at(-2), 'after'],
  ] as const;
  return ends.flatMap(([edge, neighbour, side]) => {
    // An issue the order rule names is the odd one already, not the one beside it.
    if (!edge || !neighbour || edge.data.number === neighbour.data.number) return [];
    if (outOfOrderFiles.has(edge.file) || outOfOrderFiles.has(neighbour.file)) return [];
    // Days from the neighbour's start to the edge's, the way the numbers run (dated the other way is the order rule's).
    const days = daysBetween(neighbour.data.period.start, edge.data.period.start) * (side === 'after' ? 1 : -1);
    const years = days / 365.25;
    if (years <= MAX_GAP_YEARS) return [];
    return [
      {
        file: edge.file,
        line: edge.lines['period.start'],
        field: 'period.start',
        message: `the period ${describePeriod(edge)} starts ${Math.floor(years)} years ${side} that of ${formatIssueLabel(neighbour.data.number)} (${describePeriod(neighbour)}, ${neighbour.file}), the issue numbered next to it: its year looks mistyped`,
        fix: 'check the year of period.start and period.end (and of published)',
      },
    ];
  });
}

/**
 * Issues published against their numbers: a later number out before an earlier one. A month typed
 * wrong in published (`2014-03-25` for `2014-02-25`) passes every rule of a file alone, then dates
 * the issue's feed items above newer issues in a reader, which sorts by date. Of the two, the one
 * farther from the end of its own period is named; on a tie, the later number.
 */
function publishedOutOfOrder(issues: readonly ValidIssue[]): ContentProblem[] {
  const byNumber = [...issues].sort((a, b) => a.data.number - b.data.number);
  const late = (issue: ValidIssue) => Math.abs(daysBetween(issue.data.period.end, issue.data.published));
  return byNumber.flatMap((earlier, index) => {
    const later = byNumber[index + 1];
    // Two files with one number, or periods out of order, are the other rules' to report.
    if (!later || later.data.number === earlier.data.number || later.data.period.start < earlier.data.period.start) return [];
    if (later.data.published >= earlier.data.published) return [];
    const earlierOff = late(earlier) > late(later);
    const [odd, other] = earlierOff ? [earlier, later] : [later, earlier];
    return [
      {
        file: odd.file,
        line: odd.lines.published,
        field: 'published',
        message: `published ${toIsoDay(odd.data.published)} is ${earlierOff ? 'after' : 'before'} ${formatIssueLabel(other.data.number)} (published ${toIsoDay(other.data.published)}, ${other.file}), though ${formatIssueLabel(odd.data.number)} comes ${earlierOff ? 'before' : 'after'} it: feeds would list the issues out of order`,
        fix: 'check the year and month of published, or the number',
      },
    ];
  });
}

function describePeriod(issue: ValidIssue): string {
  return `${toIsoDay(issue.data.period.start)}..${toIsoDay(issue.data.period.end)}`;
}
