/**
 * Translations of issues: validation of a translation file, the rules linking it to its
 * Chinese issue (number, period, sections), and staleness: each translation records a hash of
 * the Chinese text it translates, so a later change to the Chinese shows.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Locale } from '../i18n/locales.ts';
import { TranslationSchema, type TranslationData } from '../schemas/translation.ts';
import { toIsoDay } from '../lib/dates.ts';
import { parseEnglishIssueNumber, parseIssueNumber } from '../lib/numerals.ts';
import { fieldLines, frontmatterProblem, isFrontmatterError, parseFrontmatter, type FieldLines } from './frontmatter.ts';
import { issuePage, readIssueBody, toRenderedBody, type IssueBody } from './issue-body.ts';
import {
  describeSchemaIssue,
  FIELD_EXAMPLES,
  describeTrailingComments,
  describeWrappedValues,
  writtenNumber,
  writtenNumberOf,
  inFile,
  type FileValidation,
  type IssueFile,
  type ValidIssue,
} from './issue-validation.ts';
import type { ContentProblem } from './problems.ts';
import { issueFileName } from './folder.ts';
import { isDraft, placeholderProblems } from './placeholders.ts';
import { splitHeading, type ProjectResolver } from '../lib/projects.ts';
import type { TranslationEntryData } from '../schemas/entry.ts';
import { noLinkRules, type LinkRules } from '../lib/outside-links.ts';
import type { OutsideLinkOptions } from './outside-links.ts';
import type { WrittenSiteLink } from './site-links.ts';

export interface ValidTranslation {
  file: string;
  locale: Locale;
  data: TranslationData;
  /** File line on which the body starts (section lines count from it). */
  bodyLine: number;
  /** The body read and rendered: introduction and sections. */
  body: IssueBody;
  /** Every link and image to this site the body holds, with its line in the file. */
  siteLinks: WrittenSiteLink[];
  /** Where the fields the checks against its issue name are. */
  lines: FieldLines<(typeof CROSS_FILE_FIELDS)[number]>;
  /** The file's last line: where a section the translation lacks goes when no later one follows. */
  lastLine: number;
}

/** The fields of a translation the checks against its issue (`checkTranslations`) name. */
const CROSS_FILE_FIELDS = ['number', 'title', 'period'] as const;

/** The fields' examples for a translation, in its language (the issue's are Chinese). */
const TRANSLATION_EXAMPLES: Readonly<Record<string, string>> = {
  ...FIELD_EXAMPLES,
  title: 'title: OpenStack Community Digest, Issue 8',
  description: 'description: One sentence on what the issue covers',
};

export interface TranslationContext {
  resolver: ProjectResolver;
  /** The address the site is published at (see `IssueContext`). */
  site: URL;
  /**
   * The day the issue of a number came out (`YYYY-MM-DD`): a translation's archived copies are
   * dated to its issue. Without it (or without such an issue), links stay as written.
   */
  publishedOf?: (number: number) => string | undefined;
  /** Known moves and the last link checks (see `IssueContext`). */
  links?: LinkRules;
}

/** A translation whose Chinese issue changed after it was made. */
export interface StaleTranslation {
  file: string;
  locale: Locale;
  number: number;
  issueFile: string;
  /** How its sections (and introduction) now differ from the issue's: what updating it brings, problems once it is rehashed. */
  differences?: ContentProblem[];
}

/**
 * The hash a translation records: SHA-256 over the Chinese title, description and body, so
 * changes to credits or dates do not make translations stale.
 */
export function hashIssueSource(issue: { title: string; description: string; body: string }): string {
  const body = issue.body.replace(/\r\n?/g, '\n').trim();
  return createHash('sha256')
    .update(JSON.stringify([issue.title, issue.description, body]))
    .digest('hex');
}

/** Validates one translation file on its own: front matter, schema, and headings that name projects. */
export function validateTranslationFile(
  input: IssueFile,
  locale: Locale,
  { resolver, site, publishedOf, links = noLinkRules }: TranslationContext,
): FileValidation & { translation?: ValidTranslation } {
  const { file } = input;
  const frontmatter = parseFrontmatter(input.source);
  if (isFrontmatterError(frontmatter)) {
    return { problems: [frontmatterProblem(file, frontmatter)] };
  }
  const parsed = TranslationSchema.safeParse(frontmatter.data);
  const problems = [...describeTrailingComments(file, frontmatter), ...describeWrappedValues(file, frontmatter)];
  if (!isDraft(frontmatter.data)) problems.push(...placeholderProblems(file, input.source, frontmatter.bodyLine));
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((issue) => describeSchemaIssue(issue, file, frontmatter, TRANSLATION_EXAMPLES)));
  const written = writtenNumber(frontmatter.data);
  const number = parsed.success ? parsed.data.number : (written ?? 0);
  const day = publishedOf?.(number);
  const outsideLinks: { outsideLinks?: OutsideLinkOptions } = day ? { outsideLinks: { day, locale, rules: links } } : {};
  const body = readIssueBody(frontmatter.body, {
    resolver,
    page: issuePage(site, number, locale),
    bodyLine: frontmatter.bodyLine,
    lang: locale,
    ...outsideLinks,
  });
  for (const problem of body.problems) {
    problems.push({ file, line: frontmatter.bodyLine + problem.line - 1, field: 'body', message: problem.message, fix: problem.fix });
  }
  const known = writtenNumberOf(frontmatter);
  if (!parsed.success || problems.length > 0) return { problems, ...known };
  return {
    ...known,
    translation: {
      file,
      locale,
      data: parsed.data,
      bodyLine: frontmatter.bodyLine,
      body,
      siteLinks: inFile(body.siteLinks, (line) => frontmatter.bodyLine + line - 1, 'body'),
      lines: fieldLines(frontmatter, CROSS_FILE_FIELDS),
      lastLine: frontmatter.bodyLine + frontmatter.body.replace(/\r?\n$/, '').split('\n').length - 1,
    },
    problems,
  };
}

/**
 * Checks translations against their issues; stale ones are reported apart, as they do not fail the
 * build. A translation of an issue whose file has problems of its own waits until that file is
 * valid (its problems are reported there): it is not said to translate a missing issue.
 */
export function checkTranslations(
  translations: readonly ValidTranslation[],
  issues: readonly ValidIssue[],
  resolver: Pick<ProjectResolver, 'get'>,
  invalidIssues: ReadonlySet<number> = new Set(),
): { problems: ContentProblem[]; stale: StaleTranslation[] } {
  const byNumber = new Map(issues.map((issue) => [issue.data.number, issue]));
  const seen = new Map<string, ValidTranslation>();
  const problems: ContentProblem[] = [];
  const stale: StaleTranslation[] = [];
  // The file named by its number first: of two translations of one issue, the other is the copy.
  const named = (translation: ValidTranslation) => path.basename(translation.file) === issueFileName(translation.data.number);
  for (const translation of [...translations].sort((a, b) => Number(named(b)) - Number(named(a)))) {
    const { file, data } = translation;
    const issue = byNumber.get(data.number);
    const numberLine = translation.lines.number;
    if (!issue && invalidIssues.has(data.number)) continue;
    if (!issue) {
      problems.push({
        file,
        line: numberLine,
        field: 'number',
        message: `there is no issue ${data.number} to translate`,
        fix: 'translate an existing issue, or correct the number',
      });
      continue;
    }
    const key = `${translation.locale}:${data.number}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        file,
        line: numberLine,
        field: 'number',
        message: `issue ${data.number} already has a translation into ${translation.locale}: ${earlier.file}`,
        fix: 'keep one translation per issue and language',
      });
      continue;
    }
    seen.set(key, translation);
    problems.push(...contradictions(translation, issue));
    // Sections that no longer match a changed issue (the editor added one late) are what the update
    // brings, said with the stale translation: they do not hold the Chinese issue's publication up.
    const differences = sectionDifferences(translation, issue, resolver);
    if (data.source.sha256 === hashIssueSource({ ...issue.data, body: issue.source })) problems.push(...differences);
    else
      stale.push({
        file,
        locale: translation.locale,
        number: data.number,
        issueFile: issue.file,
        ...(differences.length ? { differences } : {}),
      });
  }
  return { problems, stale };
}

/** What a translation may not say differently from its issue, whatever version it translates: the number in its title, the period. */
function contradictions(translation: ValidTranslation, issue: ValidIssue): ContentProblem[] {
  const { file, data } = translation;
  const problems: ContentProblem[] = [];
  const titled = parseEnglishIssueNumber(data.title) ?? parseIssueNumber(data.title);
  if (titled !== undefined && titled !== data.number) {
    problems.push({
      file,
      line: translation.lines.title,
      field: 'title',
      message: `the title says issue ${titled} but number is ${data.number}`,
      fix: 'make them agree',
    });
  }
  const period = issue.data.period;
  if (data.period && (toIsoDay(data.period.start) !== toIsoDay(period.start) || toIsoDay(data.period.end) !== toIsoDay(period.end))) {
    problems.push({
      file,
      line: translation.lines.period,
      field: 'period',
      message: `the period differs from the issue's (${toIsoDay(period.start)}..${toIsoDay(period.end)}, ${issue.file})`,
      fix: 'remove period from the translation (it comes from the issue) or make it equal',
    });
  }
  return problems;
}

/** Where a translation's introduction and sections (their order, their subtitles) differ from its issue's. */
function sectionDifferences(translation: ValidTranslation, issue: ValidIssue, resolver: Pick<ProjectResolver, 'get'>): ContentProblem[] {
  const { file } = translation;
  // A project's name in the translation's language, as a section heading the editor can write.
  const projectName = (projectId: string) => resolver.get(projectId)?.name[translation.locale];
  const problems: ContentProblem[] = [];
  // The text before the first section (an editor's note) is the issue's as much as a section is:
  // a translation without it would leave it off the translated page with no word said.
  // An introduction of nothing to read (a rule, a no-break space) asks for no translation.
  // Nor is one of nothing to read in the translation (a no-break space left for later) a translation of it.
  const readable = (intro: IssueBody['intro']) => !!intro && (!!intro.text.trim() || /<(?:img|table)\b/.test(intro.html));
  if (readable(issue.body.intro) && !readable(translation.body.intro)) {
    const first = translation.body.sections[0];
    const line = first ? translation.bodyLine + first.line - 1 : translation.bodyLine;
    problems.push({
      file,
      line,
      field: 'body',
      message: `the issue has an introduction (the text before its first section, in ${issue.file}) that the translation lacks, so the translated page would leave it out`,
      fix: `translate it above the first "##" heading${first ? ` (before line ${line})` : ''}`,
    });
  }
  const ours = new Set(translation.body.sections.map((section) => section.projectId));
  const theirs = new Set(issue.body.sections.map((section) => section.projectId));
  const lineOfSection = new Map(translation.body.sections.map((section) => [section.projectId, translation.bodyLine + section.line - 1]));
  issue.body.sections.forEach((section, index) => {
    if (ours.has(section.projectId)) return;
    // Where it belongs: before the next of the issue's sections the translation has, else at its end.
    const next = issue.body.sections.slice(index + 1).find((later) => lineOfSection.has(later.projectId));
    const before = next && lineOfSection.get(next.projectId);
    const heading = projectName(section.projectId) ?? splitHeading(section.heading).name;
    // `### Nova` is a sub-heading of the section before it: what the translator meant.
    const meant = translation.body.projectSubheadings.find((sub) => sub.projectId === section.projectId);
    problems.push(
      meant
        ? {
            file,
            line: translation.bodyLine + meant.line - 1,
            field: 'body',
            message: `the issue has a "${section.heading}" section (${section.projectId}) but the translation's "${meant.written}" is a sub-heading, so its text stays in the section before it`,
            fix: `write "## ${meant.text}" to open the section`,
          }
        : {
            file,
            line: before ?? translation.lastLine,
            field: 'body',
            message: `the issue has a "${section.heading}" section (${section.projectId}) that the translation lacks`,
            fix: `add a "## ${heading}" section ${before ? `before line ${before}` : 'at the end'} (any name or alias of the project works as its heading)`,
          },
    );
  });
  // The page shows a text's sections in its own order: a translation in another order would list
  // them otherwise than the Chinese page it switches to.
  const shared = issue.body.sections.filter((section) => ours.has(section.projectId)).map((section) => section.projectId);
  const written = translation.body.sections.filter((section) => theirs.has(section.projectId));
  const misplaced = written.find((section, index) => section.projectId !== shared[index]);
  if (misplaced) {
    const headings = shared.map((id) => `"## ${projectName(id) ?? id}"`).join(', ');
    problems.push({
      file,
      line: translation.bodyLine + misplaced.line - 1,
      field: 'body',
      message: `the sections are not in the issue's order (the "${misplaced.heading}" section is out of place), so the translated page would list them otherwise than the Chinese one`,
      fix: `order the sections as the issue does: ${headings}`,
    });
  }
  // A subtitle shows under the section's name on its page: one in a language only would tell its
  // readers less (or more) than the page the language switch leads to.
  const subtitleOf = new Map(issue.body.sections.map((section) => [section.projectId, section]));
  for (const section of translation.body.sections) {
    const original = subtitleOf.get(section.projectId);
    if (!original || !original.subtitle === !section.subtitle) continue;
    const name = splitHeading(section.heading).name;
    problems.push({
      file,
      line: translation.bodyLine + section.line - 1,
      field: 'body',
      ...(original.subtitle
        ? {
            message: `the issue's "${original.heading}" section has a subtitle that the translation's "${section.heading}" lacks, so the translated page would leave it out`,
            fix: `translate the subtitle into the heading: "## ${name} (<subtitle>)"`,
          }
        : {
            message: `the translation's "${section.heading}" section has a subtitle that the issue's "${original.heading}" has not, so the translated page would show what the Chinese one does not`,
            fix: `write "## ${name}", or add the subtitle to the Chinese issue first`,
          }),
    });
  }
  for (const section of translation.body.sections) {
    if (!theirs.has(section.projectId)) {
      problems.push({
        file,
        line: translation.bodyLine + section.line - 1,
        field: 'body',
        message: `the translation has a "${section.heading}" section (${section.projectId}) that the issue does not`,
        fix: 'remove it, or add the section to the Chinese issue first',
      });
    }
  }
  return problems;
}

/** What the translations collection stores of a valid translation. */
export function toTranslationEntry({ locale, data, body }: ValidTranslation, stale: boolean): TranslationEntryData {
  return { ...data, locale, status: stale ? 'stale' : 'translated', body: toRenderedBody(body) };
}
