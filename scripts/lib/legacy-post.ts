/**
 * Converts one legacy Jekyll post of the digest into an issue file. Pure: bytes and options
 * in; the issue file, or the line and reason it cannot be imported, out, with a note for
 * every normalization. Nothing is dropped: what is moved or rewritten is reported.
 */
import type { Heading, Link, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { headingText, parseMarkdown } from './markdown-tree.ts';
import { parseIssueNumber } from '../../src/lib/numerals.ts';
import { parseLegacyPeriod, resolvePeriodYears } from '../../src/lib/periods.ts';
import { parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import type { ProjectResolver } from '../../src/lib/projects.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { issueFileName, serializeIssue } from './issue-writer.ts';
import { decodeUtf8, isEncodingError } from '../../src/pipeline/encoding.ts';

export type NoteKind =
  'line-endings' | 'title' | 'year' | 'date' | 'notice' | 'group-heading' | 'heading' | 'merged-section' | 'bare-url' | 'metadata';

export interface ImportNote {
  line?: number;
  kind: NoteKind;
  message: string;
}

export interface LegacyInput {
  /** The legacy file's name (its date prefix gives the year). */
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

/** Headings that grouped the project sections in the legacy layout; they hold no section of their own. */
const GROUP_HEADINGS = new Set(['社区跟踪', '社区动态']);
const JEKYLL_FIELDS = new Set(['layout', 'category', 'categories', 'tags', 'comments', 'published']);
const NOTICE_START = /^\s*声明\s*[:：]/;

class ImportError extends Error {
  readonly line: number;
  constructor(line: number, reason: string) {
    super(reason);
    this.line = line;
  }
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
  let text = decoded.text;
  if (text.includes('\r')) {
    notes.push({ kind: 'line-endings', message: 'CRLF line endings converted to LF' });
    text = text.replace(/\r\n?/g, '\n');
  }
  const fence = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!fence) throw new ImportError(1, 'no Jekyll front matter: the file must start with a block between two "---" lines');
  let header: Record<string, unknown>;
  try {
    header = (parseYaml(fence[1] ?? '') ?? {}) as Record<string, unknown>;
  } catch (error) {
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
  const legacyPeriod = parseLegacyPeriod(title);
  if (!legacyPeriod) {
    throw new ImportError(lineOfKey('title'), `the title "${title}" carries no period such as (02.03-02.15) or (0320-0410)`);
  }
  const fileNameDate = parseIsoDay(/^(\d{4}-\d{2}-\d{2})-/.exec(input.fileName)?.[1] ?? '');
  const given = context.datesByFile?.get(input.fileName) ?? (fileNameDate ? undefined : context.datesByNumber?.get(number));
  const published = given?.date ?? fileNameDate;
  if (!published) {
    throw new ImportError(
      1,
      'no publication date: the file name has no YYYY-MM-DD- prefix; pass --dates-from <folder of dated posts> or --date <file>=YYYY-MM-DD',
    );
  }
  if (given) notes.push({ kind: 'date', message: `publication date ${toIsoDay(published)} from ${given.source}` });
  const period = resolvePeriodYears(legacyPeriod, published);
  if (!period) {
    throw new ImportError(
      lineOfKey('title'),
      `the period ${legacyPeriod.text} names a day that does not exist in its year (years come from the publication date, ${toIsoDay(published)})`,
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
  const dropped = Object.keys(header).filter((key) => JEKYLL_FIELDS.has(key));
  if (dropped.length) {
    notes.push({
      kind: 'metadata',
      message: `Jekyll-only fields not carried over: ${dropped.map((key) => `${key}: ${String(header[key])}`).join(', ')}`,
    });
  }
  const unknown = Object.keys(header).filter((key) => !JEKYLL_FIELDS.has(key) && key !== 'title' && key !== 'description');
  if (unknown.length) {
    throw new ImportError(
      lineOfKey(unknown[0] ?? ''),
      `front matter field ${unknown.join(', ')} has no place in an issue; remove it or extend the importer`,
    );
  }

  const bodyStartLine = (fence[0].match(/\n/g) ?? []).length + 1;
  const body = restructureBody(
    repairHeadingSpaces(text.slice(fence[0].length), context.resolver, bodyStartLine, notes),
    context.resolver,
    bodyStartLine,
    notes,
  );
  const cleanTitle = title.replace(legacyPeriod.text, '').trim();
  const description = typeof header['description'] === 'string' && header['description'].trim() ? header['description'].trim() : cleanTitle;
  const data: IssueData = {
    number,
    title: cleanTitle,
    period: { start: period.start, end: period.end },
    published,
    description,
    projects: body.projects,
    attribution: body.notice ? { ...context.attribution, notice: body.notice } : context.attribution,
    legacy: { file: input.fileName, title },
  };
  const path = `zh-CN/${issueFileName(number)}`;
  return {
    issue: { number, path, content: serializeIssue(data, body.markdown), data },
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
  };
}

/** `###Nova` was a heading to the legacy renderer but is a paragraph to CommonMark. */
function repairHeadingSpaces(body: string, resolver: ProjectResolver, firstLine: number, notes: ImportNote[]): string {
  let inFence = false;
  return body
    .split('\n')
    .map((line, index) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      const match = inFence ? null : /^(#{1,6})([^#\s].*)$/.exec(line);
      if (!match || !(resolver.resolve(match[2] ?? '') || GROUP_HEADINGS.has((match[2] ?? '').trim()))) return line;
      notes.push({ kind: 'heading', line: firstLine + index, message: `"${line}" read as a heading (space added after ${match[1]})` });
      return `${match[1]} ${match[2]}`;
    })
    .join('\n');
}

interface Segment {
  /** `undefined` for the introduction. */
  projectId?: string;
  /** Opened by a group heading (社区跟踪) rather than a project heading. */
  fromGroup?: boolean;
  parts: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Rebuilds the body in the site's layout: introduction, then one `## <Project>` section per
 * project in source order. Project headings may sit at any level; group headings (社区跟踪)
 * are dropped with their text kept; duplicate sections are merged into the first.
 */
function restructureBody(body: string, resolver: ProjectResolver, firstLine: number, notes: ImportNote[]) {
  const tree = parseMarkdown(body);
  const line = (node: RootContent) => firstLine + (node.position?.start.line ?? 1) - 1;
  const offset = (node: RootContent, edge: 'start' | 'end') => node.position?.[edge].offset ?? 0;
  const edits: Edit[] = bareUrlEdits(body, tree.children, line, notes);

  let notice: string | undefined;
  const intro: Segment = { parts: [] };
  const segments: Segment[] = [intro];
  let current = intro;
  let sectionDepth = 0;
  let cursor = 0;
  const movedHeadings: number[] = [];
  const flush = (until: number) => {
    const text = applyEdits(body, cursor, until, edits).trim();
    if (text) current.parts.push(text);
  };

  for (const node of tree.children) {
    if (
      node.type === 'paragraph' &&
      current === intro &&
      notice === undefined &&
      NOTICE_START.test(body.slice(offset(node, 'start'), offset(node, 'end')))
    ) {
      flush(offset(node, 'start'));
      notice = applyEdits(body, offset(node, 'start'), offset(node, 'end'), edits);
      cursor = offset(node, 'end');
      const lastLine = line(node) + notice.split('\n').length - 1;
      notes.push({
        kind: 'notice',
        line: line(node),
        message: `the credit statement (声明, lines ${line(node)}-${lastLine}) moved to attribution.notice`,
      });
      continue;
    }
    if (node.type !== 'heading') continue;
    const heading = node as Heading;
    const text = headingText(heading).trim();
    const marker = `${'#'.repeat(heading.depth)} ${text}`;
    if (GROUP_HEADINGS.has(text)) {
      flush(offset(node, 'start'));
      cursor = offset(node, 'end');
      current = { projectId: 'common', fromGroup: true, parts: [] };
      segments.push(current);
      sectionDepth = heading.depth + 1;
      notes.push({
        kind: 'group-heading',
        line: line(node),
        message: `group heading "${marker}" dropped; any text under it goes to Common`,
      });
      continue;
    }
    const match = resolver.resolve(text);
    const project = match?.project ?? resolver.suggest(text);
    if (project) {
      flush(offset(node, 'start'));
      cursor = offset(node, 'end');
      current = { projectId: project.id, parts: [] };
      segments.push(current);
      sectionDepth = heading.depth;
      const canonical = `## ${project.name['zh-CN']}`;
      if (text === project.name['zh-CN'] && heading.depth !== 2) {
        movedHeadings.push(line(node));
      } else if (marker !== canonical) {
        const how = !match
          ? `close spelling of ${project.name.en}`
          : match.via === 'alias'
            ? `alias of ${project.name.en}`
            : 'project heading';
        notes.push({ kind: 'heading', line: line(node), message: `"${marker}" → "${canonical}" (${how})` });
      }
      continue;
    }
    if (current !== intro && heading.depth <= sectionDepth) {
      throw new ImportError(
        line(node),
        `heading "${marker}" stands where project headings do but matches no project or alias; add it to src/content/projects.yaml (as a project or an alias) and import again`,
      );
    }
    if (heading.depth <= 2) {
      const start = offset(node, 'start');
      edits.push({ start, end: start + heading.depth, text: '###' });
      notes.push({
        kind: 'heading',
        line: line(node),
        message: `"${marker}" inside ${current === intro ? 'the introduction' : 'a section'} demoted to "### ${text}"`,
      });
    }
  }
  flush(body.length);
  if (movedHeadings.length) {
    notes.push({
      kind: 'heading',
      message: `${movedHeadings.length} project headings moved to level 2 ("## Name"), lines ${movedHeadings.join(', ')}`,
    });
  }

  // A group heading with nothing under it held no text; every other segment is kept.
  const sections: Segment[] = [];
  for (const segment of segments.slice(1).filter((segment) => !segment.fromGroup || segment.parts.length > 0)) {
    const first = sections.find((section) => section.projectId === segment.projectId);
    if (!first) {
      sections.push(segment);
      continue;
    }
    first.parts.push(...segment.parts);
    const name = resolver.get(segment.projectId ?? '')?.name.en ?? segment.projectId;
    notes.push({ kind: 'merged-section', message: `a second ${name} section merged into the first` });
  }
  const markdown = [
    intro.parts.join('\n\n'),
    ...sections.map((segment) => `## ${resolver.get(segment.projectId ?? '')?.name['zh-CN']}\n\n${segment.parts.join('\n\n')}`.trim()),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { markdown, notice, projects: sections.map((segment) => segment.projectId ?? '') };
}

/**
 * Bare URLs the legacy renderer showed as text: GFM links them, but a `\_` inside stays in the
 * address and Chinese text right after one joins it. Such URLs become `<url>` autolinks.
 */
function bareUrlEdits(body: string, nodes: readonly RootContent[], line: (node: RootContent) => number, notes: ImportNote[]): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: RootContent) => {
    if (node.type === 'link') {
      const edit = repairBareUrl(body, node);
      if (edit) {
        edits.push(edit);
        notes.push({ kind: 'bare-url', line: line(node), message: `bare URL written as ${edit.text.replace(/>.*$/s, '>')}` });
      }
      return;
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  nodes.forEach(visit);
  return edits;
}

const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

function repairBareUrl(body: string, link: Link): Edit | undefined {
  const start = link.position?.start.offset;
  const end = link.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = body.slice(start, end);
  const angled = source.startsWith('<') && source.endsWith('>');
  if (!angled && !/^https?:\/\//i.test(source)) return undefined;
  const address = angled ? source.slice(1, -1) : source;
  // chars[i] is the i-th character of the clean URL, read up to ends[i] in the source.
  const chars: string[] = [];
  const ends: number[] = [];
  for (let index = 0; index < address.length;) {
    const char = address.charAt(index);
    const escaped = char === '\\' && /[!-/:-@[-`{-~]/.test(address.charAt(index + 1));
    if (!escaped && !angled && !URL_CHAR.test(char)) break;
    chars.push(escaped ? address.charAt(index + 1) : char);
    index += escaped ? 2 : 1;
    ends.push(index);
  }
  // As GFM does: trailing punctuation and an unbalanced ")" end the sentence, not the URL.
  while (!angled && chars.length > 0) {
    const last = chars.at(-1) ?? '';
    const unbalanced = last === ')' && chars.filter((c) => c === '(').length < chars.filter((c) => c === ')').length;
    if (!unbalanced && !/[?!.,:*_~'";]/.test(last)) break;
    chars.pop();
    ends.pop();
  }
  const url = chars.join('');
  if (url === address) return undefined;
  // Text that ran into the URL stays as written, after it.
  return { start, end, text: `<${url}>${address.slice(ends.at(-1) ?? 0)}` };
}

function applyEdits(body: string, from: number, to: number, edits: readonly Edit[]): string {
  let text = '';
  let cursor = from;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < from || edit.end > to) continue;
    text += body.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return text + body.slice(cursor, to);
}
