/**
 * How many Markdown parses a build makes: one build of the site with satteri's entry points
 * counted (`parse-counter.ts`, preloaded), set against the texts the archive holds, so the report
 * shows whether every text is parsed once. Untimed: the counting is not part of a measured build.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../../src/lib/archive.ts';
import { cleanBuild, type BuildSpec } from './clean-build.ts';
import type { ParseCount } from './results.ts';

const counter = path.join(import.meta.dirname, 'parse-counter.ts');

/** The texts of an archive the pipeline renders (bodies and credit statements) and the parts they hold. */
export function textsOfArchive(archive: Archive): Pick<ParseCount, 'texts' | 'parts'> {
  let texts = 0;
  let parts = 0;
  for (const issue of archive.issues) {
    const own = [issue.original, ...Object.values(issue.texts).filter((text) => text.status === 'translated' || text.status === 'stale')];
    texts += own.length + (issue.noticeHtml === undefined ? 0 : 1);
    parts += own.reduce((sum, text) => sum + (text.intro ? 1 : 0) + text.sections.length, 0);
  }
  return { texts, parts };
}

/** Builds the site once with the parses counted; returns the calls of each of satteri's entry points. */
export async function countParses(spec: BuildSpec, work: string): Promise<Record<string, number>> {
  const file = path.join(work, 'parse-counts.json');
  await rm(file, { force: true });
  await cleanBuild({ ...spec, env: { ...spec.env, NODE_OPTIONS: `--import=${counter}`, DIGEST_PARSE_COUNTS: file } });
  return sumCounts(await readFile(file, 'utf8'));
}

/** The calls counted by every thread, one line of JSON each, added up by entry point. */
export function sumCounts(lines: string): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const line of lines.split('\n').filter(Boolean)) {
    for (const [name, calls] of Object.entries(JSON.parse(line) as Record<string, number>)) sum[name] = (sum[name] ?? 0) + calls;
  }
  return sum;
}
