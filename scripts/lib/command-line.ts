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

/**
 * `parseArgs` for a script whose usage line is `usage` (`usage: npm run <script> -- …`). `honoured`
 * names the boolean options the script reads itself when npm took them (see `optionsTakenByNpm`);
 * any other option npm took stops the script with the command to type.
 */
export function readCommandLine<T extends ParseArgsConfig>(
  usage: string,
  config: T,
  honoured: readonly string[] = [],
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const script = /^usage: npm run (\S+)/.exec(usage)?.[1] ?? '';
  const taken = optionsTakenByNpm(script, config.options ?? {}, args, process.env).filter((name) => !honoured.includes(name));
  if (taken.length) {
    console.error(`${describeTakenOptions(script, taken, config.options ?? {}, args)}\n${usage}`);
    process.exit(2);
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

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The options of the script `script` that npm kept for itself: typed after `npm run <script>`
 * without a `--` before them, they reach npm, which sets `npm_config_<name>` and passes on only
 * what follows them, as arguments (`npm run links --all` runs the script without `--all`). Only
 * for the script npm started, and only options the arguments do not hold.
 * @example optionsTakenByNpm('links', { all: { type: 'boolean' } }, [], { npm_lifecycle_event: 'links', npm_config_all: 'true' }) // ['all']
 */
export function optionsTakenByNpm(script: string, options: Options, args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  if (!script || env['npm_lifecycle_event'] !== script) return [];
  return Object.keys(options).filter(
    (name) =>
      env[`npm_config_${name.replaceAll('-', '_')}`] !== undefined &&
      !args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)),
  );
}

/**
 * What to tell an editor whose options npm took: the command to type when they are all flags, else
 * where the `--` goes.
 * @example describeTakenOptions('translate', ['rehash'], { rehash: { type: 'boolean' } }, ['8']) // 'npm took --rehash for itself (…). Nothing was done. Run: npm run translate -- 8 --rehash'
 */
export function describeTakenOptions(script: string, taken: readonly string[], options: Options, args: readonly string[]): string {
  const flags = taken.map((name) => `--${name}`);
  const said = `npm took ${flags.join(' and ')} for itself (options after "npm run ${script}" reach the script only after "--"). Nothing was done.`;
  if (taken.some((name) => options[name]?.type !== 'boolean')) {
    return `${said} Type "--" before the script's arguments, as the usage shows:`;
  }
  const quoted = [...args, ...flags].map((arg) => (/^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  return `${said} Run: npm run ${script} -- ${quoted.join(' ')}`;
}
