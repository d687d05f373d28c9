/**
 * The peer: Starlight 0.42 in `bench/peer-starlight/`, installed with `npm ci` when missing,
 * fed an issues folder through the converter, built like our site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../tests/helpers/commands.ts';
import { issueFileName } from '../../scripts/lib/issue-writer.ts';
import type { BuildSpec } from './clean-build.ts';
import { writeStarlightDocs } from './starlight-docs.ts';

export const peerName = 'Starlight 0.42';
export const peerRoot = path.join(projectRoot, 'bench/peer-starlight');

/** Installs the peer's dependencies from its lockfile unless they are there. */
export function ensurePeerInstalled(): void {
  if (existsSync(path.join(peerRoot, 'node_modules/@astrojs/starlight/package.json'))) return;
  console.log('[bench] installing the peer (npm ci in bench/peer-starlight)');
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peerRoot, stdio: 'inherit' });
  if (installed.status !== 0) throw new Error(`npm ci in ${peerRoot} failed (status ${installed.status})`);
}

/** Writes an issues folder as the peer's docs. */
export function preparePeer(issuesDir: string): Promise<{ issues: number; translations: number }> {
  return writeStarlightDocs(issuesDir, path.join(peerRoot, 'src/content/docs'));
}

/** How to build the peer: with our Node, into `outDir`. */
export function peerBuildSpec(node: string, outDir: string): BuildSpec {
  return { root: peerRoot, node, outDir };
}

/** The peer's page of an issue (Starlight slugs the file name: `issues/0008.md` → `/issues/0008/`). */
export function peerIssuePath(number: number): string {
  return `/issues/${issueFileName(number).replace(/\.md$/, '')}/`;
}
