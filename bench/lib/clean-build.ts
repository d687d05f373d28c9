/**
 * One clean build of an Astro site, measured: its output and caches removed first, then the
 * wall time of `astro build`, the peak memory and CPU of its whole process tree, and the figures
 * of its log.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseBuildLog } from './build-log.ts';
import { watchProcessTree } from './process-tree.ts';
import type { BuildRun } from './results.ts';

export interface BuildSpec {
  /** The Astro project's folder. */
  root: string;
  /** The Node binary to run the build with (the project's Node 22): its folder leads the PATH. */
  node: string;
  outDir: string;
  /**
   * The package script that builds the site (`build`), run with `npm run` so whatever it sets
   * (Node flags included) is measured, npm's own start-up too; without one, `astro build` is run
   * directly.
   */
  npmScript?: string;
  env?: Record<string, string>;
}

export class BuildError extends Error {
  readonly log: string;
  constructor(message: string, log: string) {
    super(message);
    this.log = log;
  }
}

/** Removes what a build leaves behind: the output, Astro's cache and its generated types. */
export async function cleanSite(spec: BuildSpec): Promise<void> {
  for (const folder of [spec.outDir, path.join(spec.root, 'node_modules/.astro'), path.join(spec.root, '.astro')]) {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Runs one clean build; throws a `BuildError` (with the log) when it fails. Returns the figures and the log. */
export async function cleanBuild(spec: BuildSpec): Promise<{ run: BuildRun; output: string }> {
  await cleanSite(spec);
  const [command, args] = spec.npmScript
    ? ['npm', ['run', '--silent', spec.npmScript, '--', '--outDir', spec.outDir]]
    : [spec.node, [path.join(spec.root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', spec.outDir]];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: spec.root,
    env: {
      ...process.env,
      PATH: `${path.dirname(spec.node)}${path.delimiter}${process.env['PATH'] ?? ''}`,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...spec.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const watcher = watchProcessTree(child.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = Math.round(performance.now() - started);
  const usage = watcher.stop();
  if (status !== 0) throw new BuildError(`astro build in ${spec.root} exited with status ${status}`, output);
  return {
    run: { wallMs, peakRssBytes: usage.peakRssBytes, cpuMs: usage.cpuMs, otherCpuMs: usage.otherCpuMs, log: parseBuildLog(output) },
    output,
  };
}
