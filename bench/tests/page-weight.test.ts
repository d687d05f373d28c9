import { EventEmitter } from 'node:events';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countDocument, countFetch, followRequests, isSearchFile, sumTransfers, weighPage } from '../lib/page-weight.ts';

const text = (value: string) => new TextEncoder().encode(value);
const html = `<!doctype html><html lang="zh-CN">${'<p>OpenStack社区动态</p>'.repeat(200)}</html>`;

describe('a response counted', () => {
  it('is its path, kind and sizes raw and gzip-compressed', () => {
    const counted = countFetch({ url: 'http://127.0.0.1:4321/issues/8/?x=1', resourceType: 'document', body: text(html) });
    expect(counted).toMatchObject({ path: '/issues/8/?x=1', kind: 'html', raw: Buffer.byteLength(html) });
    expect(counted.gzip).toBeGreaterThan(20);
    expect(counted.gzip).toBeLessThan(counted.raw / 10);
  });

  it('sorts style sheets, scripts and the rest', () => {
    const kind = (resourceType: string) => countFetch({ url: 'http://h/x', resourceType, body: text('x') }).kind;
    expect([kind('stylesheet'), kind('script'), kind('fetch'), kind('image')]).toEqual(['css', 'js', 'other', 'other']);
    expect(countFetch({ url: 'http://h/x', resourceType: 'fetch', body: new Uint8Array() }).gzip).toBe(0);
  });

  it("counts a file sent gzip-encoded as it is stored (Pagefind's) at its size as sent, not unpacked", () => {
    const unpacked = text('pagefind_dcd'.repeat(200));
    const counted = countFetch({ url: 'http://h/pagefind/index/zh-cn_1.pf_index', resourceType: 'fetch', body: unpacked, sent: 321 });
    expect(counted).toEqual({ path: '/pagefind/index/zh-cn_1.pf_index', kind: 'other', raw: 321, gzip: 321 });
  });

  it('has a gzip size that is a real gzip of the body', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gunzipSync(gzipSync(text(html))).toString()).toBe(html);
  });
});

describe('a page with inline styles and scripts', () => {
  const style = 'body{color:red}'.repeat(40);
  const script = 'document.body.dataset.ready="1";'.repeat(10);
  const page = `<!doctype html><html><head><style>${style}</style><script type="module">${script}</script><script type="application/ld+json">{"a":1}</script></head><body><template><script type="module" src="/_astro/later.js"></script></template>${'<p>正文</p>'.repeat(50)}</body></html>`;
  const counted = countDocument({ url: 'http://h/issues/8/', resourceType: 'document', body: text(page) });

  it('counts each inline style as CSS and each inline script as script, the markup left as HTML', () => {
    expect(counted.map(({ path, kind }) => [path, kind])).toEqual([
      ['/issues/8/', 'html'],
      ['/issues/8/ (inline style 1)', 'css'],
      ['/issues/8/ (inline script 1)', 'js'],
    ]);
    expect(counted[1]?.raw).toBe(style.length);
    expect(counted[2]?.raw).toBe(script.length);
    expect(counted.reduce((sum, file) => sum + file.raw, 0)).toBe(Buffer.byteLength(page));
  });

  it('leaves data and scripts loaded from a file in the HTML', () => {
    const bare = countDocument({
      url: 'http://h/a/',
      resourceType: 'document',
      body: text('<script src="/a.js"></script><script type="application/json">{}</script>'),
    });
    expect(bare.map((file) => file.kind)).toEqual(['html']);
  });

  it('is what a visit sums by kind', () => {
    const visit = weighPage('/issues/8/', [{ url: 'http://h/issues/8/', resourceType: 'document', body: text(page) }]);
    expect(visit.js.raw).toBe(script.length);
    expect(visit.css.raw).toBe(style.length);
  });
});

describe('a page visit', () => {
  const visit = weighPage('/issues/8/', [
    { url: 'http://h/issues/8/', resourceType: 'document', body: text(html) },
    { url: 'http://h/_astro/BaseLayout.css', resourceType: 'stylesheet', body: text('body{color:red}'.repeat(50)) },
    { url: 'http://h/_astro/SearchBox.js', resourceType: 'script', body: text('document.addEventListener("keydown",()=>{})') },
    { url: 'http://h/_astro/LanguageSwitcher.js', resourceType: 'script', body: text('console.log(1)') },
  ]);

  it('sums every kind and the whole', () => {
    expect(visit.js.raw).toBe(43 + 14);
    expect(visit.total.raw).toBe(visit.html.raw + visit.css.raw + visit.js.raw + visit.other.raw);
    expect(visit.total.gzip).toBe(visit.files.reduce((sum, file) => sum + file.gzip, 0));
    expect(sumTransfers([]).total).toEqual({ raw: 0, gzip: 0 });
  });

  it('lists search files fetched, and only those', () => {
    expect(visit.searchFiles).toEqual([]);
    const eager = weighPage('/issues/8/', [{ url: 'http://h/pagefind/pagefind.js', resourceType: 'script', body: text('x') }]);
    expect(eager.searchFiles).toEqual(['/pagefind/pagefind.js']);
    expect(isSearchFile('/pagefind-notes/')).toBe(false);
    expect(isSearchFile('/_astro/search.astro_astro_type_script.js')).toBe(false);
  });
});

describe('waiting for a quiet network', () => {
  it('waits for every request in flight to end, then for the quiet spell', async () => {
    const page = new EventEmitter();
    const requests = followRequests(page as unknown as Page);
    page.emit('request');
    page.emit('request');
    let quiet = false;
    const waiting = requests.quiet(60).then(() => (quiet = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    page.emit('requestfinished');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(quiet).toBe(false);
    const ended = Date.now();
    page.emit('requestfailed');
    await waiting;
    expect(Date.now() - ended).toBeGreaterThanOrEqual(55);
  });
});
