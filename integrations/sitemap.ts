/**
 * Writes `sitemap.xml` when the build is done, from the canonical and hreflang links each built
 * page declares (see `src/lib/sitemap-xml.ts`), so the sitemap cannot disagree with the pages.
 */
import type { AstroIntegration } from 'astro';
import { open, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSitemap, readPageLinks } from '../src/lib/sitemap-xml.ts';

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
  return {
    name: 'digest-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const files = pages.map(({ pathname }) => `${root}${pathname}${pathname === '' || pathname.endsWith('/') ? '' : '/'}index.html`);
        const links = await Promise.all(files.map(async (file) => readPageLinks(await readHead(file).catch(() => ''))));
        const sitemap = buildSitemap(links);
        await writeFile(`${root}sitemap.xml`, sitemap);
        logger.info(`sitemap.xml lists ${(sitemap.match(/<loc>/g) ?? []).length} canonical pages`);
      },
    },
  };
}
