/**
 * A large folder is read on every core (`read-pool.ts`): what it reads must be what one thread
 * reads, file for file, problems and all.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../scripts/lib/synthetic-archive.ts';
import { loadContentFiles, SHARED_FROM } from '../../src/pipeline/content-files.ts';
import { getSiteUrl, registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const registry = loadProjectRegistry(registryFile);

/** An archive of enough issues that the workers, once started, read many of them, with a broken issue and a broken translation among them. */
function writeArchive(label: string): string {
  const dir = tempDir(label);
  for (const { path: file, content } of generateArchive(SHARED_FROM * 4, 7, registry)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  const issue = path.join(dir, 'zh-CN', '0040.md');
  writeFileSync(issue, readFileSync(issue, 'utf8').replace(/^published: .*$/m, 'published: 2014-02-30'));
  const translation = path.join(dir, 'en', readdirSync(path.join(dir, 'en'))[0] ?? '');
  writeFileSync(translation, readFileSync(translation, 'utf8').replace(/^## .*$/m, '### Nova'));
  writeFileSync(path.join(dir, 'zh-CN', '0050.md'), Buffer.from([0xe6, 0x96, 0x87, 0xff, 0x0a]));
  return dir;
}

describe('a large folder', () => {
  it('reads the same on every core as on one thread', async () => {
    // Two copies: each is read afresh, not from the other's results.
    const [alone, shared] = [writeArchive('read-alone'), writeArchive('read-shared')];
    const site = getSiteUrl({});
    const one = await loadContentFiles(alone, { registry, site, threads: 1 });
    const many = await loadContentFiles(shared, { registry, site, threads: 2 });
    const asRead = (content: typeof one, dir: string) => JSON.stringify(content).replaceAll(dir, '<dir>');
    expect(asRead(many, shared)).toBe(asRead(one, alone));
    expect(one.issues.length).toBeGreaterThan(SHARED_FROM);
    expect(one.translations.length).toBeGreaterThan(0);
    expect(one.problems.map(({ field }) => field).sort()).toEqual(['body', 'encoding', 'published']);
  });
});
