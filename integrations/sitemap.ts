/**
 * Writes `sitemap.xml` when the build is done, from the canonical and hreflang links each built
 * page declares (see `src/lib/sitemap-xml.ts`), so the sitemap cannot disagree with the pages:
 * read from each page's head as it is rendered, or from its file.
 */
import type { AstroIntegration } from 'astro';
import { open, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSitemap, readPageLinks, type PageLinks } from '../src/lib/sitemap-xml.ts';
import { sitemapPath } from '../src/lib/routes.ts';
import { builtFileOf, onRenderedPage } from '../src/site/rendered-pages.ts';

const CHUNK_BYTES = 16 * 1024;

/**
 * The start of an HTML file, up to the end of its `<head>` (or the whole file without one): the
 * links are there, and reading whole pages cost the end of every build a pass over all its HTML.
 */
async function readHead(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const decoder = new TextDecoder();
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let text = '';
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return text + decoder.decode();
      text += decoder.decode(chunk.subarray(0, bytesRead), { stream: true });
      if (text.includes('</head>')) return text;
    }
  } finally {
    await handle.close();
  }
}

export function sitemapIntegration(): AstroIntegration {
  // Each page's links, read from its head as it is rendered (by its file inside the site).
  const rendered = new Map<string, PageLinks>();
  let stop: (() => void) | undefined;
  return {
    name: 'digest-sitemap',
    hooks: {
      'astro:build:start': () => {
        stop = onRenderedPage(({ sitePath, head }) => {
          const file = builtFileOf(sitePath);
          if (file.endsWith('.html')) rendered.set(file, readPageLinks(head));
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        stop?.();
        const root = fileURLToPath(dir);
        const files = pages.map(({ pathname }) => builtFileOf(`/${pathname}${pathname === '' || pathname.endsWith('/') ? '' : '/'}`));
        const links = await Promise.all(
          files.map(async (file) => rendered.get(file) ?? readPageLinks(await readHead(`${root}${file}`).catch(() => ''))),
        );
        const sitemap = buildSitemap(links);
        await writeFile(`${root}${builtFileOf(sitemapPath)}`, sitemap);
        logger.info(`${builtFileOf(sitemapPath)} lists ${(sitemap.match(/<loc>/g) ?? []).length} canonical pages`);
      },
    },
  };
}
