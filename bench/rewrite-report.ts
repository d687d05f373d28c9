/**
 * node bench/rewrite-report.ts [bench/results.json]
 * Writes REPORT.md again beside a results.json, from its figures alone (after a change to the
 * report's wording, or to check that the committed report matches its figures).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReport } from './lib/report.ts';
import type { BenchResults } from './lib/results.ts';

const file = path.resolve(process.argv[2] ?? 'bench/results.json');
const results = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
await writeFile(path.join(path.dirname(file), 'REPORT.md'), formatReport(results));
console.log(`wrote ${path.join(path.dirname(file), 'REPORT.md')}`);
