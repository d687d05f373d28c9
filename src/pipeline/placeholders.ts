/**
 * What the scaffolds (`npm run new-issue`, `npm run translate`) write for an editor to replace.
 * One list: the scaffolds write these, and a file that still holds one is not ready to publish
 * (unless it is a draft). Pure.
 */
import type { ContentProblem } from './problems.ts';

/** The marks, as the scaffolds write them. */
export const placeholders = {
  /** A section or introduction still to write (new-issue). */
  pendingText: '（待补充）',
  /** The editor's name, when the archive has no issue to take the credits from (new-issue). */
  editorName: '（编辑姓名）',
  /** The original publication, likewise. */
  source: 'https://example.org/',
  /** Anything still to translate or fill in (translate): `TODO: translate.` */
  todo: 'TODO',
} as const;

export interface PlaceholderFound {
  /** 1-based line in the file. */
  line: number;
  /** The mark as written there. */
  text: string;
}

// `TODO` as a word (not in `TODOS` or `mastodon`), the pending marks in full- or half-width
// brackets, and the scaffold's address for the source.
const MARKS = new RegExp(
  [
    `\\b${placeholders.todo}\\b`,
    `[（(]${placeholders.pendingText.slice(1, -1)}[）)]`,
    `[（(]${placeholders.editorName.slice(1, -1)}[）)]`,
    `${placeholders.source.replaceAll('.', '\\.')}(?![^\\s'"<>)])`,
  ].join('|'),
  'g',
);

/** Blanks HTML comments (the translation scaffold keeps the original text in them; they are never shown), keeping line breaks. */
function withoutComments(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/**
 * Every scaffold mark left in a file's text, with its line.
 * @example findPlaceholders('---\ntitle: x\n---\n## Nova\n\n（待补充）\n') // [{ line: 6, text: '（待补充）' }]
 */
export function findPlaceholders(source: string): PlaceholderFound[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((text, index) => [...text.matchAll(MARKS)].map((match) => ({ line: index + 1, text: match[0] })));
}

/** Whether the front matter marks the file a draft: kept out of the site, so it may hold placeholders. */
export function isDraft(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { draft?: unknown }).draft === true;
}

/** The front-matter field a line of the file belongs to (`attribution.editor`), or `body` past the front matter. */
function fieldAt(lines: readonly string[], line: number, bodyLine: number): string {
  if (line >= bodyLine) return 'body';
  const path: string[] = [];
  // Walk up from the line to the keys that enclose it, by indentation.
  let indent = Number.POSITIVE_INFINITY;
  for (let index = line; index >= 1; index -= 1) {
    const text = lines[index] ?? '';
    const key = /^(\s*)([A-Za-z_][\w-]*):/.exec(text);
    if (!key) continue;
    const depth = key[1]?.length ?? 0;
    if (depth < indent) {
      path.unshift(key[2] ?? '');
      indent = depth;
      if (depth === 0) break;
    }
  }
  return path.join('.') || 'front matter';
}

/**
 * The scaffold marks left in a file that is not a draft, as problems naming line and field.
 * @example placeholderProblems('zh-CN/0019.md', '---\nnumber: 19\n---\n## 业界动态\n\n（待补充）\n', 4)
 * // [{ file: 'zh-CN/0019.md', line: 6, field: 'body', message: '"（待补充）" is a placeholder the scaffold wrote…', fix: '…' }]
 */
export function placeholderProblems(file: string, source: string, bodyLine: number): ContentProblem[] {
  const lines = ['', ...source.split('\n')];
  return findPlaceholders(source).map(({ line, text }) => ({
    file,
    line,
    field: fieldAt(lines, line, bodyLine),
    message: `"${text}" is a placeholder the scaffold wrote, so the file is not ready to publish`,
    fix: 'write the text in its place, or add draft: true to the front matter to keep the file out of the site until it is ready',
  }));
}
