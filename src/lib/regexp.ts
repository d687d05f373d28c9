/** Text matched literally inside a regular expression. Pure. */

/**
 * Escapes every character a regular expression gives a meaning to.
 * @example escapeRegExp('/rss.xml') // '/rss\\.xml'
 * @example escapeRegExp('a*(b)') // 'a\\*\\(b\\)'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
