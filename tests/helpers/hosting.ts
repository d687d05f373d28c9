/**
 * What a host must send with each file of the built site, written out here from what issue 18
 * asks (not read from src/lib/hosting/, whose output the tests check against it), and a reader of
 * `_headers` files that matches paths as Netlify and Cloudflare Pages document it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeRegExp } from '../../src/lib/regexp.ts';
import { siteFiles } from './site-files.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface ServedFile {
  /** The site path a host serves it at (`/issues/8/` for `issues/8/index.html`), base excluded. */
  path: string;
  /** The file, relative to the built site. */
  file: string;
}

/** Every file of the built site a reader can be sent, at its site path: not the precompressed copies nor the hosts' `_headers`. */
export function servedFiles(dist: string): ServedFile[] {
  return siteFiles(dist)
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !/\.(gz|br)$/.test(file) && file !== '_headers')
    .map((file) => ({ file, path: `/${file.replace(/(^|\/)index\.html$/, '$1')}` }));
}

/** A page (HTML), as opposed to the files pages load. */
export const isPage = (sitePath: string) => sitePath.endsWith('/') || sitePath.endsWith('.html');

/**
 * Whether a file's name changes with its content: Astro's bundles, Pagefind's index chunks,
 * fragments and filters (not its metadata, which the build names by language, so pages can ask
 * for it before a search).
 */
export function isHashed(sitePath: string): boolean {
  return /^\/_astro\//.test(sitePath) || /^\/pagefind\/(fragment|index|filter)\//.test(sitePath);
}

/** The Cache-Control a file needs. */
export const expectedCacheControl = (sitePath: string) => (isHashed(sitePath) ? IMMUTABLE : REVALIDATE);

/** The Content-Type a file needs, charset included where the type takes one. */
export function expectedContentType(sitePath: string): string {
  if (isPage(sitePath)) return 'text/html; charset=utf-8';
  if (sitePath.endsWith('/rss.xml')) return 'application/rss+xml; charset=utf-8';
  if (/\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/.test(sitePath)) return 'application/octet-stream';
  const types: Record<string, string> = {
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    json: 'application/json',
    xml: 'application/xml; charset=utf-8',
    svg: 'image/svg+xml; charset=utf-8',
    txt: 'text/plain; charset=utf-8',
  };
  const type = types[sitePath.split('.').pop() ?? ''];
  if (!type) throw new Error(`no expected type for ${sitePath}: add one`);
  return type;
}

/** Whether the build keeps compressed copies of a file: its text files, not Pagefind's own compressed data. */
export const isText = (sitePath: string) => isPage(sitePath) || /\.(css|js|json|xml|svg|txt)$/.test(sitePath);

/** Pagefind's own files, gzip inside (index, filters, fragments, metadata, WebAssembly). */
export const isPagefindData = (sitePath: string) => /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/.test(sitePath);

/** The `<meta>` policy of a page. */
function metaPolicy(html: string): string {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
  if (!meta) throw new Error('the page has no content-security-policy meta');
  return meta;
}

/**
 * The policy a header sent with every file must carry for these pages to work under it: their
 * `<meta>` policy (the same directives on every page), with the inline script and style hashes of
 * all of them (each page inlines only its own styles), plus frame-ancestors.
 */
export function headerPolicyFromPages(htmls: readonly string[]): string[] {
  const sources = new Map<string, Set<string>>();
  for (const html of htmls) {
    for (const directive of parsePolicy(metaPolicy(html))) {
      const [name = '', ...values] = directive.split(' ');
      const known = sources.get(name) ?? new Set<string>();
      for (const value of values) known.add(value);
      sources.set(name, known);
    }
  }
  const merged = [...sources].map(([name, values]) => `${name} ${[...values].join(' ')}`).join('; ');
  return parsePolicy(`${merged}; frame-ancestors 'none'`);
}

/**
 * The policy a header written once for every build (nginx) must send with a file that is not a
 * page: the pages' own without any hash (no such file holds inline code), plus frame-ancestors.
 */
export function strictHeaderPolicyFromMeta(html: string): string[] {
  return parsePolicy(`${metaPolicy(html).replace(/ ?'sha\d+-[^']+'/g, '')}; frame-ancestors 'none'`);
}

/**
 * The policy such a header must send with a page: it cannot know the hashes of the page's inline
 * styles and scripts, so it leaves them to the page's `<meta>`: no script-src, style-src, nor the
 * default-src they fall back to; the rest of the pages' policy, plus frame-ancestors.
 */
export function pageHeaderPolicyFromMeta(html: string): string[] {
  return strictHeaderPolicyFromMeta(html).filter((directive) => !/^(default|script|style)-src /.test(directive));
}

/** A policy's directives, whitespace normalized, each one's sources and the directives sorted. */
export function parsePolicy(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/).filter(Boolean))
    .filter((parts) => parts.length)
    .map(([name, ...sources]) => [name, ...sources.sort()].join(' '))
    .sort();
}

/** The text of one built file. */
export const readBuilt = (dist: string, file: string) => readFileSync(path.join(dist, file), 'utf8');

export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** The rules of a `_headers` file: a path pattern at the start of a line, its headers indented below it, `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
    const rule = rules.at(-1);
    if (!rule || !name || value === undefined) throw new Error(`_headers: a header outside a rule, or not "Name: value": ${line}`);
    rule.headers.push([name.trim(), value.trim()]);
  }
  return rules;
}

/**
 * Whether a pattern matches a path, as each host documents it. Both: `*` matches any characters,
 * slashes included, and `:name` one path segment. Cloudflare Pages: the whole path, one `*` per
 * pattern at most. Netlify: case-insensitive, with or without a trailing slash.
 */
export function matches(pattern: string, sitePath: string, host: 'cloudflare' | 'netlify'): boolean {
  if (host === 'cloudflare' && (pattern.match(/\*/g) ?? []).length > 1) throw new Error(`Cloudflare allows one * per pattern: ${pattern}`);
  // Every character literal, then the host's wildcard (escaped like the rest) turned back into one.
  const body = escapeRegExp(pattern)
    .replace(/\\\*/g, '.*')
    .replace(/:[A-Za-z]\w*/g, '[^/]+');
  return host === 'cloudflare'
    ? new RegExp(`^${body}$`).test(sitePath)
    : new RegExp(`^${body.replace(/\/$/, '')}/?$`, 'i').test(sitePath.replace(/\/$/, '') || '/');
}
