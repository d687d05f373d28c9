/**
 * npm run translate -- <number> [--locale en] [--rehash]
 *
 * Scaffolds a translation of issue <number>: `<issues>/<locale>/NNNN.md` with the hash of the
 * Chinese text it translates, one section per section of the issue, and the Chinese original
 * beside each as an HTML comment (comments never reach the page). Never overwrites a file.
 * With --rehash, records the current Chinese text as translated (after updating a stale translation).
 */
import { lstat, readFile, mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultLocale, isLocale } from '../src/i18n/locales.ts';
import { formatIssueLabel, parseIssueNumber } from '../src/lib/numerals.ts';
import { formatProblem, formatProblems } from '../src/pipeline/problems.ts';
import { hashIssueSource } from '../src/pipeline/translations.ts';
import { loadContentFiles, NO_ISSUES } from '../src/pipeline/content-files.ts';
import { displayPath, getIssuesDir } from '../src/pipeline/paths.ts';
import { issueFileName } from './lib/issue-writer.ts';
import { recordSourceHash, scaffoldTranslation } from './lib/scaffold.ts';
import { outputFolderProblem, readCommandLine, readSiteUrl } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';

const usage = 'usage: npm run translate -- <number> [--locale en] [--rehash]';
const { values, positionals } = readCommandLine(usage, {
  allowPositionals: true,
  options: { locale: { type: 'string', default: 'en' }, rehash: { type: 'boolean', default: false } },
});
const [written = '', ...extra] = positionals;
// The issue's number as its file names it: digits only (not 1e1 or 0x8, which Number() reads as 10 and 8).
const number = /^\d+$/.test(written) ? Number(written) : Number.NaN;
// What a number written otherwise means (第八期, full-width ８), to say what to type.
const meant = parseIssueNumber(written) ?? (/^\d+$/.test(written.normalize('NFKC')) ? Number(written.normalize('NFKC')) : undefined);
const { locale } = values;
const wrong = [
  ...(Number.isSafeInteger(number) && number >= 1
    ? []
    : [
        `the issue number must be a whole number from 1 (got "${written}"${meant ? `; for ${formatIssueLabel(meant)} write ${meant}` : ''})`,
      ]),
  ...(extra.length ? [`one issue at a time (also got ${extra.join(' ')})`] : []),
  ...(isLocale(locale) && locale !== defaultLocale ? [] : [`--locale must be a translation's locale (got ${locale})`]),
];
if (wrong.length || !isLocale(locale)) {
  console.error(`${wrong.join('; ')}.\n${usage}`);
  process.exit(2);
}

const issuesDir = getIssuesDir();
const registry = readRegistries().projects;
const { issues, files, problems, stale } = await loadContentFiles(issuesDir, { registry: registry, site: readSiteUrl() });
// Two files holding the number (a copy kept beside it, "0008 copy.md") leave none to translate until one goes.
const found = issues.filter((candidate) => candidate.data.number === number);
const issue = found.length === 1 ? found[0] : undefined;
if (!issue) {
  // Issue <number> read but not valid: the problems say why. Not there at all: that is the answer, whatever else the folder lacks.
  // A folder without issues (a DIGEST_CONTENT_DIR mistyped, or set to a file) is said with its fix.
  const noIssues = problems.filter((problem) => problem.message === NO_ISSUES);
  const there = files.some(
    (read) => read.locale === defaultLocale && (read.number === number || path.basename(read.file) === issueFileName(number)),
  );
  console.error(
    there
      ? `${formatProblems(problems)}\nFix these first: the translation is made from issue ${number} as it checks.`
      : `${noIssues.length ? `${formatProblems(noIssues)}\n` : ''}There is no issue ${number} in ${displayPath(issuesDir)}; nothing was written.`,
  );
  process.exit(1);
}
const file = path.join(issuesDir, locale, issueFileName(number));
// A translation under another name is still this issue's translation: a second one would break the folder.
const elsewhere = files.find((read) => read.locale === locale && read.number === number && path.resolve(read.file) !== file);
if (elsewhere) {
  // Beside the file itself (a second translator's copy), renaming the one onto the other would lose one.
  const both = await lstat(file).catch(() => undefined);
  console.error(
    both
      ? `${displayPath(file)} and ${elsewhere.file} both hold the ${locale} translation of issue ${number}; nothing was written. Keep one: bring what ${elsewhere.file} has that ${displayPath(file)} lacks into ${displayPath(file)}, then delete ${elsewhere.file} (npm run check lists it).`
      : `${elsewhere.file} already holds the ${locale} translation of issue ${number}; nothing was written. Rename it to ${issueFileName(number)} (npm run check lists it).`,
  );
  process.exit(1);
}
const hash = hashIssueSource({ ...issue.data, body: issue.source });

// A link leading out of the folder, the translations' folder (en/) or the file, is no part of it (the
// site does not read it): writing through it would change a file elsewhere.
for (const at of [path.dirname(file), file]) {
  if (!(await lstat(at).catch(() => undefined))?.isSymbolicLink()) continue;
  const [root, target] = await Promise.all([realpath(issuesDir), realpath(at).catch(() => undefined)]);
  const relative = target === undefined ? '..' : path.relative(root, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    console.error(
      `${displayPath(at)} is a symbolic link to ${target ?? 'a file that does not exist'}, outside the issues folder; nothing was written. Copy what it links into the issues folder instead of linking to it.`,
    );
    process.exit(1);
  }
}

if (values.rehash) {
  const source = await readFile(file, 'utf8').catch(() => undefined);
  const recorded = source === undefined ? undefined : recordSourceHash(source, hash);
  if (source === undefined) {
    console.error(`${displayPath(file)} does not exist; scaffold it first with npm run translate -- ${number}.`);
    process.exit(1);
  }
  if (recorded === undefined) {
    console.error(
      `${displayPath(file)} has no front matter with a source.sha256 to update (a source field without one, or front matter that does not read as YAML: npm run check names the line); add "source: { sha256: <hash> }" to its front matter, then run this again.`,
    );
    process.exit(1);
  }
  if (recorded === source) {
    console.log(`${displayPath(file)} already records the current text of ${issue.file} as translated; nothing was written.`);
  } else {
    await writeFile(file, recorded);
    console.log(`${displayPath(file)} now records the current text of ${issue.file} as translated.`);
    // What the changed issue made differ was a warning while the translation was stale: from now on it fails the check.
    const differences = stale.find((entry) => path.resolve(entry.file) === file)?.differences ?? [];
    if (differences.length)
      console.warn(
        `Its sections still differ from the issue's, so npm run check fails until they match:\n${differences.map((difference) => `  ${formatProblem(difference)}`).join('\n')}`,
      );
  }
} else {
  const folderProblem = outputFolderProblem(path.dirname(file));
  if (folderProblem) {
    console.error(`${folderProblem}; nothing was written. Move it out of the issues folder: translations go in ${locale}/.`);
    process.exit(1);
  }
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, scaffoldTranslation(issue, registry, locale, hash), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`${displayPath(file)} already exists; nothing was written. To record a new source version, use --rehash.`);
    process.exit(1);
  }
  console.log(
    `Wrote ${displayPath(file)}, a draft (npm run dev shows it, the build leaves it out): translate each section (the Chinese original is in the comments), remove draft: true, then npm run check.`,
  );
}
