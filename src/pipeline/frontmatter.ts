/**
 * YAML front matter with line numbers, so that a content error can point at the line to fix.
 */
import { isPair, LineCounter, parseDocument, visit } from 'yaml';

export interface Frontmatter {
  /** The parsed YAML (plain data; dates stay `YYYY-MM-DD` strings). */
  data: unknown;
  /** Everything after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based file line of the value at `path`, or of its nearest present parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /**
   * Values followed by ` #…` on their line: YAML reads that as a comment and drops it, so
   * `title: Digest, Issue #21` would lose `#21` without a word.
   */
  trailingComments: { field: string; line: number }[];
}

export interface FrontmatterError {
  line: number;
  message: string;
}

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

/** Splits and parses front matter; returns an error (with its file line) instead of throwing. */
export function parseFrontmatter(source: string): Frontmatter | FrontmatterError {
  const fence = FENCE.exec(source);
  if (!fence || fence.index !== 0) {
    return { line: 1, message: 'the file does not start with a front matter block between two "---" lines' };
  }
  const yamlText = fence[1] ?? '';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = 1 + lineCounter.linePos(error.pos[0]).line;
    return { line, message: `broken YAML: ${error.message.split('\n')[0]}` };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length) as unknown[], true);
      const offset = (node as { range?: [number] } | undefined)?.range?.[0];
      if (offset !== undefined) return 1 + lineCounter.linePos(offset).line;
    }
    return 1;
  };
  const trailingComments: Frontmatter['trailingComments'] = [];
  visit(document, {
    Node(_key, node, path) {
      if (!node.comment || !node.range) return;
      const field = path.flatMap((step) => (isPair(step) ? [String(step.key)] : [])).join('.');
      trailingComments.push({ field, line: 1 + lineCounter.linePos(node.range[0]).line });
    },
  });
  const header = fence[0];
  return {
    data: document.toJS(),
    body: source.slice(header.length),
    bodyLine: header.split('\n').length,
    lineOf,
    trailingComments,
  };
}

/** Narrows a parse result to its error form. */
export function isFrontmatterError(result: Frontmatter | FrontmatterError): result is FrontmatterError {
  return 'message' in result;
}
