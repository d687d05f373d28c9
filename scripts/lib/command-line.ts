/**
 * The editor scripts' command lines, read by Node's `parseArgs`: an unknown or malformed option
 * is named with the command's usage (exit 2) instead of Node's stack trace, and `--help` prints the
 * usage; a `SITE_URL` the site cannot be published at is named with its fix (exit 1). One place, so
 * every script answers alike.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getSiteUrl } from '../../src/pipeline/paths.ts';

/** `parseArgs` for a script whose usage line is `usage`. */
export function readCommandLine<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** The site's address (`SITE_URL`), or its problem and fix said and the script ended. */
export function readSiteUrl(): URL {
  try {
    return getSiteUrl();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * Why `dir` cannot be the folder a script writes into (a file is there, or on the way there), or
 * undefined when it is a folder or can be made one.
 * @example outputFolderProblem('/etc/passwd') // '/etc/passwd is a file, not a folder'
 */
export function outputFolderProblem(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const found = statSync(at, { throwIfNoEntry: false });
    if (found) return found.isDirectory() ? undefined : `${at === path.resolve(dir) ? dir : at} is a file, not a folder`;
    if (path.dirname(at) === at) return undefined;
  }
}
