/** Text written into HTML, or XML: both escape the same characters. Pure. */

/** @example escapeHtml('a < b & c') // 'a &lt; b &amp; c' */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
