/**
 * Ground truth for search recall, decided from the Markdown as the editor wrote it by a rule of
 * its own, deliberately simple and sharing no code with the site's content pipeline or its search
 * matcher: an issue is relevant to a query when the words a reader sees in it contain the query.
 * What a reader sees is taken to be the text without its headings, link addresses, link
 * definitions, HTML tags and Markdown markers.
 */

/**
 * The visible words of a Markdown text, lower-cased, with every run of whitespace as one space.
 * @example visibleText('## Nova\n\n**Keystone** [V3](https://x.org/a) \\_ok') // 'keystone v3 _ok'
 */
export function visibleText(markdown: string): string {
  return (
    markdown
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split('\n')
      .filter((line) => !/^\s{0,3}#{1,6}(\s|$)/.test(line) && !/^\s{0,3}\[[^\]]+\]:\s/.test(line))
      .join('\n')
      .replace(/<(https?:[^>\s]+)>/g, ' $1 ')
      .replace(/<[^>]*>/g, ' ')
      // A link's address: no spaces (or in <>), then perhaps a quoted title; anything else is text.
      .replace(/!?\[([^\]]*)\]\((?:<[^>]*>|[^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/\*+|~~|`/g, '')
      .replace(/&amp;/g, '&')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\s+/g, ' ')
  );
}

const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * Whether visible text (from `visibleText`) holds the query: case and width ignored, any run of
 * spaces in the query as one; a query that starts with a Latin letter or digit must start a word.
 * @example holdsQuery(visibleText('关于nova-scheduler'), 'Nova-Scheduler') // true
 */
export function holdsQuery(visible: string, query: string): boolean {
  const needle = query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!needle) return false;
  const wordStart = LATIN_OR_DIGIT.test(needle.charAt(0));
  for (let at = visible.indexOf(needle); at >= 0; at = visible.indexOf(needle, at + 1)) {
    if (!wordStart || at === 0 || !LATIN_OR_DIGIT.test(visible.charAt(at - 1))) return true;
  }
  return false;
}

/**
 * `holdsQuery` on plain text (no Markdown to strip): for choosing test cases from the indexed text.
 * @example holdsPlainText('Rackspace 认证', 'rackspace') // true
 */
export function holdsPlainText(text: string, query: string): boolean {
  return holdsQuery(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '), query);
}
