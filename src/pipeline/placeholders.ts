/**
 * What the scaffolds (`npm run new-issue`, `npm run translate`) write for an editor to replace.
 * One list: the scaffolds write these, and a file that still holds one is not ready to publish
 * (unless it is a draft). Pure.
 */

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
