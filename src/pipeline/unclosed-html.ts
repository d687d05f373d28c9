/**
 * Raw HTML left open that would take the rest of a text off the page. Markdown ends an HTML
 * comment or a `<style>` block only where it is closed, else at the end of the text, and the HTML
 * parser puts everything after an unclosed `<template>` inside it; the page drops comments and
 * those elements with what they hold (`html-policy.ts`), so the sections and words after them
 * would vanish without a trace. Which elements do so was found by rendering each (the unit test
 * keeps it so). Pure.
 */

/** A piece of raw HTML as Markdown read it, with the line it starts on. */
export interface RawHtml {
  value: string;
  line: number;
}

/** Raw HTML opened and never closed: the tag as written, the element's name ('' for a comment), its line. */
export interface UnclosedHtml {
  tag: string;
  name: string;
  line: number;
}

/**
 * The elements the page drops whole (`html-policy.ts`) that the HTML parser, once one is open,
 * closes only at its own end tag, whatever follows. Others close at the end of their paragraph
 * or at the next block (`<svg>`, `<math>`, `<option>` in a paragraph), or hold nothing (`<meta>`).
 */
const SWALLOWING_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'textarea', 'title', 'iframe', 'object', 'template', 'form', 'select', 'button',
]); // prettier-ignore

/** Elements whose content is text to the HTML parser until their own end tag. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'iframe']);

const TOKEN = /<!--|<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(\/?)>/g;

/**
 * The comments and dropped elements opened in `pieces` (a text's raw HTML, in order) and never
 * closed after, each with the line it opens on: `<!--` (no name), or the opening tag as written
 * and its element's name.
 * @example unclosedHtml([{ value: '<style>\nbody {}', line: 4 }]) // [{ tag: '<style>', name: 'style', line: 4 }]
 */
export function unclosedHtml(pieces: readonly RawHtml[]): UnclosedHtml[] {
  const open: UnclosedHtml[] = [];
  const unclosed: UnclosedHtml[] = [];
  // Inside a raw-text element, only its own end tag counts.
  let rawText: string | undefined;
  for (const { value, line } of pieces) {
    const lineAt = (index: number) => line + (value.slice(0, index).match(/\n/g)?.length ?? 0);
    TOKEN.lastIndex = 0;
    for (let token = TOKEN.exec(value); token; token = TOKEN.exec(value)) {
      const [whole, closing, written = '', selfClosing] = token;
      const name = written.toLowerCase();
      if (rawText !== undefined) {
        if (closing && name === rawText) {
          rawText = undefined;
          open.pop();
        }
        continue;
      }
      if (whole === '<!--') {
        // From its `<!`: `<!-->` and `<!--->` are comments already closed.
        const end = value.indexOf('-->', token.index + 2);
        if (end < 0) {
          unclosed.push({ tag: '<!--', name: '', line: lineAt(token.index) });
          break;
        }
        TOKEN.lastIndex = end + 3;
        continue;
      }
      if (!SWALLOWING_ELEMENTS.has(name) || selfClosing) continue;
      if (!closing) {
        open.push({ name, tag: whole, line: lineAt(token.index) });
        if (RAW_TEXT_ELEMENTS.has(name)) rawText = name;
        continue;
      }
      const opened = open.findLastIndex((element) => element.name === name);
      if (opened >= 0) open.splice(opened);
    }
  }
  return [...unclosed, ...open].sort((a, b) => a.line - b.line);
}
