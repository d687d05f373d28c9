/**
 * Drafts (`draft: true`): `npm run check` accepts their placeholders and says they are drafts; the
 * build leaves a draft issue and a draft translation out of every page, feed, the sitemap and the
 * search index. (`tests/dev/` shows a draft in `npm run dev`.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runAstro, runScript, type RunResult } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/content/drafts');
// Words only the draft issue (quillwort) and the draft translation (hornwort) hold.
const draftWords = ['quillwort', 'hornwort'];

/** Every file of a folder, as text; Pagefind's files (gzip inside) unpacked, the build's own .gz/.br copies skipped. */
function textsOf(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (!/\.(gz|br)$/.test(name)) {
        const bytes = readFileSync(file);
        const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
        texts.set(path.relative(dir, file), (gzip ? gunzipSync(bytes) : bytes).toString('utf8'));
      }
    }
  };
  walk(dir);
  return texts;
}

describe('drafts', () => {
  const outDir = tempDir('drafts');
  let built: RunResult;
  let texts: Map<string, string>;
  beforeAll(() => {
    built = runAstro(['build', '--outDir', outDir], { DIGEST_CONTENT_DIR: fixture });
    texts = built.status === 0 ? textsOf(outDir) : new Map();
  });

  it('pass npm run check, placeholders and all, which counts them as drafts', () => {
    const result = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: fixture });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 issues and 1 translation (2 of them drafts: shown by npm run dev, left out of the build)');
  });

  it('are built around: the published issue is there, the draft issue and translation are not', () => {
    expect(built.status, built.output).toBe(0);
    expect(texts.has('issues/9/index.html')).toBe(true);
    expect(texts.has('issues/10/index.html')).toBe(false);
    expect(texts.has('en/issues/10/index.html')).toBe(false);
    // Issue 9 in English is the Chinese original, as for any issue without a translation.
    expect(texts.get('en/issues/9/index.html')).toContain('Nova 的测试动态。');
  });

  it('leave no word in any page, feed, the sitemap or the search index', () => {
    expect([...texts.keys()].some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect([...texts.keys()]).toContain('rss.xml');
    expect([...texts.keys()].some((file) => file.startsWith('sitemap'))).toBe(true);
    for (const [file, text] of texts) {
      for (const word of draftWords) expect(text.includes(word), `${file} holds "${word}"`).toBe(false);
      expect(text.includes('/issues/10/'), `${file} links issue 10`).toBe(false);
    }
  });
});
