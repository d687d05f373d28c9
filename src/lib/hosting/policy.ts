/**
 * What a host sends with the site's files: the one source of the Content-Security-Policy (Astro
 * writes it into every page's `<meta>`, adding the hashes of its own bundles; hosts send it as a
 * header), the other security headers, how long each kind of file may be cached, and the content
 * types hosts tend to get wrong. `headers-file.ts` and `nginx.ts` write it in each host's syntax.
 */

/** The policy every page runs under. Nothing is inline, so nothing beyond the site itself is allowed. */
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

/**
 * The policy as a header sends it: the meta policy's directives, then those only a header can carry.
 * @example cspHeaderValue() // "default-src 'none'; img-src 'self'; …; frame-ancestors 'none'"
 */
export function cspHeaderValue(policy = contentSecurityPolicy): string {
  return [
    ...policy.directives,
    `script-src ${policy.scriptSources.join(' ')}`,
    `style-src ${policy.styleSources.join(' ')}`,
    ...headerOnlyDirectives,
  ].join('; ');
}

/** Headers every response carries, error pages included. */
export const securityHeaders: readonly (readonly [name: string, value: string])[] = [
  ['Content-Security-Policy', cspHeaderValue()],
  // Scripts and styles are only ever run as the type the host declares.
  ['X-Content-Type-Options', 'nosniff'],
  // Links to other sites already carry rel="noreferrer"; the site's own pages keep the referrer.
  ['Referrer-Policy', 'same-origin'],
];

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
export const hashedFolders = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'] as const;

/** Pagefind's bundle. Its script, entry file and WebAssembly keep their names from build to build. */
export const pagefindFolder = '/pagefind/';

/** Pagefind's metadata file, in its bundle, is named by its hash too: `pagefind.<hash>.pf_meta`. */
export const pagefindMetaName = { prefix: 'pagefind.', suffix: '.pf_meta' } as const;

/** Content types hosts do not know or get wrong. */
export const contentTypes = {
  /** RSS, as the feeds' own `atom:link` and the pages' discovery links declare it. */
  feed: 'application/rss+xml; charset=utf-8',
  /** Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`) and WebAssembly (`.pagefind`): gzip inside, unpacked by Pagefind itself. */
  pagefindData: 'application/octet-stream',
} as const;

/** Extensions of Pagefind's own compressed files: sent as they are, never compressed again. */
export const pagefindDataExtensions = ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter', 'pagefind'] as const;

/** A feed's file name: every feed is an `rss.xml` (`/rss.xml`, `/en/projects/nova/rss.xml`). */
export const feedFileName = 'rss.xml';
