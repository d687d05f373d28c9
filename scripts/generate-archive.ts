/**
 * npm run generate-archive -- --count <n> --out <issues-dir> [--seed 1]
 * Writes a synthetic archive (see synthetic.ts) into an empty issues folder.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registryFile } from '../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../src/pipeline/registry.ts';
import { generateArchive } from './lib/synthetic-archive.ts';
import { readCommandLine } from './lib/command-line.ts';

const usage = 'usage: npm run generate-archive -- --count <n> --out <issues-dir> [--seed 1]';
const { values } = readCommandLine(usage, {
  options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1) {
  console.error(usage);
  process.exit(2);
}
if ((await readdir(values.out).catch(() => [])).length > 0) {
  console.error(`${values.out} is not empty; give an empty or new folder.`);
  process.exit(1);
}
const files = generateArchive(count, Number(values.seed), loadProjectRegistry(registryFile));
for (const file of files) {
  await mkdir(path.dirname(path.join(values.out, file.path)), { recursive: true });
  await writeFile(path.join(values.out, file.path), file.content);
}
console.log(`Wrote ${files.length} files (${count} issues, ${files.length - count} translations) to ${values.out}.`);
