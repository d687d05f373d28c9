/** The machine and the versions a benchmark ran with, for the report. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MachineInfo } from './results.ts';

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? os.type()}, Linux ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

/** CPU, cores, memory and system; the load averages are filled in at the start and the end. */
export function describeMachine(loadBefore: number[]): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: osName(),
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

/** The installed version of a package under `root`, or undefined when it is not installed. */
export function packageVersion(root: string, name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The version `node --version` of a Node binary prints. */
export function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

/** The commit the bench ran on, with `+changes` when the work tree differs from it. */
export function gitCommit(root: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}
