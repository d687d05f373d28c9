/** Runs the project's own commands as an editor would, with the project's own Node (22, from node_modules). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  const command = () => run([astroBin, ...args], { DIGEST_CACHE_DIR: env['DIGEST_CACHE_DIR'] ?? tempDir('astro-cache'), ...env });
  return args[0] === 'build' ? oneBuildAtATime(command) : command();
}

/**
 * A build into a folder outside the project writes its pages' server code to the project's own
 * `.astro/.prerender/` (Astro 7's `getOutDirWithinCwd`) and removes it when done: two builds side by
 * side, from test files running at once, delete each other's code mid-build. Builds from the tests
 * therefore take turns, through a lock folder beside the dependencies (not in the temp folder the
 * tests must leave empty), freed should its holder have died.
 */
const BUILD_LOCK = path.join(projectRoot, 'node_modules/.cache/digest-build.lock');
const LOCK_WAIT_MS = 15 * 60_000;

function oneBuildAtATime<T>(command: () => T): T {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(path.join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      if (abandoned()) rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`another build held ${BUILD_LOCK} for ${LOCK_WAIT_MS / 60_000} minutes`);
      Atomics.wait(pause, 0, 0, 100);
    }
  }
  try {
    return command();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Whether the lock's holder has died: its process is gone, or it never wrote its pid within a minute. */
function abandoned(): boolean {
  try {
    const holder = Number(readFileSync(path.join(BUILD_LOCK, 'pid'), 'utf8'));
    if (!holder) return Date.now() - statSync(BUILD_LOCK).mtimeMs > 60_000;
    process.kill(holder, 0);
    return false;
  } catch (error) {
    // No pid file yet (or the lock just freed): the holder may be writing it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        return Date.now() - statSync(BUILD_LOCK).mtimeMs > 60_000;
      } catch {
        return false;
      }
    }
    // ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
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
