/**
 * npm run generate-archive -- --count <n> --out <issues-dir> [--seed 1]
 * Writes a synthetic archive (see synthetic.ts) into an empty issues folder.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateArchive } from './lib/synthetic-archive.ts';
import { outputFolderProblem, readCommandLine } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';
import { MAX_ISSUE_NUMBER } from '../src/schemas/issue.ts';

const usage = 'usage: npm run generate-archive -- --count <n> --out <issues-dir> [--seed 1]';
const { values } = readCommandLine(usage, {
  options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const count = /^\d+$/.test(values.count ?? '') ? Number(values.count) : Number.NaN;
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
// Each problem by its option: a missing --out is not a --count to correct.
const wrong = [
  ...(Number.isSafeInteger(count) && count >= 1 && count <= MAX_ISSUE_NUMBER
    ? []
    : [`--count must be a whole number from 1 to ${MAX_ISSUE_NUMBER} (got ${values.count === undefined ? 'none' : `"${values.count}"`})`]),
  ...(values.out ? [] : ['--out must name the issues folder to write, a new or empty one']),
  ...(Number.isSafeInteger(seed) ? [] : [`--seed must be a whole number (got "${values.seed}")`]),
];
if (wrong.length || !values.out) {
  console.error(`${wrong.join('; ')}.\n${usage}`);
  process.exit(2);
}
const outProblem = outputFolderProblem(values.out);
if (outProblem) {
  console.error(`${outProblem}; give an empty or new folder.`);
  process.exit(1);
}
if ((await readdir(values.out).catch(() => [])).length > 0) {
  console.error(`${values.out} is not empty; give an empty or new folder.`);
  process.exit(1);
}
const out = values.out;
const files = generateArchive(count, seed, readRegistries().projects);
// Ctrl-C midway would leave part of an archive, which checks as a smaller one and makes the next
// run refuse the folder as not empty: what was written goes (the folder held nothing before).
const existed = existsSync(out);
const interrupted = (signal: NodeJS.Signals) => {
  if (existed) for (const name of readdirSync(out)) rmSync(path.join(out, name), { recursive: true, force: true });
  else rmSync(out, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
for (const file of files) {
  await mkdir(path.dirname(path.join(out, file.path)), { recursive: true });
  await writeFile(path.join(out, file.path), file.content);
}
process.off('SIGINT', interrupted);
process.off('SIGTERM', interrupted);
console.log(`Wrote ${files.length} files (${count} issues, ${files.length - count} translations) to ${values.out}.`);
