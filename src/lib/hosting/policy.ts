/**
 * What a host sends with the site's files: the one source of the Content-Security-Policy (Astro
 * writes it into every page's `<meta>`, adding the hashes of its bundles and inline styles and
 * scripts; hosts send it as a header), the other security headers, how long each kind of file may be cached, and the content
 * types hosts tend to get wrong. `headers-file.ts` and `nginx.ts` write it in each host's syntax.
 */
import { SEARCH_BUNDLE_DIR } from '../search/contract.ts';

/**
 * The policy every page runs under. Beyond the site's own files, only the inline styles and
 * scripts the build writes into its pages are allowed, each by its hash (Astro adds them to the
 * pages' `<meta>`; `InlineHashes` below for the header).
 */
export const contentSecurityPolicy = {
  directives: [
    "default-src 'none'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ],
  // Pagefind compiles its WebAssembly in the browser; nothing else needs more than 'self'.
  scriptSources: ["'self'", "'wasm-unsafe-eval'"],
  styleSources: ["'self'"],
} as const;

/** Directives a `<meta>` cannot carry (browsers ignore them there), so only the header has them: no site may frame the pages. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** The hashes (`'sha256-…'` sources) of the inline scripts and styles a build's pages carry. */
export interface InlineHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

const noInline: InlineHashes = { scripts: [], styles: [] };

/**
 * The policy as a header sends it: the meta policy's directives with the build's inline hashes,
 * then those only a header can carry. A browser enforces the header and the `<meta>` both, so a
 * header without the hashes would block the pages' inline styles and scripts. The hashes are
 * sorted: the same hashes write the same bytes, whatever order the pages were read in.
 * @example cspHeaderValue({ scripts: ["'sha256-a='"], styles: [] }) // "default-src 'none'; …; script-src 'self' 'wasm-unsafe-eval' 'sha256-a='; style-src 'self'; frame-ancestors 'none'"
 */
export function cspHeaderValue(inline: InlineHashes = noInline, policy = contentSecurityPolicy): string {
  return [
    ...policy.directives,
    `script-src ${[...policy.scriptSources, ...[...inline.scripts].sort()].join(' ')}`,
    `style-src ${[...policy.styleSources, ...[...inline.styles].sort()].join(' ')}`,
    ...headerOnlyDirectives,
  ].join('; ');
}

/**
 * The header policy of a page for a host whose configuration is written once, not by each build
 * (nginx): it cannot know the hashes of the build's inline styles and scripts. It leaves scripts
 * and styles, and `default-src` they would fall back to, to the page's own `<meta>` policy, which
 * carries the hashes and is parsed before any script or style; it says the rest, and what only a
 * header can say. Files that are not pages get the whole policy (`cspHeaderValue()`).
 * @example pageCspHeaderValue() // "img-src 'self'; connect-src 'self'; …; object-src 'none'; frame-ancestors 'none'"
 */
export function pageCspHeaderValue(policy = contentSecurityPolicy): string {
  return [...policy.directives.filter((directive) => !directive.startsWith('default-src ')), ...headerOnlyDirectives].join('; ');
}

/**
 * The inline hashes a page's `<meta>` policy allows, for the header.
 * @example inlineHashesOf("default-src 'none'; script-src 'self' 'sha256-a='; style-src 'self' 'sha256-b='") // { scripts: ["'sha256-a='"], styles: ["'sha256-b='"] }
 */
export function inlineHashesOf(policy: string): InlineHashes {
  const sources = (name: string) =>
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([directive]) => directive === name)
      .flatMap(([, ...values]) => values.filter((value) => /^'sha(256|384|512)-[A-Za-z0-9+/=_-]+'$/.test(value)));
  return { scripts: sources('script-src'), styles: sources('style-src') };
}

/** Every hash of every page, each once, in the order first met. */
export function mergeInlineHashes(pages: readonly InlineHashes[]): InlineHashes {
  return {
    scripts: [...new Set(pages.flatMap((page) => page.scripts))],
    styles: [...new Set(pages.flatMap((page) => page.styles))],
  };
}

/** Headers every response carries, error pages included, beside its Content-Security-Policy. */
export const otherSecurityHeaders: readonly (readonly [name: string, value: string])[] = [
  // Scripts and styles are only ever run as the type the host declares.
  ['X-Content-Type-Options', 'nosniff'],
  // Links to other sites already carry rel="noreferrer"; the site's own pages keep the referrer.
  ['Referrer-Policy', 'same-origin'],
];

/** The security headers of a response with this policy. */
export function securityHeaders(policy: string): readonly (readonly [name: string, value: string])[] {
  return [['Content-Security-Policy', policy], ...otherSecurityHeaders];
}

/** Cache-Control per kind of file. */
export const cacheControl = {
  /** Named by their content's hash: a new version is a new file, so a copy never goes stale. */
  immutable: 'public, max-age=31536000, immutable',
  /** The same name for new content after every build: kept, but checked with the host before each use. */
  revalidate: 'no-cache',
} as const;

/**
 * Folders (site paths, base excluded) whose files are named by their content's hash: Astro's
 * bundles and Pagefind's index chunks, fragments and filters.
 */
export const hashedFolders = [
  '/_astro/',
  `/${SEARCH_BUNDLE_DIR}/fragment/`,
  `/${SEARCH_BUNDLE_DIR}/index/`,
  `/${SEARCH_BUNDLE_DIR}/filter/`,
] as const;

/** Pagefind's bundle. Its script, entry file, metadata and WebAssembly keep their names from build to build. */
export const pagefindFolder = `/${SEARCH_BUNDLE_DIR}/`;

/**
 * Pagefind's metadata file, in its bundle: `pagefind.<language>.pf_meta`. The build gives it a
 * fixed name, so pages can ask for it before a search (src/lib/search/index/entry.ts): it is
 * revalidated, like the entry file that names it.
 */
export const pagefindMetaName = { prefix: 'pagefind.', suffix: '.pf_meta' } as const;

/** A feed's media type, as pages' discovery links, feed links and the feeds' own `atom:link` declare it. */
export const feedType = 'application/rss+xml';

/** Content types hosts do not know or get wrong. */
export const contentTypes = {
  /** RSS, as the feeds' own `atom:link` and the pages' discovery links declare it. */
  feed: `${feedType}; charset=utf-8`,
  /** Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`) and WebAssembly (`.pagefind`): gzip inside, unpacked by Pagefind itself. */
  pagefindData: 'application/octet-stream',
} as const;

/** Extensions of Pagefind's own compressed files: sent as they are, never compressed again. */
export const pagefindDataExtensions = ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter', 'pagefind'] as const;

/** A feed's file name: every feed is an `rss.xml` (`/rss.xml`, `/en/projects/nova/rss.xml`). */
export const feedFileName = 'rss.xml';
