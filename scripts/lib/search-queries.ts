/**
 * A search query set drawn from the archive itself, with ground truth: for every query, the
 * issues whose text as the editor wrote it holds the query (`relevance.ts`, a rule of its own, not
 * the site's). Queries look like what readers type: Chinese words and compounds, English words,
 * and mixed terms such as `nova-scheduler`, `Keystone V3` or `H版`, drawn from the indexed text;
 * given the registries' names, the names of releases and projects (`Icehouse`, `I版`, `Quantum`);
 * and variants of the others as readers type them: traditional characters, full-width letters.
 * Deterministic: the same texts give the same set.
 */
import { Converter } from 'opencc-js/cn2t';
import { holdsQuery, mentionsGroup, namedGroup, visibleText, type NameGroup } from './relevance.ts';

export type QueryKind = 'named' | 'chinese' | 'mixed' | 'english' | 'names' | 'variants';

export interface SearchQuery {
  query: string;
  kind: QueryKind;
  /** Numbers of the issues containing the query, ascending. */
  relevant: number[];
}

/** One issue's text: as indexed, split into its parts (introduction and sections), and as written. */
export interface IssueTexts {
  number: number;
  /** The plain text of each part, as the search index holds it: queries are drawn from it. */
  parts: string[];
  /** The issue's Markdown as the editor wrote it: ground truth is decided on it. */
  source: string;
}

export interface QuerySetOptions {
  /** How many queries of each generated kind. */
  perKind?: number;
  /** Queries found in more issues than this are left out: a top-10 list cannot hold them all. */
  maxRelevant?: number;
  /** The registries' names (`readRegistryNames`): a query naming a release or project counts as naming each. */
  names?: readonly NameGroup[];
}

/** The queries the search issue names; those no issue contains have no relevant issues. */
export const namedQueries = [
  '健康检查',
  '数据库迁移',
  'nova-scheduler',
  'Keystone V3',
  'keystone v2 认证',
  'H版',
  'icehouse-3',
  'Rackspace',
];

const HAN = /^\p{Script=Han}+$/u;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/;
const ENGLISH_STOPWORDS = new Set([
  'about',
  'after',
  'also',
  'been',
  'from',
  'have',
  'into',
  'more',
  'other',
  'some',
  'such',
  'than',
  'that',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'what',
  'when',
  'which',
  'will',
  'with',
  'would',
  'your',
  'http',
  'https',
  'html',
  'www',
  'com',
  'org',
]);

const visibleTexts = new WeakMap<IssueTexts, string>();

/**
 * The issues whose text as written holds `query`, ascending; with the registries' `names`, a query
 * naming a release or project is held by any of its names (`mentionsGroup`).
 */
export function relevantIssues(issues: readonly IssueTexts[], query: string, names: readonly NameGroup[] = []): number[] {
  const group = namedGroup(names, query);
  return issues
    .filter((issue) => {
      let visible = visibleTexts.get(issue);
      if (visible === undefined) visibleTexts.set(issue, (visible = visibleText(issue.source)));
      return group ? mentionsGroup(visible, issue.source, group) : holdsQuery(visible, query);
    })
    .map((issue) => issue.number)
    .sort((a, b) => a - b);
}

/** The form queries are told apart in. */
const queryKey = (query: string) => query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Traditional characters as OpenCC writes them from simplified (`发布` → `發佈`). */
let toTraditional: ((text: string) => string) | undefined;

/** Full-width letters and digits, as a phone keyboard types them. @example fullWidth('Keystone V3') // 'Ｋｅｙｓｔｏｎｅ Ｖ３' */
export function fullWidth(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, (character) => String.fromCodePoint((character.codePointAt(0) ?? 0) + 0xfee0));
}

/**
 * Builds the query set: the named queries, then `perKind` Chinese, mixed and English ones; with
 * `names`, names of releases and projects; then variants of the picked queries as typed with
 * traditional characters or full-width letters, each with its original's relevant issues.
 */
export function buildQuerySet(issues: readonly IssueTexts[], options: QuerySetOptions = {}): SearchQuery[] {
  const { perKind = 30, maxRelevant = 10, names = [] } = options;
  const withTruth = (query: string, kind: QueryKind): SearchQuery => ({ query, kind, relevant: relevantIssues(issues, query, names) });
  const named = namedQueries.map((query) => withTruth(query, 'named'));
  const seen = new Set(named.map((entry) => queryKey(entry.query)));
  const candidates = { ...collectCandidates(issues), names: new Set(names.flatMap((group) => group.names)) };
  const pick = (kind: Exclude<QueryKind, 'named' | 'variants'>) => {
    const chosen: SearchQuery[] = [];
    for (const query of [...candidates[kind]].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b))) {
      if (chosen.length >= perKind) break;
      const key = queryKey(query);
      if (seen.has(key)) continue;
      const entry = withTruth(query, kind);
      if (entry.relevant.length === 0 || entry.relevant.length > maxRelevant) continue;
      seen.add(key);
      chosen.push(entry);
    }
    return chosen;
  };
  const picked = [...pick('chinese'), ...pick('mixed'), ...pick('english'), ...(names.length ? pick('names') : [])];
  toTraditional ??= Converter({ from: 'cn', to: 't' });
  const convert = toTraditional;
  const variants = picked
    .flatMap(({ query, relevant }): SearchQuery[] => {
      const variant = /\p{Script=Han}/u.test(query) ? convert(query) : fullWidth(query);
      return variant === query ? [] : [{ query: variant, kind: 'variants', relevant }];
    })
    .sort((a, b) => hash(a.query) - hash(b.query) || a.query.localeCompare(b.query))
    .slice(0, perKind);
  return [...named, ...picked, ...variants];
}

/** A fixed, small sample of a query set: every named query with relevant issues, and the first `perKind` of each kind. */
export function sampleQueries(set: readonly SearchQuery[], perKind: number): SearchQuery[] {
  const counts = new Map<QueryKind, number>();
  return set.filter((entry) => {
    if (entry.kind === 'named') return entry.relevant.length > 0;
    const count = counts.get(entry.kind) ?? 0;
    counts.set(entry.kind, count + 1);
    return count < perKind;
  });
}

/** Candidate queries by kind, from words as a Chinese word segmenter splits the text. */
function collectCandidates(issues: readonly IssueTexts[]): Record<'chinese' | 'mixed' | 'english', Set<string>> {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const chinese = new Set<string>();
  const mixed = new Set<string>();
  const english = new Set<string>();
  for (const issue of issues) {
    for (const part of issue.parts) {
      for (const line of part.split('\n')) {
        const words = [...segmenter.segment(line)].map((segment) => segment.segment);
        words.forEach((word, index) => {
          const following = words[index + 1] ?? '';
          // Chinese: a word of two or more characters, alone or with the next such word (健康检查).
          if (isChineseWord(word)) {
            chinese.add(word);
            if (isChineseWord(following) && word.length + following.length <= 8) chinese.add(word + following);
          }
          if (LATIN_WORD.test(word)) {
            // English: a word of five letters or more that is not a stopword.
            if (word.length >= 5 && !ENGLISH_STOPWORDS.has(word.toLowerCase())) english.add(word);
            // Mixed: a Latin word right before a Chinese word (Swift存储), a letter or two before 版 (H版).
            if (isChineseWord(following) && word.length >= 2) mixed.add(word + following);
            if (following === '版' && word.length <= 3) mixed.add(word + following);
          }
        });
      }
      // Mixed: short hyphenated terms (nova-scheduler, icehouse-3), a name and a version (Keystone V3).
      for (const match of part.matchAll(/(?<![\w/.-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){1,2}(?![\w/.-])/g)) {
        if (match[0].length <= 24) mixed.add(match[0]);
      }
      for (const match of part.matchAll(/\b[A-Z][A-Za-z]{3,} [Vv]\d\b/g)) mixed.add(match[0]);
    }
  }
  return { chinese, mixed, english };
}

function isChineseWord(word: string): boolean {
  return word.length >= 2 && HAN.test(word);
}

/** A stable string hash (FNV-1a), so selection does not depend on the order texts were read. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
