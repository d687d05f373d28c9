import { EventEmitter } from 'node:events';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countFetch, followRequests, isSearchFile, sumTransfers, weighPage } from '../lib/page-weight.ts';

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

  it('has a gzip size that is a real gzip of the body', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gunzipSync(gzipSync(text(html))).toString()).toBe(html);
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
