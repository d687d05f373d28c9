/**
 * Which built files get precompressed copies beside them (`page.html.gz`, `page.html.br`), so a
 * host that serves them (nginx's `gzip_static`, `brotli_static`) spends no CPU per request.
 */
import { pagefindDataExtensions } from './policy.ts';

/** Text files the site is made of: pages, styles, scripts, feeds, the sitemap, JSON, SVG, robots.txt. */
export const precompressedExtensions = ['html', 'css', 'js', 'json', 'xml', 'svg', 'txt'] as const;

const extensionOf = (file: string) => /\.([a-z0-9_]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';

/**
 * Whether a file is one of Pagefind's own (index, filter, fragment, metadata, WebAssembly): gzip inside.
 * @example isPagefindData('/pagefind/index/zh-cn_1.pf_index') // true
 */
export function isPagefindData(file: string): boolean {
  return (pagefindDataExtensions as readonly string[]).includes(extensionOf(file));
}

/**
 * Whether a built file gets gzip and Brotli copies: text files do; Pagefind's index files and
 * WebAssembly are gzip inside already, and images other than SVG are compressed formats.
 * @example isPrecompressed('issues/8/index.html') // true
 * @example isPrecompressed('pagefind/fragment/zh-cn_1542b5c.pf_fragment') // false
 */
export function isPrecompressed(file: string): boolean {
  if (isPagefindData(file)) return false;
  return (precompressedExtensions as readonly string[]).includes(extensionOf(file));
}

/** A copy is kept only when it is smaller than the file: a host would otherwise send more bytes for it. */
export function isWorthKeeping(originalBytes: number, compressedBytes: number): boolean {
  return compressedBytes < originalBytes;
}
