/** Edits to a legacy post's body: the bare URLs it repairs, and applying edits to a stretch of it. Pure. */
import type { Definition, Image, Link, RootContent } from 'mdast';
import { ADDRESS_STRAYS, firstHidden, ZERO_WIDTH_STRAY } from '../../src/pipeline/hidden-characters.ts';
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
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const bare = node.type === 'link' ? repairBareUrl(body, node) : undefined;
      const edit = bare ?? withoutHiddenCharacters(body, node);
      if (edit) {
        edits.push(edit);
        const hidden = [...new Set(node.url.match(ADDRESS_STRAYS))].map((found) => firstHidden(found)?.described);
        const removed = hidden.length ? `, without the invisible ${hidden.join(' and ')} it held` : '';
        notes.push(
          bare
            ? { kind: 'bare-url', line: line(node), message: `bare URL written as ${edit.text.replace(/>.*$/s, '>')}${removed}` }
            : { kind: 'address', line: line(node), message: `the invisible ${hidden.join(' and ')} taken out of an address` },
        );
      }
      if (node.type === 'image' || node.type === 'definition') return;
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  nodes.forEach(visit);
  return edits;
}

const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
/**
 * A link's, image's or definition's address without the characters pasted into it unseen (a
 * direction mark after `…/marconi`, see `ADDRESS_STRAYS`), which the link would otherwise lead to
 * percent-encoded: an edit of the address alone, its text and title as written.
 */
function withoutHiddenCharacters(body: string, node: Link | Image | Definition): Edit | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !firstHidden(node.url, 'address')) return undefined;
  const source = body.slice(start, end);
  // The address comes after the text: `[text](address "title")`, `![alt](address)`, `[label]: address`, `<address>`.
  const cut = node.type === 'definition' ? source.indexOf(']:') : source.startsWith('<') ? 0 : source.lastIndexOf('](');
  const at = cut < 0 ? -1 : source.indexOf(node.url, cut);
  // An address written with escapes or entities is left to the content check, which names it.
  if (at < 0) return undefined;
  return { start: start + at, end: start + at + node.url.length, text: node.url.replace(ADDRESS_STRAYS, '') };
}

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
    // Zero-width characters inside are dropped; a space of any width still ends the address.
    if (ZERO_WIDTH_STRAY.test(char)) {
      index += 1;
      continue;
    }
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
