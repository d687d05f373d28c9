/**
 * The archives the benchmark builds, written into a work folder in the issues layout
 * (`zh-CN/NNNN.md`, `en/NNNN.md`): the real one, imported from ../shared/corpus with the
 * project's committed translations of its issues, and synthetic ones of any size.
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { projectRoot, runScript, sharedDir } from '../../tests/helpers/commands.ts';
import { generateArchive } from '../../scripts/lib/synthetic-archive.ts';

export interface ArchiveFiles {
  issuesDir: string;
  /** Issue numbers, ascending. */
  numbers: number[];
  translations: number;
}

/** The issue numbers and translation count of an issues folder. */
export async function describeArchive(issuesDir: string): Promise<ArchiveFiles> {
  const numbersIn = async (folder: string) =>
    (await readdir(path.join(issuesDir, folder)).catch(() => []))
      .filter((name) => /^\d+\.md$/.test(name))
      .map((name) => Number.parseInt(name, 10));
  const numbers = (await numbersIn('zh-CN')).sort((a, b) => a - b);
  const known = new Set(numbers);
  return { issuesDir, numbers, translations: (await numbersIn('en')).filter((number) => known.has(number)).length };
}

/** Imports ../shared/corpus with `npm run import` and adds the committed English translations of its issues. */
export async function prepareCorpus(issuesDir: string): Promise<ArchiveFiles> {
  const imported = runScript('scripts/import.ts', [path.join(sharedDir, 'corpus'), '--out', issuesDir]);
  if (imported.status !== 0) throw new Error(`importing ../shared/corpus failed:\n${imported.output}`);
  const { numbers } = await describeArchive(issuesDir);
  const committed = path.join(projectRoot, 'src/content/issues/en');
  await mkdir(path.join(issuesDir, 'en'), { recursive: true });
  for (const name of await readdir(committed)) {
    if (numbers.includes(Number.parseInt(name, 10))) await cp(path.join(committed, name), path.join(issuesDir, 'en', name));
  }
  return describeArchive(issuesDir);
}

/** Writes the synthetic archive of `count` issues (seed 1). */
export async function prepareSynthetic(count: number, issuesDir: string): Promise<ArchiveFiles> {
  for (const file of generateArchive(count, 1, loadProjectRegistry(registryFile))) {
    await mkdir(path.dirname(path.join(issuesDir, file.path)), { recursive: true });
    await writeFile(path.join(issuesDir, file.path), file.content);
  }
  return describeArchive(issuesDir);
}
