/** Edits to a legacy post's body: the bare URLs it repairs, and applying edits to a stretch of it. Pure. */
import type { Link, RootContent } from 'mdast';
import type { ImportNote } from './import-notes.ts';

/** A replacement of `body.slice(start, end)`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Bare URLs the legacy renderer showed as text: GFM links them, but a `\_` inside stays in the
 * address and Chinese text right after one joins it. Such URLs become `<url>` autolinks.
 */
export function bareUrlEdits(
  body: string,
  nodes: readonly RootContent[],
  line: (node: RootContent) => number,
  notes: ImportNote[],
): Edit[] {
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

/** The text between two offsets with the edits inside it applied. */
export function applyEdits(body: string, from: number, to: number, edits: readonly Edit[]): string {
  let text = '';
  let cursor = from;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < from || edit.end > to) continue;
    text += body.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return text + body.slice(cursor, to);
}
