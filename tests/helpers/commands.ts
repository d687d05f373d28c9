/** Runs the project's own commands as an editor would, with the project's own Node (22, from node_modules). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './temp-dir.ts';

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

/**
 * Starts a Node script of the project without blocking this process (a test may serve it over HTTP
 * meanwhile); `done` resolves when it exits.
 */
export function startScript(
  script: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(projectNode, [path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
  return { child, done };
}

/**
 * Runs the Astro CLI (`build`, `sync` ...) in the project, with a cache folder of its own unless
 * given one (test files run side by side), removed when the test file is done.
 */
export function runAstro(args: readonly string[], env: Record<string, string> = {}): RunResult {
  return run([astroBin, ...args], { DIGEST_CACHE_DIR: env['DIGEST_CACHE_DIR'] ?? tempDir('astro-cache'), ...env });
}

/**
 * Variables Vitest sets in its own process (`NODE_ENV=test`, `BASE_URL`, `MODE`, `DEV` ...): a
 * command run with them is not the one an editor runs (Astro would build in test mode, and Vite
 * reads `BASE_URL` and `MODE` as its own).
 */
const TEST_RUNNER_VARIABLES = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;

/** The environment of a command run as an editor would: this process's, without the test runner's, plus `extra`. */
export function editorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_VARIABLES.test(name)));
  // Astro's CLI keeps Node's compile cache in the system's temp folder unless told where: a test
  // run leaves nothing there.
  const compileCache = path.join(projectRoot, 'node_modules/.cache/node-compile-cache');
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_COMPILE_CACHE: compileCache, ...extra };
}

function run(args: readonly string[], env: Record<string, string>): RunResult {
  const result = spawnSync(projectNode, args, {
    cwd: projectRoot,
    env: editorEnv(env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}
