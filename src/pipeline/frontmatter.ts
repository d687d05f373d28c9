/**
 * YAML front matter with line numbers, so that a content error can point at the line to fix.
 */
import { isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { codePointName, NOT_TEXT } from './encoding.ts';
import type { ContentProblem } from './problems.ts';
import { breaksWideLine } from './wide-lines.ts';
import { isYamlDataError, offsetOf, yamlData } from './yaml-data.ts';

export interface Frontmatter {
  /** The parsed YAML (plain data; dates stay `YYYY-MM-DD` strings). */
  data: unknown;
  /** Everything after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based file line of the value at `path`, or of its nearest present parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The value at `path` as written in the file (`0x1F`, where YAML read 31), when there is one. */
  writtenAt(path: readonly PropertyKey[]): string | undefined;
  /**
   * Values followed by ` #…` on their line: YAML reads that as a comment and drops it, so
   * `title: Digest, Issue #21` would lose `#21` without a word.
   */
  trailingComments: { field: string; line: number }[];
  /**
   * Text values written over several lines broken between two Chinese characters: YAML joins the
   * lines with a space (a `|` block keeps the line break), which pages show between them. `block`
   * says the value kept its line breaks, as Markdown reads them (and joins such lines).
   */
  wrappedValues: { field: string; line: number; block: boolean }[];
}

/**
 * The lines of some fields, by path (`period.start`), kept with a valid file for the rules across
 * files, which name them: data, unlike `lineOf`, so a file read on another thread sends them back.
 */
export type FieldLines<Field extends string> = Readonly<Record<Field, number>>;

/** The lines of `fields` (dotted paths) in the front matter. */
export function fieldLines<Field extends string>(frontmatter: Pick<Frontmatter, 'lineOf'>, fields: readonly Field[]): FieldLines<Field> {
  return Object.fromEntries(fields.map((field) => [field, frontmatter.lineOf(field.split('.'))])) as Record<Field, number>;
}

export interface FrontmatterError {
  line: number;
  message: string;
  fix: string;
}

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;
const OPENING = /^\uFEFF?---[ \t]*\r?$/;
/** A line no front matter holds but an issue body does: a Markdown heading, or text at the margin that is no `field:`, list item or comment. */
const BODY_LIKE = /^(?:#{2,6}\s|(?![\s#-]|[^:]*:(?:\s|$)))\S/;
const YAML_FIX = 'correct the YAML between the two "---" lines';

/** Splits and parses front matter; returns an error (with its file line) instead of throwing. */
export function parseFrontmatter(source: string): Frontmatter | FrontmatterError {
  const lines = source.split('\n');
  const fence = FENCE.exec(source);
  if (!fence || fence.index !== 0) {
    if (!OPENING.test(lines[0] ?? '')) {
      return {
        line: 1,
        message: 'the file does not start with a front matter block between two "---" lines',
        fix: 'start the file with "---", the fields, then "---"',
      };
    }
    return (
      unclosed(lines, lines.length) ?? {
        line: 1,
        message: 'the front matter opened on line 1 is never closed',
        fix: 'add a "---" line after its last field',
      }
    );
  }
  const yamlText = fence[1] ?? '';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = 1 + lineCounter.linePos(error.pos[0]).line;
    // A "---" further down (a rule in the body) closed a block that was never closed before the body.
    const bodyFirst = unclosed(lines, line);
    const yamlLines = yamlText.split('\n');
    // YAML notices a quote or "[" never closed where it gives up, lines after it was opened.
    const open = bodyFirst ? undefined : unclosedValue(yamlLines, line - 2);
    if (open) {
      const { name, kind } = OPENERS[open.opener] ?? { name: open.opener };
      return {
        line: open.index + 2,
        message: `${open.field}: the value opens ${name} that is never closed, so the front matter does not read`,
        fix: kind
          ? `close it on its line (${open.closed.trim()}), or remove the "${open.opener}" if the value is no ${kind}`
          : `close it on its line: ${open.closed.trim()}`,
      };
    }
    const quoting = bodyFirst ? undefined : quotedValue(yamlLines, line - 2);
    return (
      bodyFirst ??
      (quoting
        ? {
            line,
            message: `${quoting.field}: the value ${quoting.reason}, so the front matter does not read (${error.message.split('\n')[0]})`,
            fix: `put the value in double quotes: ${quoting.quoted}`,
          }
        : { line, message: `broken YAML: ${error.message.split('\n')[0]}`, fix: YAML_FIX })
    );
  }
  const built = yamlData(document);
  if (isYamlDataError(built)) {
    return { line: built.offset === undefined ? 1 : 1 + lineCounter.linePos(built.offset).line, message: built.message, fix: built.fix };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(document, path);
    return offset === undefined ? 1 : 1 + lineCounter.linePos(offset).line;
  };
  const writtenAt = (path: readonly PropertyKey[]) => {
    const node = document.getIn(path, true) as { range?: [number, number] } | undefined;
    return node?.range ? yamlText.slice(node.range[0], node.range[1]) : undefined;
  };
  const trailingComments: Frontmatter['trailingComments'] = [];
  const wrappedValues: Frontmatter['wrappedValues'] = [];
  visit(document, {
    Node(_key, node, path) {
      if (!node.range) return;
      const field = path.flatMap((step) => (isPair(step) ? [String(step.key)] : [])).join('.');
      const line = 1 + lineCounter.linePos(node.range[0]).line;
      if (node.comment) trailingComments.push({ field, line });
      if (isScalar(node) && typeof node.value === 'string' && breaksWideLine(yamlText.slice(node.range[0], node.range[1])))
        wrappedValues.push({ field, line, block: node.type === 'BLOCK_LITERAL' });
    },
  });
  const control = notTextIn(built.data);
  if (control) {
    return {
      line: lineOf(control.path),
      message: `${control.path.join('.')} holds a character that is not text (${codePointName(control.character)}), written as an escape in quotes`,
      fix: 'delete the escape (\\x.., \\u.... or the like) from the value',
    };
  }
  const header = fence[0];
  return {
    data: built.data,
    body: source.slice(header.length),
    bodyLine: header.split('\n').length,
    lineOf,
    writtenAt,
    trailingComments,
    wrappedValues,
  };
}

/**
 * A `field: value` line YAML cannot read that reads once its value is quoted (`description: 本期要点:
 * Juno-3 发布`, whose `: ` YAML reads as another field), the line quoted and what in the value YAML
 * took for its own; undefined for any other error. `index` is the line's, 0-based, in the YAML.
 */
function quotedValue(yamlLines: readonly string[], index: number): { field: string; quoted: string; reason: string } | undefined {
  const match = /^([A-Za-z][\w.-]*):[ \t]+(?!["'])(\S.*?)[ \t]*$/.exec(yamlLines[index] ?? '');
  if (!match) return undefined;
  const [, field = '', value = ''] = match;
  const quoted = `${field}: ${JSON.stringify(value)}`;
  const fixed = yamlLines.map((line, at) => (at === index ? quoted : line)).join('\n');
  if (parseDocument(fixed, { uniqueKeys: true }).errors.length > 0) return undefined;
  const reason = /:\s/.test(value)
    ? 'holds ": ", which YAML reads as the start of another field'
    : /\s#/.test(value)
      ? 'holds " #", which YAML reads as the start of a comment'
      : `starts with "${value.charAt(0)}", which YAML reserves`;
  return { field, quoted, reason };
}

/** What opens a value YAML reads up to its closing character: its closing, its name, and for a bracket what it opens. */
const OPENERS: Readonly<Record<string, { close: string; name: string; kind?: string }>> = {
  '"': { close: '"', name: 'a quote (")' },
  "'": { close: "'", name: "a quote (')" },
  '[': { close: ']', name: 'a list with "["', kind: 'list' },
  '{': { close: '}', name: 'a map with "{"', kind: 'map' },
};

/**
 * The `field: value` line at or above YAML line `index` (0-based) whose value opens a quote, a
 * list or a map it never closes (`projects: [industry, nova`), when closing it at the line's end
 * makes the whole front matter read; undefined otherwise.
 */
function unclosedValue(
  yamlLines: readonly string[],
  index: number,
): { field: string; index: number; opener: string; closed: string } | undefined {
  for (let at = Math.min(index, yamlLines.length - 1); at >= 0; at -= 1) {
    const written = (yamlLines[at] ?? '').trimEnd();
    const match = /^[ \t]*(?:- )?([A-Za-z][\w.-]*):[ \t]+(["'[{])/.exec(written);
    const opener = match?.[2] ?? '';
    const close = OPENERS[opener]?.close;
    if (!match || !close) continue;
    const closed = `${written}${close}`;
    const fixed = yamlLines.map((line, other) => (other === at ? closed : line)).join('\n');
    if (parseDocument(fixed, { uniqueKeys: true }).errors.length > 0) continue;
    return { field: match[1] ?? '', index: at, opener, closed };
  }
  return undefined;
}

/** Half of a character written as two (`"\uD800"`), alone: no character, published as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string value holding a character that is not text (`NOT_TEXT`, a lone surrogate), and where. */
export function notTextIn(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; character: string } | undefined {
  if (typeof value === 'string') {
    const found = NOT_TEXT.exec(value) ?? LONE_SURROGATE.exec(value);
    return found ? { path, character: found[0] } : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = notTextIn(item, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The front matter's missing end, when a line of body comes before line `until`. */
function unclosed(lines: readonly string[], until: number): FrontmatterError | undefined {
  const index = lines.slice(1, until).findIndex((line) => BODY_LIKE.test(line));
  if (index < 0) return undefined;
  const line = index + 2;
  return {
    line,
    message: `the front matter opened on line 1 is not closed before the body: line ${line} ("${lines[line - 1]?.trim()}") is Markdown, not a field`,
    fix: `add a "---" line after the last field, before line ${line}`,
  };
}

/** Narrows a parse result to its error form. */
export function isFrontmatterError(result: Frontmatter | FrontmatterError): result is FrontmatterError {
  return 'message' in result;
}

/** A front matter that does not read, as its file's one problem: nothing else in the file can be checked. */
export function frontmatterProblem(file: string, { line, message, fix }: FrontmatterError): ContentProblem {
  return { file, line, field: 'front matter', message, fix };
}
