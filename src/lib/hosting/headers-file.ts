/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the site's folder. Both apply
 * every rule whose path matches, and Cloudflare joins a header set by two matching rules into
 * one comma-separated value, so each header comes from one rule only: the security headers from
 * the catch-all, Cache-Control and Content-Type from rules that match disjoint sets of files.
 */
import { sitemapPath, withBase } from '../routes.ts';
import { SEARCH_VOCABULARY_FILE } from '../search/contract.ts';
import {
  cacheControl,
  contentTypes,
  cspHeaderValue,
  feedFileName,
  hashedFolders,
  pagefindFolder,
  pagefindMetaName,
  securityHeaders,
  type InlineHashes,
} from './policy.ts';

interface HeaderRule {
  /** Why, written above the rule. */
  comment?: string;
  /** Site path pattern, base excluded; `*` matches any characters (one per pattern, as Cloudflare allows). */
  pattern: string;
  headers: readonly (readonly [string, string])[];
}

const immutable = ['Cache-Control', cacheControl.immutable] as const;
const revalidate = ['Cache-Control', cacheControl.revalidate] as const;
const pagefindData = ['Content-Type', contentTypes.pagefindData] as const;

const rules = (inline: InlineHashes): readonly HeaderRule[] => [
  {
    comment: "Every response: the pages' own policy (their <meta>, inline hashes included) with what only a header can say.",
    pattern: '/*',
    headers: securityHeaders(cspHeaderValue(inline)),
  },
  {
    comment: "Named by their content's hash: a new version is a new file, so a copy never goes stale.",
    pattern: `${hashedFolders[0]}*`,
    headers: [immutable],
  },
  ...hashedFolders.slice(1).map((folder) => ({ pattern: `${folder}*`, headers: [immutable, pagefindData] })),
  {
    comment: 'The same name for new content after each build: revalidated before each use.',
    pattern: `${pagefindFolder}pagefind.js`,
    headers: [revalidate],
  },
  { pattern: `${pagefindFolder}pagefind-entry.json`, headers: [revalidate] },
  { pattern: `${pagefindFolder}${SEARCH_VOCABULARY_FILE}`, headers: [revalidate] },
  { pattern: `${pagefindFolder}${pagefindMetaName.prefix}*${pagefindMetaName.suffix}`, headers: [revalidate, pagefindData] },
  { pattern: `${pagefindFolder}wasm.*`, headers: [revalidate, pagefindData] },
  { pattern: `/*${feedFileName}`, headers: [revalidate, ['Content-Type', contentTypes.feed]] },
  { pattern: sitemapPath, headers: [revalidate] },
];

/**
 * The `_headers` file of a site published under `base` (`/`, or `/digest/` for a project site),
 * whose pages carry inline styles and scripts with these hashes. Written by each build, so the
 * header always allows what the pages beside it hold.
 */
export function renderHeadersFile(base: string, inline: InlineHashes): string {
  const blocks = rules(inline).map(({ comment, pattern, headers }) =>
    [...(comment ? [`# ${comment}`] : []), withBase(pattern, base), ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return [
    '# Response headers for Netlify and Cloudflare Pages, written by the build (src/lib/hosting/).',
    "# Pages themselves keep the host's default Cache-Control, which revalidates (public, max-age=0,",
    '# must-revalidate): no pattern matches every page without also matching the files below.',
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}
