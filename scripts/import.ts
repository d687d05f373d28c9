/**
 * npm run import -- <legacy-dir> --out <issues-dir> [--dates-from <dir>] [--date <file>=YYYY-MM-DD]
 *                   [--section <file>:<line>=<id|keep>] [--attribution <file.yaml>] [--force]
 *
 * Converts legacy Jekyll posts into issue files under <issues-dir>/zh-CN/, reporting per file
 * what it read and normalized, and every guess it left for the editor to confirm with --section
 * (it never asks, so it never waits for input). Files that cannot be imported are named with line and reason
 * after the rest are written; the exit status is then 1. Output is byte-identical on re-runs.
 */
import { existsSync, lstatSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseIsoDay } from '../src/lib/dates.ts';
import { formatIssueLabel } from '../src/lib/numerals.ts';
import { loadContentFiles } from '../src/pipeline/content-files.ts';
import { createProjectResolver } from '../src/lib/projects.ts';
import { displayPath } from '../src/pipeline/paths.ts';
import { AttributionSchema } from '../src/schemas/issue.ts';
import { convertLegacyPost, type ImportContext, type KnownDate } from './lib/legacy-post.ts';
import { formatImportSummary, formatOutcome, type FileOutcome } from './lib/import-report.ts';
import { issuesFolderProblem, outputFolderProblem, readCommandLine, readSiteUrl } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';
import { LEGACY_EXTENSIONS, listLegacyFolder } from './lib/legacy-folder.ts';

const usage =
  'usage: npm run import -- <legacy-dir> --out <issues-dir> [--dates-from <dir>] [--date <file>=YYYY-MM-DD] [--section <file>:<line>=<id|keep>] [--attribution <file.yaml>] [--force]';

const { values, positionals } = readCommandLine(usage, {
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'dates-from': { type: 'string' },
    date: { type: 'string', multiple: true },
    section: { type: 'string', multiple: true },
    attribution: { type: 'string', default: path.join(import.meta.dirname, 'lib/legacy-attribution.yaml') },
    force: { type: 'boolean', default: false },
  },
});
const [legacyDir] = positionals;
if (!legacyDir || !values.out || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

/** Stops with a message naming what to fix, instead of a stack trace. */
function fail(message: string, fix: string): never {
  console.error(`npm run import: ${message}. Fix: ${fix}.`);
  process.exit(1);
}

for (const [dir, what] of [
  [legacyDir, 'the folder of legacy posts'],
  [values['dates-from'], '--dates-from'],
] as const) {
  if (dir !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    fail(`${dir} (${what}) is not a folder`, 'give the path of the folder that holds the legacy posts');
  }
}
// Named once checked, for the steps below.
const outDir = values.out;
const postsDir = legacyDir;
const outProblem = outputFolderProblem(outDir);
if (outProblem) fail(`${outProblem} (--out)`, 'give the issues folder to write into, or a new folder');
const notIssues = issuesFolderProblem(outDir);
if (notIssues) fail(`${notIssues.problem} (--out)`, notIssues.fix);
const registry = readRegistries().projects;
const resolver = createProjectResolver(registry);
const attribution = await readAttribution(values.attribution);
const baseContext: ImportContext = {
  resolver,
  attribution,
  datesByFile: parseDateOptions(values.date ?? []),
  sectionsByFile: parseSectionOptions(values.section ?? []),
};
const context: ImportContext = { ...baseContext, datesByNumber: await readDatesFrom(values['dates-from'], baseContext) };

const extensions = new Intl.ListFormat('en', { type: 'disjunction' }).format(LEGACY_EXTENSIONS.map((extension) => `.${extension}`));
const { posts: fileNames, others } = await listLegacyFolder(legacyDir);
if (fileNames.length === 0) fail(`${legacyDir} holds no legacy posts (${extensions} files)`, 'give the folder that holds them');
// An option naming no post would be ignored, and the post it was meant for imported without it.
for (const [option, named] of [
  ['--date', [...(context.datesByFile?.keys() ?? [])]],
  ['--section', [...(context.sectionsByFile?.keys() ?? [])]],
] as const) {
  const unknown = named.filter((name) => !fileNames.includes(name));
  if (unknown.length) {
    fail(
      `${option} names ${unknown.join(', ')}, which is not a legacy post of ${legacyDir}`,
      'give the file name exactly as the report shows it (a post in a subfolder by its path there, its case too)',
    );
  }
}

// Convert and validate everything first, so a file that would break the build is never written.
const site = readSiteUrl();
const outcomes: FileOutcome[] = [];
for (const fileName of fileNames) {
  const result = convertLegacyPost({ fileName, bytes: await readFile(path.join(legacyDir, fileName)) }, context);
  outcomes.push({ fileName, result });
}
// A file beside the posts may be a post the importer cannot read (saved as HTML): named, never passed over.
for (const fileName of others) {
  const reason = `not a Markdown post (the importer reads ${extensions} files). Fix: convert a post to Markdown, and move any other file out of ${legacyDir}`;
  outcomes.push({ fileName, result: { ok: false, line: 1, reason, notes: [] } });
}
outcomes.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
await refuseSharedNumbers(outcomes);
refuseLinks(outcomes);
// Before the check: the folder it checks must be the one left behind, with the files kept in place of refused ones.
await refuseReplacing(outcomes);
await checkWithFolder(outcomes);

for (const outcome of outcomes) {
  if (!outcome.result.ok || outcome.write === 'unchanged') continue;
  const target = path.join(values.out, outcome.result.issue.path);
  const existed = existsSync(target);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, outcome.result.issue.content);
  outcome.write = existed ? 'replaced' : 'written';
}

// Each file in order, a file not imported on stderr: an editor who sends the report to a file still sees what failed.
for (const outcome of outcomes) (outcome.result.ok ? console.log : console.error)(formatOutcome(outcome));
console.log(formatImportSummary(outcomes, { from: legacyDir, to: values.out }));
if (outcomes.some((outcome) => !outcome.result.ok)) process.exitCode = 1;

/**
 * Posts whose titles give one number would be one file, the second written over the first: none
 * of them is written, and each names the others, at its title's line.
 */
async function refuseSharedNumbers(all: FileOutcome[]): Promise<void> {
  const byPath = Map.groupBy(
    all.flatMap((outcome) => (outcome.result.ok ? [{ outcome, issue: outcome.result.issue }] : [])),
    ({ issue }) => issue.path,
  );
  for (const group of byPath.values()) {
    if (group.length < 2) continue;
    for (const { outcome, issue } of group) {
      const others = group.filter((other) => other.outcome !== outcome).map((other) => other.outcome.fileName);
      outcome.result = {
        ok: false,
        line: (await legacyLine(outcome.fileName, 'title:')) ?? 1,
        reason: `its title gives ${formatIssueLabel(issue.number)} (number ${issue.number}), as ${others.join(' and ')} does: one would be written over the other, so none is. Fix: correct the number in the title of the post that has it wrong`,
        notes: outcome.result.notes,
      };
    }
  }
}

/**
 * Posts whose issue file is already in the output folder: unchanged when it holds what the post
 * converts to, refused when it holds anything else, unless --force.
 */
async function refuseReplacing(all: FileOutcome[]): Promise<void> {
  for (const outcome of all) {
    if (!outcome.result.ok) continue;
    const target = path.join(outDir, outcome.result.issue.path);
    const existing = existsSync(target) ? await readFile(target, 'utf8') : undefined;
    if (existing === outcome.result.issue.content) {
      outcome.write = 'unchanged';
    } else if (existing !== undefined && !values.force) {
      outcome.result = {
        ok: false,
        line: 1,
        reason: `${displayPath(target)} exists with other content; pass --force to replace it`,
        notes: outcome.result.notes,
      };
    }
  }
}

/**
 * Posts whose issue file, or its `zh-CN/` folder, is a symbolic link in the output folder: writing
 * through it (here or in the check's copy of the folder) would replace whatever it points at,
 * outside the issues folder too, with or without --force. None is written; each names the link.
 */
function refuseLinks(all: FileOutcome[]): void {
  for (const outcome of all) {
    if (!outcome.result.ok) continue;
    let at = outDir;
    for (const part of path.normalize(outcome.result.issue.path).split(path.sep)) {
      at = path.join(at, part);
      if (!lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
      outcome.result = {
        ok: false,
        line: 1,
        reason: `${displayPath(at)} is a symbolic link: the importer writes no issue through one, which would replace what it points at. Fix: remove the link (or put the file it leads to in its place) and import again`,
        notes: outcome.result.notes,
      };
      break;
    }
  }
}

/**
 * The site's whole check (`npm run check`) on the output folder as it will be once the converted
 * files are in it: links and images to the site (an image never copied to `public/`, a link to the
 * old blog's pages), and numbers and periods against the issues already there. A converted file
 * with a problem is not written; the problem is named at the legacy post's line that holds the
 * text, when the converted line is found there.
 */
async function checkWithFolder(all: FileOutcome[]): Promise<void> {
  const converted = all.flatMap((outcome) => (outcome.result.ok ? [{ outcome, issue: outcome.result.issue }] : []));
  if (converted.length === 0) return;
  const scratch = mkdtempSync(path.join(tmpdir(), 'digest-import-'));
  // Ctrl-C while the copy is checked (seconds, in a folder of hundreds of issues) must not leave it behind.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const before = existsSync(outDir) ? await loadContentFiles(outDir, { registry, site }) : undefined;
    const known = new Set(before?.problems.map((problem) => `${path.relative(outDir, path.resolve(problem.file))}\0${problem.message}`));
    if (existsSync(outDir)) await cp(outDir, scratch, { recursive: true });
    for (const { issue } of converted) {
      await mkdir(path.dirname(path.join(scratch, issue.path)), { recursive: true });
      await writeFile(path.join(scratch, issue.path), issue.content);
    }
    // The check names files in the copy, which is gone once the report is read: name them in the output folder.
    const shownIn = (dir: string) => displayPath(path.join(dir, '_')).slice(0, -1);
    const inOutDir = (text: string) => text.replaceAll(shownIn(scratch), shownIn(outDir));
    const checked = await loadContentFiles(scratch, { registry, site });
    const problems = checked.problems.map((problem) => ({ ...problem, message: inOutDir(problem.message), fix: inOutDir(problem.fix) }));
    for (const problem of problems) {
      const file = path.relative(scratch, path.resolve(problem.file));
      const mine = converted.find(({ issue }) => path.normalize(issue.path) === file);
      const where = problem.line ? `line ${problem.line}` : 'the file';
      if (mine?.outcome.result.ok) {
        const written = problem.line ? mine.issue.content.split('\n')[problem.line - 1]?.trim() : undefined;
        const legacy = written ? await legacyLine(mine.outcome.fileName, written) : undefined;
        mine.outcome.result = {
          ok: false,
          line: legacy ?? 1,
          reason: `the converted issue would not build (its ${where}${written ? `, "${written.slice(0, 60)}"` : ''}): ${problem.field}: ${problem.message}. Fix: ${problem.fix}`,
          notes: mine.outcome.result.notes,
        };
      } else if (!mine && !known.has(`${file}\0${problem.message}`)) {
        // An issue already in the folder that a converted one breaks (the same number, an overlapping
        // period): the converted issues the problem names, or, when it names none, every one.
        const named = converted.filter(({ issue }) => problem.message.includes(`${shownIn(outDir)}${path.normalize(issue.path)}`));
        for (const { outcome } of named.length ? named : converted) {
          if (!outcome.result.ok) continue;
          const reason = `with it, ${path.join(outDir, file)}'s ${where} would not build: ${problem.field}: ${problem.message}. Fix: ${problem.fix}`;
          outcome.result = { ok: false, line: 1, reason, notes: outcome.result.notes };
        }
      }
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The line of a legacy post holding a converted line's text, when it is found there once. */
async function legacyLine(fileName: string, text: string): Promise<number | undefined> {
  const lines = (await readFile(path.join(postsDir, fileName), 'utf8')).split(/\r\n|\r|\n/);
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index + 1] : []));
  return found.length === 1 ? found[0] : undefined;
}

function parseDateOptions(options: readonly string[]): Map<string, KnownDate> {
  return new Map(
    options.map((option) => {
      const [file, day] = option.split('=');
      const date = parseIsoDay(day ?? '');
      if (!file || !date) {
        console.error(`--date ${option}: expected <file>=YYYY-MM-DD\n${usage}`);
        process.exit(2);
      }
      return [file, { date, source: `--date ${option}` }];
    }),
  );
}

/** The editor's answers to the importer's guesses: `<file>:<line>=<project id>` starts that section there, `=keep` leaves the line as it is. */
function parseSectionOptions(options: readonly string[]): Map<string, Map<number, string>> {
  const byFile = new Map<string, Map<number, string>>();
  for (const option of options) {
    const match = /^(.+):(\d+)=([\w-]+)$/.exec(option);
    const [, file = '', line = '', answer = ''] = match ?? [];
    if (!match || (answer !== 'keep' && !resolver.get(answer))) {
      console.error(`--section ${option}: expected <file>:<line>=<project id from src/content/projects.yaml, or keep>\n${usage}`);
      process.exit(2);
    }
    const decisions = byFile.get(file) ?? new Map<number, string>();
    byFile.set(file, decisions.set(Number(line), answer));
  }
  return byFile;
}

/** The credit every imported issue carries, from `--attribution`; a file that cannot say it stops the import. */
async function readAttribution(file: string) {
  const text = await readFile(file, 'utf8').catch(() =>
    fail(`cannot read ${file} (--attribution)`, 'give the path of a YAML file with editor and source'),
  );
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    fail(`${file} (--attribution) is not YAML: ${(error as Error).message.split('\n')[0]}`, 'correct the YAML');
  }
  const parsed = AttributionSchema.safeParse(data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    fail(
      `${file} (--attribution), ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'not a credit'}`,
      'write editor: and source: (an http(s) address)',
    );
  }
  return parsed.data;
}

/** Publication dates by issue number, from a folder of dated posts of the same issues. */
async function readDatesFrom(dir: string | undefined, base: ImportContext): Promise<Map<number, KnownDate>> {
  const dates = new Map<number, KnownDate>();
  if (!dir) return dates;
  // Read as the posts are (subfolders too); only dated ones can say when an issue was published.
  for (const fileName of (await listLegacyFolder(dir)).posts.filter((name) => /(?:^|\/)\d{4}-\d{2}-\d{2}-[^/]*$/.test(name))) {
    const result = convertLegacyPost({ fileName, bytes: await readFile(path.join(dir, fileName)) }, base);
    if (result.ok) dates.set(result.issue.number, { date: result.issue.data.published, source: `the dated post ${fileName}` });
  }
  return dates;
}
