/**
 * Scripts a legacy post loaded from elsewhere (`<script src="https://gist.github.com/….js">`,
 * a visitor counter): the blog ran them and showed what they wrote, a gist's code say; the site
 * runs none, and its renderer drops them. Only the editor knows whether what one showed belonged
 * to the post, so each stays as written and is reported at its line. Pure.
 */
import type { RootContent } from 'mdast';
import type { ImportNote } from './import-notes.ts';

const SCRIPT = /<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>/gi;

/** Notes for each `<script src>` in the post's raw HTML, with its line and address. */
export function scriptNotes(nodes: readonly RootContent[], line: (node: RootContent) => number, notes: ImportNote[]): void {
  const visit = (node: RootContent) => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(SCRIPT)) {
        const address = (match[1] ?? match[2] ?? match[3] ?? '').trim();
        notes.push({
          kind: 'script',
          line: line(node) + (node.value.slice(0, match.index).match(/\n/g) ?? []).length,
          message: `<script src="${address}"> kept as written, but the site runs no script: what it showed (a gist's code, a counter) is not on the page. If it was part of the post, write a link to it, or its text, in its place`,
        });
      }
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  nodes.forEach(visit);
}
