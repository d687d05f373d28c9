/**
 * A legacy post's body in the site's layout: the introduction, then one `## <Project>` section
 * per project in source order. Headings are read as the real archive writes them
 * (../shared/corpus): `## 业界动态` holds the news and no sub-headings; `## 社区跟踪` groups one
 * `### <Project>` per project, some misspelled or under a former name; no bold line stands for a
 * heading. So:
 *
 * - where project headings stand (the top level, under 社区跟踪, the level of the project
 *   headings met so far) a heading naming a project by name, alias or close spelling opens it;
 * - deeper, inside a section, a heading naming a project exactly (id or name, any case) still
 *   opens it, as heading levels drift in the series; this is reported;
 * - deeper, an alias (`### 网络` inside 业界动态) or a close spelling (`### Heap`), and a bold line
 *   naming a project (`**Neutron**`), are guesses that would move the text under them to another
 *   section: they stay where they are, reported with their line, until the editor confirms one
 *   (`--section <file>:<line>=<id>`; `=keep` records the other answer).
 *
 * Nothing is dropped: group headings' text goes to Common, a repeated section is merged into the
 * first (its subtitle kept as a sub-heading), a heading keeps its subtitle, and every part keeps
 * its first line's indentation (an indented code block, a nested list). Pure.
 */
import type { Heading, RootContent } from 'mdast';
import { splitHeading, type ProjectResolver } from '../../src/lib/projects.ts';
import { ImportError, type ImportNote } from './import-notes.ts';
import { applyEdits, bareUrlEdits, type Edit } from './legacy-urls.ts';
import { scriptNotes } from './legacy-scripts.ts';
import { headingText, parseMarkdown } from './markdown-tree.ts';
import { holdsAddress } from '../../src/pipeline/render.ts';

/** Headings that grouped the project sections in the legacy layout; they hold no section of their own. */
const GROUP_HEADINGS: ReadonlySet<string> = new Set(['社区跟踪', '社区动态']);

/** Whether a heading's text is a group heading, a colon after it allowed as after a project's name (`社区跟踪：`). */
export function isGroupHeading(text: string): boolean {
  return GROUP_HEADINGS.has(text.trim().replace(/[ \t]*[:：]$/, ''));
}
const NOTICE_START = /^\s*声明\s*[:：]/;
/** A line that is nothing but bold or emphasized text, a colon allowed: `**Neutron**`, `__Keystone__`, `**Nova：**`. */
const BOLD_LINE = /^[ \t]*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1[ \t]*[:：]?[ \t]*$/;

/** The editor's answers to guesses, by line of the legacy file: start that project's section there, or `keep` the line as it is. */
export type SectionDecisions = ReadonlyMap<number, string>;

export interface SectionsContext {
  resolver: ProjectResolver;
  /** The legacy file's name, for the `--section` an editor would write. */
  fileName: string;
  /** Line of the legacy file on which the body starts. */
  firstLine: number;
  notes: ImportNote[];
  decisions?: SectionDecisions;
}

export interface LegacySections {
  markdown: string;
  /** The 声明 credit block, verbatim, when the introduction opens with one. */
  notice?: string;
  projects: string[];
}

interface Segment {
  /** `undefined` for the introduction. */
  projectId?: string;
  /** The heading after the project's name as written (a subtitle in parentheses), or ''. */
  rest: string;
  /** The words in those parentheses. */
  subtitle?: string;
  /** Opened by a group heading (社区跟踪) rather than a project heading. */
  fromGroup?: boolean;
  /** The legacy post's line the section starts on. */
  line?: number;
  parts: string[];
}

/** Rebuilds a legacy body in the site's layout; throws `ImportError` where it cannot. */
export function restructureBody(body: string, context: SectionsContext): LegacySections {
  const { resolver, fileName, firstLine, notes, decisions = new Map<number, string>() } = context;
  const tree = parseMarkdown(body);
  const line = (node: RootContent) => firstLine + (node.position?.start.line ?? 1) - 1;
  const offset = (node: RootContent, edge: 'start' | 'end') => node.position?.[edge].offset ?? 0;
  const edits: Edit[] = bareUrlEdits(body, tree.children, line, notes);
  scriptNotes(tree.children, line, notes);
  const nameOf = (id: string | undefined) => resolver.get(id ?? '')?.name['zh-CN'] ?? id ?? '';
  const answered = new Set<number>();
  const decisionAt = (at: number) => {
    const decision = decisions.get(at);
    if (decision !== undefined) answered.add(at);
    return decision;
  };
  const confirm = (at: number, id: string) => `--section ${fileName}:${at}=${id}`;

  let notice: string | undefined;
  const intro: Segment = { rest: '', parts: [] };
  const segments: Segment[] = [intro];
  let current = intro;
  let sectionDepth = 0;
  let cursor = 0;
  const movedHeadings: number[] = [];
  const where = () => (current === intro ? 'the introduction' : `the ${nameOf(current.projectId)} section`);
  const flush = (until: number) => {
    const text = trimBlankLines(applyEdits(body, cursor, until, edits));
    if (text) current.parts.push(text);
  };
  const open = (from: number, to: number, segment: Omit<Segment, 'parts'>, depth: number, heading?: Heading) => {
    flush(from);
    cursor = to;
    current = { ...segment, line: firstLine + body.slice(0, from).split('\n').length - 1, parts: [] };
    segments.push(current);
    sectionDepth = depth;
    // A section's heading is only the project's name (and subtitle): links and images in it would be lost.
    const written = heading && headingWithAddresses(body, heading);
    if (heading && written) {
      current.parts.push(written);
      notes.push({
        kind: 'heading',
        line: line(heading),
        message: `"${'#'.repeat(heading.depth)} ${written}": the heading's links and images kept as the section's first line`,
      });
    }
  };

  for (const node of tree.children.map((child) => rawProjectHeading(child, resolver, line, notes) ?? child)) {
    if (node.type === 'paragraph') {
      const source = body.slice(offset(node, 'start'), offset(node, 'end'));
      if (current === intro && notice === undefined && NOTICE_START.test(source)) {
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
      // Bold lines that may stand for headings, each on a line of its own.
      let lineStart = offset(node, 'start');
      source.split('\n').forEach((text, index) => {
        const at = line(node) + index;
        const from = lineStart;
        lineStart += text.length + 1;
        const bold = BOLD_LINE.exec(text)?.[2]?.trim();
        if (!bold) return;
        const decision = decisionAt(at);
        const project = resolver.resolve(bold)?.project ?? resolver.suggest(bold);
        if (decision !== undefined && decision !== 'keep') {
          const decided = decidedHeading(bold, decision, resolver);
          open(from, from + text.length, { projectId: decision, ...decided }, Math.max(sectionDepth, 2));
          notes.push({
            kind: 'confirmed',
            line: at,
            message: `"${text.trim()}" starts the ${nameOf(decision)} section as "## ${nameOf(decision)}${decided.rest}" (${confirm(at, decision)})`,
          });
        } else if (decision === 'keep') {
          notes.push({ kind: 'confirmed', line: at, message: `"${text.trim()}" stays text in ${where()} (${confirm(at, 'keep')})` });
        } else if (project) {
          notes.push({
            kind: 'unconfirmed',
            line: at,
            message: `"${text.trim()}" on a line of its own may stand for a ${project.name.en} heading; it stays text in ${where()}. To start the ${project.name['zh-CN']} section there: ${confirm(at, project.id)}`,
          });
        }
      });
      continue;
    }
    if (node.type === 'list' || node.type === 'blockquote') {
      // The blog showed such a heading over the text after it, but Markdown opens no section inside a container.
      for (const nested of headingsWithin(node)) {
        const project = resolver.resolve(headingText(nested, { html: false }).trim())?.project;
        if (!project) continue;
        const written = `${'#'.repeat(nested.depth)} ${headingText(nested).trim()}`;
        const container = node.type === 'list' ? 'list' : 'quote';
        notes.push({
          kind: 'heading',
          line: firstLine + (nested.position?.start.line ?? 1) - 1,
          message: `"${written}" inside a ${container} names ${project.name.en} but opens no section there: what follows stays in ${where()}. To file it under ${project.name['zh-CN']}, take the heading out of the ${container}, at the start of its line`,
        });
      }
    }
    if (node.type !== 'heading') continue;
    const heading = node as Heading;
    // Raw HTML in a heading (an anchor, `<a name="nova"></a>`, a comment) shows no words: the project is named without it.
    const text = headingText(heading, { html: false }).trim();
    const marker = `${'#'.repeat(heading.depth)} ${headingText(heading).trim()}`;
    const at = line(node);
    const decision = decisionAt(at);
    const projectLevel = current === intro || heading.depth <= sectionDepth;
    if (decision !== undefined && decision !== 'keep') {
      const decided = decidedHeading(text, decision, resolver);
      open(offset(node, 'start'), offset(node, 'end'), { projectId: decision, ...decided }, heading.depth, heading);
      notes.push({
        kind: 'confirmed',
        line: at,
        message: `"${marker}" starts the ${nameOf(decision)} section as "## ${nameOf(decision)}${decided.rest}" (${confirm(at, decision)})`,
      });
      continue;
    }
    if (isGroupHeading(text) && decision === undefined) {
      open(offset(node, 'start'), offset(node, 'end'), { projectId: 'common', rest: '', fromGroup: true }, heading.depth + 1);
      notes.push({ kind: 'group-heading', line: at, message: `group heading "${marker}" dropped; any text under it goes to Common` });
      continue;
    }
    const match = decision === 'keep' ? undefined : resolver.resolve(text);
    const project = match?.project ?? (decision === 'keep' ? undefined : resolver.suggest(text));
    const how = !project
      ? ''
      : !match
        ? `close spelling of ${project.name.en}`
        : match.via === 'alias'
          ? `alias of ${project.name.en}`
          : '';
    if (project && (projectLevel || !how)) {
      const { rest, subtitle } = subtitled(text);
      const canonical = `## ${project.name['zh-CN']}${rest}`;
      if (!projectLevel) {
        notes.push({
          kind: 'heading',
          line: at,
          message: `"${marker}" inside ${where()} names ${project.name.en}: it starts the ${project.name['zh-CN']} section (${confirm(at, 'keep')} keeps it a sub-heading)`,
        });
      }
      open(
        offset(node, 'start'),
        offset(node, 'end'),
        { projectId: project.id, rest, ...(subtitle ? { subtitle } : {}) },
        heading.depth,
        heading,
      );
      if (text === project.name['zh-CN'] && heading.depth !== 2 && projectLevel) {
        movedHeadings.push(at);
      } else if (marker !== canonical && projectLevel) {
        notes.push({ kind: 'heading', line: at, message: `"${marker}" → "${canonical}" (${how || 'project heading'})` });
      }
      continue;
    }
    if (project) {
      notes.push({
        kind: 'unconfirmed',
        line: at,
        message: `"${marker}" inside ${where()} is ${how.startsWith('alias') ? 'an' : 'a'} ${how}; it stays a sub-heading there. To start the ${project.name['zh-CN']} section at it: ${confirm(at, project.id)}`,
      });
    } else if (decision === 'keep') {
      notes.push({ kind: 'confirmed', line: at, message: `"${marker}" stays a sub-heading of ${where()} (${confirm(at, 'keep')})` });
    } else if (current !== intro && heading.depth <= sectionDepth) {
      // A project's name followed by other words (`Heat 模板专题`): filed under it, the words kept as its subtitle.
      const named = namedAtStart(text, resolver);
      // Text underlined with `---` was a heading to the blog too, though often a rule was meant.
      const setext = body.startsWith('#', offset(node, 'start'))
        ? ''
        : heading.depth === 1
          ? ' (a line of "===" under text makes the text a heading)'
          : ' (a line of "---" under text makes the text a heading; a blank line above it makes a rule)';
      throw new ImportError(
        at,
        named
          ? `heading "${marker}" starts with ${named.name.en}'s name, then other words; ${confirm(at, named.id)} files it as "## ${named.name['zh-CN']}${decidedHeading(text, named.id, resolver).rest}"`
          : `heading "${marker}" stands where project headings do but matches no project or alias${setext}; add it to src/content/projects.yaml (as a project or an alias) and import again, ${confirm(at, '<id>')} to file it under a project, or ${confirm(at, 'keep')} to keep it a sub-heading of ${where()}`,
      );
    }
    if (heading.depth <= 2) {
      const start = offset(node, 'start');
      if (body.startsWith('#', start)) {
        edits.push({ start, end: start + heading.depth, text: '###' });
        notes.push({ kind: 'heading', line: at, message: `"${marker}" inside ${where()} demoted to "### ${text}"` });
      } else {
        // A setext heading (its text, then a line of `===` or `---`): no number signs to change.
        const underlined = body.slice(start, offset(node, 'end'));
        const written = `### ${setextText(body, heading)}`;
        edits.push({ start, end: offset(node, 'end'), text: written });
        notes.push({
          kind: 'heading',
          line: at,
          message: `"${underlined.replace(/\n/g, '⏎')}" (a heading underlined with ${heading.depth === 1 ? '=' : '-'}) inside ${where()} demoted to "${written}"`,
        });
      }
    }
  }
  flush(body.length);
  for (const at of decisions.keys()) {
    if (!answered.has(at)) throw new ImportError(at, `${confirm(at, decisions.get(at) ?? '')}: line ${at} holds no heading or bold line`);
  }
  if (movedHeadings.length) {
    notes.push({
      kind: 'heading',
      message: `${movedHeadings.length} project headings moved to level 2 ("## Name"), lines ${movedHeadings.join(', ')}`,
    });
  }

  // A group heading with nothing under it held no text; every other segment is kept.
  const sections: Segment[] = [];
  for (const segment of segments.slice(1).filter((segment) => !segment.fromGroup || segment.parts.length > 0)) {
    // A project heading with nothing under it: a section the page would show empty, and its timeline list.
    if (segment.parts.length === 0) {
      notes.push({
        kind: 'heading',
        ...(segment.line ? { line: segment.line } : {}),
        message: `the ${nameOf(segment.projectId)} heading has no text under it: no section written for it`,
      });
      continue;
    }
    const first = sections.find((section) => section.projectId === segment.projectId);
    if (!first) {
      sections.push(segment);
      continue;
    }
    const { subtitle } = segment;
    first.parts.push(...(subtitle ? [`### ${subtitle}`] : []), ...segment.parts);
    const name = resolver.get(segment.projectId ?? '')?.name.en ?? segment.projectId;
    notes.push({
      kind: 'merged-section',
      message: `a second ${name} section merged into the first${subtitle ? `; its subtitle kept as the sub-heading "### ${subtitle}"` : ''}`,
    });
  }
  const markdown = [
    intro.parts.join('\n\n'),
    ...sections.map((segment) => `## ${nameOf(segment.projectId)}${segment.rest}\n\n${segment.parts.join('\n\n')}`.trimEnd()),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { markdown, ...(notice === undefined ? {} : { notice }), projects: sections.map((segment) => segment.projectId ?? '') };
}

/** The headings inside a list or quote, at any depth. */
function headingsWithin(node: RootContent): Heading[] {
  if (node.type === 'heading') return [node];
  return 'children' in node ? (node.children as RootContent[]).flatMap(headingsWithin) : [];
}

/** The text of a heading as written (its Markdown, without the number signs) when it holds a link, image or HTML. */
function headingWithAddresses(body: string, heading: Heading): string | undefined {
  if (!holdsAddress(heading)) return undefined;
  const [first] = heading.children;
  const last = heading.children.at(-1);
  return body.slice(first?.position?.start.offset ?? 0, last?.position?.end.offset ?? 0).trim();
}

/** The Markdown a setext heading's text is written in, its lines joined as one heading line holds them. */
function setextText(body: string, heading: Heading): string {
  const [first] = heading.children;
  const last = heading.children.at(-1);
  return body
    .slice(first?.position?.start.offset ?? 0, last?.position?.end.offset ?? 0)
    .trim()
    .replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** What a heading keeps after the project's name: as written, and the subtitle in it. */
/**
 * The heading of a section the editor decided (`--section`): the project's name, and every other
 * word of the legacy heading as its subtitle, so none is dropped (`Heat 模板专题` → `## Heat
 * (模板专题)`; `模板专题` decided as Heat → the same).
 */
function decidedHeading(heading: string, projectId: string, resolver: ProjectResolver): Pick<Segment, 'rest' | 'subtitle'> {
  const split = subtitled(heading);
  if (split.subtitle) return split;
  const text = heading.trim();
  // The longest start of the heading that names the project itself.
  const cuts = [text.length, ...[...text.matchAll(/[\s:：,，、—–\-【】[\]()（）]+/g)].map((cut) => cut.index)].sort((a, b) => b - a);
  const named = cuts.find((cut) => resolver.resolve(text.slice(0, cut))?.project.id === projectId) ?? 0;
  const words = text
    .slice(named)
    .replace(/[()（）【】[\]]+/g, ' ')
    .replace(/^[\s:：,，、—–-]+|[\s:：,，、—–-]+$/g, '')
    .replace(/\s+/g, ' ');
  return words ? { rest: ` (${words})`, subtitle: words } : { rest: '' };
}

/**
 * A heading written as raw HTML on a line of its own (`<h3>Heat</h3>`, as some blog editors saved
 * them) that names a project: read as the Markdown heading it stands for, so its text goes to that
 * project's section and not the one before; noted. Anything else stays the HTML it is.
 */
function rawProjectHeading(
  node: RootContent,
  resolver: ProjectResolver,
  line: (node: RootContent) => number,
  notes: ImportNote[],
): Heading | undefined {
  if (node.type !== 'html' || !node.position) return undefined;
  // Its own first line: Markdown runs an HTML block on to the next blank line, so text may follow in it.
  const [first = ''] = node.value.split('\n');
  const match = /^<h([1-6])(?:\s[^>]*)?>([^<]*)<\/h\1\s*>\s*$/i.exec(first);
  const text = match?.[2]?.trim();
  if (!match || !text || !resolver.resolve(text)) return undefined;
  const depth = Number(match[1]) as Heading['depth'];
  notes.push({ kind: 'heading', line: line(node), message: `"${first.trim()}" read as the heading "${'#'.repeat(depth)} ${text}"` });
  const { start } = node.position;
  // The heading ends with its line: what follows in the block is the section's text.
  const end = { line: start.line, column: start.column + first.length, offset: (start.offset ?? 0) + first.length };
  return { type: 'heading', depth, children: [{ type: 'text', value: text }], position: { start, end } };
}

/** The project whose name (or alias) a heading starts with, followed by other words; undefined for none. */
function namedAtStart(heading: string, resolver: ProjectResolver) {
  const text = heading.trim();
  for (const cut of [...text.matchAll(/[\s:：,，、—–\-【】[\]()（）]+/g)].map((match) => match.index).sort((a, b) => b - a)) {
    const project = cut > 0 ? resolver.resolve(text.slice(0, cut))?.project : undefined;
    if (project) return project;
  }
  return undefined;
}

function subtitled(heading: string): Pick<Segment, 'rest' | 'subtitle'> {
  const { rest, subtitle } = splitHeading(heading);
  return { rest, ...(subtitle ? { subtitle } : {}) };
}

/** Drops blank lines at either end, keeping the first line's indentation (an indented code block, a nested list). */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
