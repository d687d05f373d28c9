/**
 * Imports ../shared/corpus, adds the committed English translations (of issues 1 and 8, which
 * the corpus holds too) and a fixture of link checks (`tests/fixtures/links/link-health.yaml`: a
 * few links dead, moved, unknown), builds the site (search index included) and serves it, once for
 * all browser tests; removes it all afterwards.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot, runAstro, runScript, sharedDir } from '../helpers/commands.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    contentDir: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(path.join(tmpdir(), 'digest-e2e-'));
  const contentDir = path.join(work, 'content');
  const distDir = path.join(work, 'dist');
  const imported = runScript('scripts/import.ts', [path.join(sharedDir, 'corpus'), '--out', contentDir]);
  if (imported.status !== 0) throw new Error(`importing the corpus failed:\n${imported.output}`);
  cpSync(path.join(projectRoot, 'src/content/issues/en'), path.join(contentDir, 'en'), { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/links/link-health.yaml'), path.join(contentDir, 'link-health.yaml'));
  const built = runAstro(['build', '--outDir', distDir], { DIGEST_CONTENT_DIR: contentDir, DIGEST_CACHE_DIR: path.join(work, 'cache') });
  if (built.status !== 0) throw new Error(`building the corpus site failed:\n${built.output}`);
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  project.provide('contentDir', contentDir);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
}
