/**
 * Converts one legacy Jekyll post of the digest into an issue file. Pure: bytes and options
 * in; the issue file, or the line and reason it cannot be imported, out, with a note for
 * every normalization. Nothing is dropped: what is moved or rewritten is reported.
 */
import { parse as parseYaml } from 'yaml';
import { parseIssueNumber } from '../../src/lib/numerals.ts';
import { parseLegacyPeriod, resolvePeriodYears, type MonthDay } from '../../src/lib/periods.ts';
import { daysBetween, makeDay, parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import type { ProjectResolver } from '../../src/lib/projects.ts';
import { LONGEST_PERIOD_DAYS, type IssueData } from '../../src/schemas/issue.ts';
import { issueFileName, serializeIssue } from './issue-writer.ts';
import { controlCharacterError, decodeUtf8, isEncodingError } from '../../src/pipeline/encoding.ts';
import { isFrontmatterError, parseFrontmatter } from '../../src/pipeline/frontmatter.ts';
import { ImportError, type ImportNote } from './import-notes.ts';
import { isGroupHeading, restructureBody, type SectionDecisions } from './legacy-sections.ts';

export type { ImportNote, NoteKind } from './import-notes.ts';

export interface LegacyInput {
  /** The legacy file's path in its folder (its name's date prefix gives the year). */
  fileName: string;
  bytes: Uint8Array;
}

/** A publication date given from outside the file, and where it came from. */
export interface KnownDate {
  date: Date;
  source: string;
}

export interface ImportContext {
  resolver: ProjectResolver;
  /** Credit for posts that carry no 声明 of their own. */
  attribution: IssueData['attribution'];
  /** Dates by file name (`--date`), which win over the file name's own date. */
  datesByFile?: ReadonlyMap<string, KnownDate>;
  /** Dates by issue number (`--dates-from`), for files whose name carries none. */
  datesByNumber?: ReadonlyMap<number, KnownDate>;
  /** The editor's answers to the importer's guesses about sections (`--section`), by file name. */
  sectionsByFile?: ReadonlyMap<string, SectionDecisions>;
}

export interface ImportedIssue {
  number: number;
  /** Path inside the output folder, e.g. `zh-CN/0008.md`. */
  path: string;
  content: string;
  data: IssueData;
}

export type ImportResult =
  { ok: true; issue: ImportedIssue; notes: ImportNote[]; lines: number } | { ok: false; line: number; reason: string; notes: ImportNote[] };

/**
 * Fields that only told Jekyll how to show the post on the blog (its address, index excerpt, page
 * keywords): not carried over, each reported with its value.
 */
const JEKYLL_FIELDS = new Set([
  'layout',
  'category',
  'categories',
  'tags',
  'comments',
  'published',
  'permalink',
  'redirect_from',
  'excerpt',
  'excerpt_separator',
  'keywords',
]);
/** Fields the issue takes: the title (number, period), the description, Jekyll's date (published) and author (editor). */
const READ_FIELDS = new Set(['title', 'description', 'date', 'author']);

/**
 * The period a legacy file's name carries after its date, as the blog named its posts
 * (`2014-02-15-openstack-activity-0203-0215.md`), for a title that has none.
 */
function periodOfFileName(fileName: string) {
  const [, start, end] = /-(\d{4})-(\d{4})\.[a-z]+$/i.exec(fileName) ?? [];
  return start && end ? parseLegacyPeriod(`(${start}-${end})`) : undefined;
}

/** Converts a legacy post; never throws for bad input. */
export function convertLegacyPost(input: LegacyInput, context: ImportContext): ImportResult {
  const notes: ImportNote[] = [];
  try {
    const { issue, lines } = convert(input, context, notes);
    return { ok: true, issue, notes, lines };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, line: error.line, reason: error.message, notes };
    throw error;
  }
}

function convert(input: LegacyInput, context: ImportContext, notes: ImportNote[]) {
  const decoded = decodeUtf8(input.bytes, input.fileName);
  if (isEncodingError(decoded)) throw new ImportError(decoded.line, `${decoded.message}; ${decoded.fix}`);
  const control = controlCharacterError(decoded.text);
  if (control) throw new ImportError(control.line, `${control.message}; ${control.fix}`);
  if (input.bytes[0] === 0xef && input.bytes[1] === 0xbb && input.bytes[2] === 0xbf) {
    notes.push({ kind: 'encoding', line: 1, message: 'the UTF-8 byte order mark (BOM) some Windows editors write dropped' });
  }
  let text = decoded.text;
  if (text.includes('\r')) {
    // Windows writes CRLF, classic Mac OS a lone CR: the note names what the file had.
    const kinds = [...new Set(text.match(/\r\n?/g) ?? [])].map((ending) => (ending === '\r\n' ? 'CRLF' : 'CR')).sort();
    notes.push({ kind: 'line-endings', message: `${kinds.join(' and ')} line endings converted to LF` });
    text = text.replace(/\r\n?/g, '\n');
  }
  if (!text.trim()) throw new ImportError(1, 'the file is empty. Fix: remove it from the folder, or restore the post');
  const fence = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!fence) throw new ImportError(1, 'no Jekyll front matter: the file must start with a block between two "---" lines');
  let header: Record<string, unknown>;
  try {
    header = (parseYaml(fence[1] ?? '') ?? {}) as Record<string, unknown>;
  } catch (error) {
    // The site's reading of front matter names what broke it (a value holding ": ", a "[" never closed) and the fix.
    const read = parseFrontmatter(text);
    if (isFrontmatterError(read)) throw new ImportError(read.line, `${read.message}. Fix: ${read.fix}`);
    const line = 1 + ((error as { linePos?: [{ line: number }] }).linePos?.[0].line ?? 1);
    throw new ImportError(line, `broken YAML in the front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const lineOfKey = (key: string) => 1 + (fence[1] ?? '').split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1;
  const title = typeof header['title'] === 'string' ? header['title'].trim() : '';
  if (!title) throw new ImportError(lineOfKey('title') || 2, 'the front matter has no title');

  const number = parseIssueNumber(title);
  if (number === undefined || number < 1) {
    throw new ImportError(lineOfKey('title'), `the title "${title}" carries no issue number such as 第八期`);
  }
  const titlePeriod = parseLegacyPeriod(title);
  const namedPeriod = periodOfFileName(input.fileName);
  const legacyPeriod = titlePeriod ?? namedPeriod;
  if (!legacyPeriod) {
    throw new ImportError(
      lineOfKey('title'),
      `the title "${title}" carries no period such as (02.03-02.15) or (0320-0410), nor does the file name (as in 2014-02-15-openstack-activity-0203-0215.md); add the period the issue covers to the post's title, as (MM.DD-MM.DD)`,
    );
  }
  // The blog named a post by its period too: when the two disagree, one was mistyped, and only the editor knows which.
  const sameDays = (a: MonthDay, b: MonthDay) => a.month === b.month && a.day === b.day;
  if (titlePeriod && namedPeriod && !(sameDays(titlePeriod.start, namedPeriod.start) && sameDays(titlePeriod.end, namedPeriod.end))) {
    notes.push({
      kind: 'title',
      line: lineOfKey('title'),
      message: `the title's period ${titlePeriod.text} is taken; the file name gives another, ${namedPeriod.text.slice(1, -1)}: one of them is mistyped`,
    });
  }
  if (!title.includes(legacyPeriod.text)) {
    notes.push({
      kind: 'title',
      line: lineOfKey('title'),
      message: `the title carries no period: ${legacyPeriod.text} taken from the file name`,
    });
  }
  // A post in a subfolder (`2014/2014-02-15-….md`) is dated by its own name, as Jekyll dates it.
  const fileNameDate = parseIsoDay(/(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(input.fileName)?.[1] ?? '');
  // Jekyll's own date: wins over the file name's, as it did on the blog; an explicit --date wins over both.
  const explicit = context.datesByFile?.get(input.fileName);
  // Given a --date, a date: that does not read is no obstacle: the --date is what it is for.
  const written = explicit ? undefined : readJekyllDate(header['date'], lineOfKey('date'));
  const fromFile = written && { date: written.date, source: `the front matter's date: ${written.text}` };
  const given = explicit ?? fromFile ?? (fileNameDate ? undefined : context.datesByNumber?.get(number));
  const published = given?.date ?? fileNameDate;
  if (!published) {
    throw new ImportError(
      1,
      'no publication date: the file name has no YYYY-MM-DD- prefix; pass --dates-from <folder of dated posts> or --date <file>=YYYY-MM-DD',
    );
  }
  if (given) {
    const disagrees =
      fileNameDate && toIsoDay(fileNameDate) !== toIsoDay(published) ? ` (the file name says ${toIsoDay(fileNameDate)})` : '';
    notes.push({
      kind: 'date',
      ...(given === fromFile ? { line: lineOfKey('date') } : {}),
      message: `publication date ${toIsoDay(published)} from ${given.source}${disagrees}`,
    });
  }
  const author = readJekyllAuthor(header['author'], lineOfKey('author'));
  if (author !== undefined) {
    const series = context.attribution.editor === author ? '' : ` (the series' credits name ${context.attribution.editor})`;
    notes.push({ kind: 'editor', line: lineOfKey('author'), message: `editor ${author} from the front matter's author:${series}` });
  }
  const period = resolvePeriodYears(legacyPeriod, published);
  if (!period) {
    throw new ImportError(
      lineOfKey('title'),
      `the period ${legacyPeriod.text} names a day that does not exist in its year (years come from the publication date, ${toIsoDay(published)})`,
    );
  }
  // A period read across a new year for longer than any issue is one typed the wrong way round.
  const days = daysBetween(period.start, period.end);
  if (period.crossesYear && days > LONGEST_PERIOD_DAYS) {
    throw new ImportError(
      lineOfKey('title'),
      `the period ${legacyPeriod.text} ends before it starts: read across a new year it would cover ${days} days, longer than any issue. Fix: correct the period in the post's title (are its two days swapped?)`,
    );
  }
  const span = `${toIsoDay(period.start)}..${toIsoDay(period.end)}`;
  if (period.crossesYear) {
    notes.push({ kind: 'year', line: lineOfKey('title'), message: `period ${legacyPeriod.text} crosses a new year: ${span}` });
  }
  if (period.anchorOffsetDays < 0 || period.anchorOffsetDays > 7) {
    const when = period.anchorOffsetDays < 0 ? `${-period.anchorOffsetDays} days before` : `${period.anchorOffsetDays} days after`;
    notes.push({
      kind: 'date',
      message: `publication date ${toIsoDay(published)} is ${when} the period's end (${span}); kept as the published date, years taken from the nearest match`,
    });
  }
  // A post Jekyll did not publish: the blog never showed it, so the site does not either until the editor says so.
  const unpublished = header['published'] === false;
  if (unpublished) {
    notes.push({
      kind: 'metadata',
      line: lineOfKey('published'),
      message: 'published: false (a post the blog never showed) written as draft: true; remove it from the issue to publish it',
    });
  }
  const dropped = Object.keys(header).filter((key) => JEKYLL_FIELDS.has(key) && !(unpublished && key === 'published'));
  if (dropped.length) {
    notes.push({
      kind: 'metadata',
      message: `Jekyll-only fields not carried over: ${dropped.map((key) => `${key}: ${String(header[key])}`).join(', ')}`,
    });
  }
  const unknown = Object.keys(header).filter((key) => !JEKYLL_FIELDS.has(key) && !READ_FIELDS.has(key));
  if (unknown.length) {
    throw new ImportError(
      lineOfKey(unknown[0] ?? ''),
      `front matter field ${unknown.join(', ')} has no place in an issue; remove it or extend the importer`,
    );
  }

  const bodyStartLine = (fence[0].match(/\n/g) ?? []).length + 1;
  const decisions = context.sectionsByFile?.get(input.fileName);
  const liquidFree = convertLiquid(text.slice(fence[0].length), bodyStartLine, notes);
  const body = restructureBody(repairHeadingSpaces(liquidFree, context.resolver, bodyStartLine, notes), {
    resolver: context.resolver,
    fileName: input.fileName,
    firstLine: bodyStartLine,
    notes,
    ...(decisions ? { decisions } : {}),
  });
  // An issue is its sections: a post without one would fail the site's check on a field the editor never wrote.
  if (body.projects.length === 0) {
    if (!body.markdown.trim()) {
      throw new ImportError(
        bodyStartLine,
        'the post has no text after its front matter, headings aside. Fix: remove it from the folder, or restore its text',
      );
    }
    const firstText = text
      .slice(fence[0].length)
      .split('\n')
      .findIndex((line) => line.trim());
    throw new ImportError(
      bodyStartLine + Math.max(firstText, 0),
      "the post's text stands under no section heading (## 业界动态, ### Nova, …), and an issue holds its news in sections. Fix: write the heading of the section it belongs to above it",
    );
  }
  // Jekyll wrote the title and description into the page's HTML as they are, so an entity there read as its character.
  const shown = (key: string, text: string) => {
    const decoded = decodeEntities(text);
    if (decoded !== text)
      notes.push({
        kind: key === 'title' ? 'title' : 'metadata',
        line: lineOfKey(key),
        message: `${key}: "${text}" read as the page showed it, "${decoded}"`,
      });
    return decoded;
  };
  const cleanTitle = shown('title', title.replace(legacyPeriod.text, '').trim());
  const writtenDescription = typeof header['description'] === 'string' ? header['description'].trim() : '';
  if (!writtenDescription) {
    notes.push({
      kind: 'metadata',
      ...(header['description'] === undefined ? {} : { line: lineOfKey('description') }),
      message: `no description in the front matter: the title "${cleanTitle}" written as the issue's description`,
    });
  }
  const description = writtenDescription ? shown('description', writtenDescription) : cleanTitle;
  const data: IssueData = {
    number,
    title: cleanTitle,
    period: { start: period.start, end: period.end },
    published,
    description,
    projects: body.projects,
    attribution: {
      ...context.attribution,
      ...(author === undefined ? {} : { editor: author }),
      ...(body.notice ? { notice: body.notice } : {}),
    },
    legacy: { file: input.fileName, title, ...(written ? { date: written.text } : {}), ...(author === undefined ? {} : { author }) },
    ...(unpublished ? { draft: true } : {}),
  };
  const path = `zh-CN/${issueFileName(number)}`;
  return {
    issue: { number, path, content: serializeIssue(data, body.markdown), data },
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
  };
}

/**
 * Jekyll's `date:` (`2014-02-15`, `2014-2-5` as Jekyll reads it too, or with a time and zone); its
 * day is the publication date, in the zone it was written in.
 */
function readJekyllDate(value: unknown, line: number): { date: Date; text: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  const [, year, month, day] = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]|$)/.exec(text) ?? [];
  const date = year ? makeDay(Number(year), Number(month), Number(day)) : undefined;
  if (!date)
    throw new ImportError(
      line,
      `date: "${text}" is not a date Jekyll writes (YYYY-MM-DD, a time and zone after it allowed). Fix: correct it in the post, or give the day with --date <file>=YYYY-MM-DD`,
    );
  return { date, text };
}

/** Jekyll's `author:`: one name, the post's editor. */
function readJekyllAuthor(value: unknown, line: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !value.trim()) {
    throw new ImportError(line, `author: expected one name (the post's editor), found ${JSON.stringify(value)}`);
  }
  return value.trim();
}

/**
 * Jekyll's Liquid tags, which it replaced when it built the post: `{% include JB/setup %}` (Jekyll
 * Bootstrap's setup, which showed nothing) is dropped, `{% highlight sh %}…{% endhighlight %}`
 * becomes the fenced code block it showed, `{% raw %}` markers go, the text between them (on one
 * line or many) kept as Jekyll showed it; any other tag or `{{ … }}` showed what only that blog
 * knew, so the post is refused at its line. Lines keep their count.
 */
function convertLiquid(body: string, firstLine: number, notes: ImportNote[]): string {
  /** Line of the `{% raw %}` whose `{% endraw %}` is still to come. */
  let rawFrom: number | undefined;
  const step = (line: string, at: number): string => {
    if (rawFrom !== undefined) {
      const end = /\{%-?\s*endraw\s*-?%\}/.exec(line);
      if (!end) return line;
      rawFrom = undefined;
      notes.push({ kind: 'metadata', line: at, message: '"{% endraw %}" dropped' });
      return line.slice(0, end.index) + step(line.slice(end.index + end[0].length), at);
    }
    // A raw block running on past its line: its text is shown as written up to the {% endraw %}.
    const open = /\{%-?\s*raw\s*-?%\}(?![\s\S]*\{%-?\s*endraw\s*-?%\})/.exec(line);
    if (!open) return convertLine(line, at);
    rawFrom = at;
    notes.push({ kind: 'metadata', line: at, message: '"{% raw %}" dropped: Jekyll showed the text up to {% endraw %} as written' });
    return convertLine(line.slice(0, open.index), at) + step(line.slice(open.index + open[0].length), at);
  };
  const converted = body.split('\n').map((line, index) => step(line, firstLine + index));
  if (rawFrom !== undefined) {
    throw new ImportError(
      rawFrom,
      '{% raw %} is not closed by {% endraw %}, so Jekyll could not build the post; close it where the text to show as written ends',
    );
  }
  return converted.join('\n');

  function convertLine(line: string, at: number): string {
    const trimmed = line.trim();
    const tag = /^\{%-?\s*(\w+)\s*([^%]*?)\s*-?%\}$/.exec(trimmed);
    if (tag?.[1] === 'include' && /^JB\/setup$/.test(tag[2] ?? '')) {
      notes.push({ kind: 'metadata', line: at, message: `"${trimmed}" (Jekyll Bootstrap's setup, which showed nothing) dropped` });
      return '';
    }
    if (tag?.[1] === 'highlight' || tag?.[1] === 'endhighlight') {
      const language = tag[1] === 'highlight' ? (tag[2] ?? '').split(/\s+/)[0] : '';
      notes.push({ kind: 'metadata', line: at, message: `"${trimmed}" written as the code fence it showed` });
      return `\`\`\`${language ?? ''}`;
    }
    const raw = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
    const rest = line.replace(raw, '$1');
    if (rest !== line) notes.push({ kind: 'metadata', line: at, message: 'Liquid raw markers dropped, their text kept' });
    const other = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/.exec(line.replace(raw, ''));
    if (other) {
      throw new ImportError(
        at,
        `"${other[0]}" is a Liquid tag, which Jekyll replaced when it built the post; write what the post showed in its place`,
      );
    }
    return rest;
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The characters HTML entities write (`&amp;` → `&`, `&#x4E2D;` → `中`); an unknown name stays as written.
 * @example decodeEntities('Nova &amp; Neutron &#8212; &lt;b&gt;') // 'Nova & Neutron — <b>'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]+));/g, (entity, decimal?: string, hex?: string, name?: string) => {
    const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
    return NAMED_ENTITIES[name ?? ''] ?? entity;
  });
}

/**
 * `###Nova` was a heading to the legacy renderer but is a paragraph to CommonMark, as is `＃＃＃ Nova`
 * typed with full-width number signs: a line naming a project (or a group) so is made its heading.
 */
function repairHeadingSpaces(body: string, resolver: ProjectResolver, firstLine: number, notes: ImportNote[]): string {
  let inFence = false;
  return body
    .split('\n')
    .map((line, index) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      const match = inFence ? null : /^([#＃]{1,6})(?![#＃])[\s\u3000]*(\S.*)$/.exec(line);
      const [, signs = '', text = ''] = match ?? [];
      const spaced = signs.length > 0 && line.startsWith(`${signs} `) && !signs.includes('＃');
      if (!match || spaced || !(resolver.resolve(text) || isGroupHeading(text))) return line;
      const heading = `${'#'.repeat(signs.length)} ${text}`;
      const how = signs.includes('＃') ? `full-width "＃" written as "#"` : `space added after ${signs}`;
      notes.push({ kind: 'heading', line: firstLine + index, message: `"${line}" read as the heading "${heading}" (${how})` });
      return heading;
    })
    .join('\n');
}
