/**
 * The editor scripts' command lines, read by Node's `parseArgs`: an unknown or malformed option
 * is named with the command's usage (exit 2) instead of Node's stack trace, and `--help` prints the
 * usage; a `SITE_URL` the site cannot be published at is named with its fix (exit 1). One place, so
 * every script answers alike.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultLocale, localeCodes, type Locale } from '../../src/i18n/locales.ts';
import { getSiteUrl, linkHealthFileName } from '../../src/pipeline/paths.ts';

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

/**
 * Why `dir` is not an issues folder to write into (one holding `zh-CN/`, `en/` or the link checks,
 * or a new or empty folder), with the fix: it holds other files only, as a locale folder given for
 * the issues folder does; or undefined.
 * @example issuesFolderProblem('issues/zh-CN') // { problem: 'issues/zh-CN is a locale folder: …', fix: 'give issues, the folder that holds it' }
 */
export function issuesFolderProblem(dir: string): { problem: string; fix: string } | undefined {
  const entries = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
  // What an issues folder holds; one without zh-CN/ yet (its en/ kept while the issues are imported again) is one too.
  if (entries.length === 0 || entries.some((name) => name === linkHealthFileName || localeCodes.includes(name as Locale))) return undefined;
  const name = path.basename(path.resolve(dir));
  if (localeCodes.some((code) => code.toLowerCase() === name.toLowerCase())) {
    return {
      problem: `${dir} is a locale folder: the issues would land in ${path.join(dir, defaultLocale)}`,
      fix: `give ${path.dirname(dir)}, the folder that holds it`,
    };
  }
  return {
    problem: `${dir} holds other files than issues, and no ${defaultLocale}/ folder`,
    fix: `give the folder that holds ${defaultLocale}/ (as src/content/issues does), or a new or empty one`,
  };
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
