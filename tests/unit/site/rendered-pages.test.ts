import { afterEach, describe, expect, it } from 'vitest';
import { builtFileOf, onRenderedPage, shareRenderedPage, type RenderedPage } from '../../../src/site/rendered-pages.ts';

describe('the file a rendered page is written to', () => {
  it.each([
    ['/', 'index.html'],
    ['/issues/8/', 'issues/8/index.html'],
    ['/en/projects/nova/page/2/', 'en/projects/nova/page/2/index.html'],
    ['/rss.xml', 'rss.xml'],
    ['/en/projects/nova/rss.xml', 'en/projects/nova/rss.xml'],
  ])('%s → %s', (sitePath, file) => {
    expect(builtFileOf(sitePath)).toBe(file);
  });
});

describe('a rendered page handed over', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  const page = '<!DOCTYPE html><html lang="zh-CN"><head><title>第八期</title></head><body><p>虚拟机</p></body></html>';

  /** A response whose body arrives in several chunks, as Astro streams a page. */
  const streamed = (text: string, init: ResponseInit = {}) => {
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
        controller.close();
      },
    });
    return new Response(stream, { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
  };

  it('gives the listeners the exact bytes Astro then writes, and the text up to </head>', async () => {
    const seen: RenderedPage[] = [];
    stop = onRenderedPage((rendered) => seen.push(rendered));
    const response = await shareRenderedPage('/issues/8/', streamed(page));
    const written = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(written)).toBe(page);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.sitePath).toBe('/issues/8/');
    expect(seen[0]?.bytes).toEqual(written);
    expect(seen[0]?.head).toBe('<!DOCTYPE html><html lang="zh-CN"><head><title>第八期</title></head>');
  });

  it('gives a file without a head whole (a feed)', async () => {
    const seen: RenderedPage[] = [];
    stop = onRenderedPage((rendered) => seen.push(rendered));
    await shareRenderedPage('/rss.xml', streamed('<?xml version="1.0"?><rss><channel/></rss>'));
    expect(seen[0]?.head).toBe('<?xml version="1.0"?><rss><channel/></rss>');
  });

  it('leaves the response unread when no one listens (the dev server), and hands over no error page', async () => {
    const response = streamed(page);
    expect(await shareRenderedPage('/issues/8/', response)).toBe(response);
    expect(response.bodyUsed).toBe(false);
    const seen: RenderedPage[] = [];
    stop = onRenderedPage((rendered) => seen.push(rendered));
    const missing = streamed(page, { status: 404 });
    expect(await shareRenderedPage('/404/', missing)).toBe(missing);
    expect(seen).toEqual([]);
  });
});
