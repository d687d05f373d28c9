/** Runs the project's own commands as an editor would, with the project's own Node (22, from node_modules). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a terminal shows them. */
  output: string;
}

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const sharedDir = path.resolve(projectRoot, '../shared');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const projectNode = path.join(projectRoot, 'node_modules/.bin/node');

/** Runs a Node script of the project (`scripts/check.ts` ...) with extra environment. */
export function runScript(script: string, args: readonly string[] = [], env: Record<string, string> = {}): RunResult {
  return run([path.join(projectRoot, script), ...args], env);
}

/** Runs the Astro CLI (`build`, `sync` ...) in the project. */
export function runAstro(args: readonly string[], env: Record<string, string> = {}): RunResult {
  return run([astroBin, ...args], env);
}

function run(args: readonly string[], env: Record<string, string>): RunResult {
  const result = spawnSync(projectNode, args, {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}
