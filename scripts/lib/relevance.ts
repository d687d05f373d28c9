/**
 * Ground truth for search recall, decided from the Markdown as the editor wrote it by a rule of
 * its own, deliberately simple and sharing no code with the site's content pipeline or its search
 * matcher: an issue is relevant to a query when the words a reader sees in it contain the query.
 * What a reader sees is taken to be the text without its headings, link addresses, link
 * definitions, HTML tags and Markdown markers. A query naming a release or a project by one of
 * the names the registries list counts as naming all of them (`readRegistryNames`).
 */
import { parse as parseYaml } from 'yaml';

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

/**
 * The names the registries give one release or project, read from their YAML by this module's own
 * rule: for a project its id, its names in every language and its aliases (its `queryAliases` only
 * for a query that is one of them: text holding Compute alone is no Nova); for a release its
 * name, id, letter shorthand and aliases. A query that is one of these names (case, width and
 * runs of spaces ignored) names the release or project, and counts as naming every one of them:
 * an issue is relevant when the words a reader sees in it hold any of the names, or a milestone
 * of the release (`mentions`), or, for a project, when one of its sections is headed by any
 * spelling the registry allows a heading (`headings`: the names and the heading-only words).
 */
export interface NameGroup {
  names: string[];
  mentions: string[];
  headings: string[];
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** The name groups of the registries, from the text of `projects.yaml` and `releases.yaml`. */
export function readRegistryNames(projectsYaml: string, releasesYaml: string): NameGroup[] {
  const projects = (parseYaml(projectsYaml) as Record<string, unknown>[]).flatMap((entry) => {
    const names = [...asList(entry['id']), ...Object.values((entry['name'] as Record<string, string>) ?? {}), ...asList(entry['aliases'])];
    const general = asList(entry['queryAliases']);
    const headings = [...names, ...general, ...asList(entry['headingAliases'])];
    // A general word (Compute) names the project when typed, but text holding it alone does not
    // name the project for a query by another name: a group of its own, found after the first.
    return [{ names, mentions: [], headings }, ...(general.length ? [{ names: [...general, ...names], mentions: [], headings }] : [])];
  });
  const releases = (parseYaml(releasesYaml) as Record<string, unknown>[]).map((entry) => ({
    names: [...asList(entry['name']), ...asList(entry['id']), ...asList(entry['shorthand']), ...asList(entry['aliases'])],
    mentions: asList(entry['milestones']),
    headings: [],
  }));
  return [...projects, ...releases];
}

const nameForm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The group a query names, if it is one of a group's names. */
export function namedGroup(groups: readonly NameGroup[], query: string): NameGroup | undefined {
  const wanted = nameForm(query);
  return groups.find((group) => group.names.some((name) => nameForm(name) === wanted));
}

/** A heading as compared with the names a heading may use: no marks, brackets' content, spaces or punctuation. */
const headingForm = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, '');

/**
 * The headings of a Markdown text, each as `headingForm` writes it.
 * @example headingsOf('## Nova\n\ntext\n### Neutron (Quantum)') // ['nova', 'neutron']
 */
export function headingsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^\s{0,3}#{1,6}\s*(.+?)\s*#*\s*$/gm)].map((match) => headingForm(match[1] ?? ''));
}

/** Whether an issue (its visible text and its Markdown) is relevant to a group of names. */
export function mentionsGroup(visible: string, markdown: string, group: NameGroup): boolean {
  if ([...group.names, ...group.mentions].some((name) => holdsQuery(visible, name))) return true;
  const headings = new Set(group.headings.map(headingForm));
  return headingsOf(markdown).some((heading) => headings.has(heading));
}
