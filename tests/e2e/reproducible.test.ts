/**
 * Reproducible builds: a second build of the same content gives a byte-identical site, every
 * file of it: pages, assets, feeds, the sitemap and the search index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runAstro } from '../helpers/commands.ts';
import { siteFiles } from '../helpers/site-files.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('a second build of the same content', () => {
  it('is byte-identical to the first, file for file', () => {
    const first = inject('distDir');
    const second = tempDir('again');
    const built = runAstro(['build', '--outDir', second], { DIGEST_CONTENT_DIR: inject('contentDir') });
    expect(built.status, built.output).toBe(0);
    const files = siteFiles(first);
    expect(siteFiles(second)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))));
    expect(differing).toEqual([]);
    // What readers and their tools fetch again and again must be among them.
    expect(files).toEqual(
      expect.arrayContaining(['rss.xml', path.join('en', 'rss.xml'), 'sitemap.xml', path.join('pagefind', 'pagefind.js')]),
    );
  }, 180_000);
});
