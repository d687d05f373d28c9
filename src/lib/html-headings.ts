/**
 * Headings of rendered HTML moved down a level, for a text shown under a heading of its own: a
 * section's `###` is an `h3` on the issue page, under the section's `h2`, but on a project's
 * timeline the section stands under the issue's `h3`, so its sub-headings must be `h4` there to
 * stay inside the entry in the outline (and in a screen reader's list of headings). Read
 * tag by tag from the start, as `html-site-paths.ts` reads it, so a tag's name inside an attribute
 * value (`title="<h3>"`) or code (escaped in the text) is never taken for one. Pure.
 */

/** An opening tag with its attributes' values in double quotes, a closing tag, or anything else up to the next `<`. */
const TAG_OR_TEXT = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>|<\/([a-zA-Z][^\s/>]*)\s*>|<[^<]*|[^<]+/g;

/**
 * The HTML with each heading `by` levels lower, `h6` at most (a sixth level is as deep as HTML goes).
 * @example demoteHeadings('<h3>热迁移</h3><p>x</p>', 1) // '<h4>热迁移</h4><p>x</p>'
 */
export function demoteHeadings(html: string, by: number): string {
  if (by <= 0 || !/<h[1-6]/i.test(html)) return html;
  const lower = (name: string) => {
    const level = /^h([1-6])$/i.exec(name)?.[1];
    return level ? `h${Math.min(6, Number(level) + by)}` : undefined;
  };
  return html.replace(TAG_OR_TEXT, (token, opening: string | undefined, attributes: string | undefined, closing: string | undefined) => {
    const name = opening ?? closing;
    const level = name && lower(name);
    if (!level) return token;
    return closing ? `</${level}>` : `<${level}${attributes ?? ''}>`;
  });
}
