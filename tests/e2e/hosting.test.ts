/**
 * What the build leaves for real hosts, read from the built corpus site: the `_headers` file as
 * Netlify and Cloudflare Pages apply it to every file, the gzip and Brotli copies beside every
 * text file, and a 404 page per language where hosts look for it. (nginx serving all of it:
 * `nginx.test.ts`.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import {
  expectedCacheControl,
  expectedContentType,
  headerPolicyFromPages,
  isHashed,
  isPage,
  isText,
  matches,
  parseHeadersFile,
  parsePolicy,
  readBuilt,
  REVALIDATE,
  servedFiles,
} from '../helpers/hosting.ts';

const dist = () => inject('distDir');

describe('the _headers file', () => {
  it.each(['netlify', 'cloudflare'] as const)('gives every file of the site the right headers on %s, each header from one rule', (host) => {
    const rules = parseHeadersFile(readBuilt(dist(), '_headers'));
    const files = servedFiles(dist());
    const policy = headerPolicyFromPages(files.filter(({ path: sitePath }) => isPage(sitePath)).map(({ file }) => readBuilt(dist(), file)));
    const wrong: string[] = [];
    for (const { path: sitePath } of files) {
      const headers = new Map<string, string[]>();
      for (const rule of rules.filter((candidate) => matches(candidate.pattern, sitePath, host))) {
        for (const [name, value] of rule.headers) headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), value]);
      }
      const one = (name: string) => {
        const values = headers.get(name) ?? [];
        // Cloudflare joins the values of a header two rules set; Netlify keeps one: either way, one rule per header.
        if (values.length > 1) wrong.push(`${sitePath}: ${name} set by ${values.length} rules`);
        return values[0];
      };
      if (!parsePolicy(one('content-security-policy') ?? '').every((directive, index) => directive === policy[index]))
        wrong.push(`${sitePath}: content-security-policy differs from the pages' own (every page's hashes) with frame-ancestors`);
      if (one('x-content-type-options') !== 'nosniff') wrong.push(`${sitePath}: no nosniff`);
      if (!one('referrer-policy')) wrong.push(`${sitePath}: no referrer-policy`);
      // Hashed files are cached for good; feeds and Pagefind's unhashed files say they revalidate; the
      // rest (pages among them) may keep the host's default, which revalidates too.
      const cache = one('cache-control');
      const stated = isHashed(sitePath) || /\/rss\.xml$|^\/pagefind\//.test(sitePath);
      if (stated ? cache !== expectedCacheControl(sitePath) : cache !== undefined && cache !== REVALIDATE)
        wrong.push(`${sitePath}: cache-control ${cache}, expected ${stated ? expectedCacheControl(sitePath) : 'the host default'}`);
      // Types hosts cannot know (Pagefind's data) or get wrong (RSS) are set; every type set is right.
      const type = one('content-type');
      const needed = /\/rss\.xml$|\.(pf_\w+|pagefind)$/.test(sitePath);
      if ((needed || type !== undefined) && type !== expectedContentType(sitePath)) wrong.push(`${sitePath}: content-type ${type}`);
    }
    expect(wrong).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe('precompressed copies', () => {
  it("sit beside every text file of a kilobyte or more, as gzip and Brotli of exactly its bytes; Pagefind's data has none", () => {
    const wrong: string[] = [];
    let copies = 0;
    for (const { file, path: sitePath } of servedFiles(dist())) {
      const full = path.join(dist(), file);
      const bytes = readFileSync(full);
      for (const [suffix, decompress] of [
        ['.gz', gunzipSync],
        ['.br', brotliDecompressSync],
      ] as const) {
        const copy = `${full}${suffix}`;
        if (!isText(sitePath)) {
          if (existsSync(copy)) wrong.push(`${file}${suffix}: a copy of a file that is compressed already`);
          continue;
        }
        if (!existsSync(copy)) {
          if (bytes.length >= 1000) wrong.push(`${file}${suffix}: missing`);
          continue;
        }
        copies += 1;
        if (statSync(copy).size >= bytes.length) wrong.push(`${file}${suffix}: no smaller than the file`);
        if (!decompress(readFileSync(copy)).equals(bytes)) wrong.push(`${file}${suffix}: not the file's bytes`);
      }
    }
    expect(wrong).toEqual([]);
    expect(copies).toBeGreaterThan(100);
  });

  it('are each beside the file they copy (made while pages render, none left where no page was written)', () => {
    const files = readdirSync(dist(), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const copies = files.filter((entry) => /\.(gz|br)$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
    expect(copies.length).toBeGreaterThan(100);
    expect(copies.filter((copy) => !existsSync(copy.replace(/\.(gz|br)$/, ''))).map((copy) => path.relative(dist(), copy))).toEqual([]);
  });
});

describe('permissions', () => {
  it('let a web server running as another user read every folder and file, search index included', () => {
    const root = dist();
    const entries = readdirSync(root, { recursive: true, withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
    expect(folders).toContain(path.join(root, 'pagefind'));
    const unreadable = [root, ...folders].filter((folder) => (statSync(folder).mode & 0o005) !== 0o005);
    expect(unreadable.map((folder) => path.relative(root, folder))).toEqual([]);
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.filter((file) => (statSync(file).mode & 0o004) === 0).map((file) => path.relative(root, file))).toEqual([]);
  });
});

describe('the 404 pages', () => {
  it('are one per language where hosts look for them: Chinese (with English) at the root, English under /en/', () => {
    expect(readBuilt(dist(), '404.html')).toMatch(/<html lang="zh-CN"[\s\S]*<section lang="en"/);
    const english = readBuilt(dist(), 'en/404.html');
    expect(english).toMatch(/<html lang="en"/);
    expect(/<main[\s\S]*<\/main>/.exec(english)?.[0]).not.toContain('zh-CN');
    expect(existsSync(path.join(dist(), 'en/404'))).toBe(false);
  });
});
