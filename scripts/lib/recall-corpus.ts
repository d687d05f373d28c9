/**
 * The texts recall is measured on, per issue: the parts as the search index holds them (read and
 * rendered by the content pipeline, as the build does) and the Markdown as the editor wrote it (for
 * ground truth, `relevance.ts`). From an issues folder, or from legacy posts (such as
 * ../shared/corpus) imported in memory, nothing written.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultLocale, type Locale } from '../../src/i18n/locales.ts';
import { createArchive, type Archive } from '../../src/lib/archive.ts';
import { createProjectResolver } from '../../src/lib/projects.ts';
import { readArchive } from '../../src/pipeline/content-files.ts';
import { toIssueEntry, validateIssueFile } from '../../src/pipeline/issue-validation.ts';
import { getSiteUrl, registryFile, releasesFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { AttributionSchema, createIssueSchema } from '../../src/schemas/issue.ts';
import { issueFileName } from './issue-writer.ts';
import { convertLegacyPost } from './legacy-post.ts';
import { readRegistryNames, type NameGroup } from './relevance.ts';
import type { IssueTexts } from './search-queries.ts';

/** The names the registries give releases and projects, read by the ground truth's own rule. */
export async function registryNames(): Promise<NameGroup[]> {
  return readRegistryNames(await readFile(registryFile, 'utf8'), await readFile(releasesFile, 'utf8'));
}

export interface RecallCorpus {
  archive: Archive;
  /** Each issue's texts in a locale's pages: the translation where there is one, else the original. */
  textsIn(locale: Locale): IssueTexts[];
}

/** An issues folder, read as the build reads it; the ground truth reads its files as written. */
export async function readIssuesCorpus(issuesDir: string): Promise<RecallCorpus> {
  const archive = await readArchive(issuesDir, { registry: loadProjectRegistry(registryFile), site: getSiteUrl() });
  const sources = new Map<string, string>();
  for (const issue of archive.issues) {
    for (const [locale, text] of Object.entries(issue.texts)) {
      const folder = text.lang === defaultLocale ? defaultLocale : locale;
      sources.set(`${locale}:${issue.number}`, await readFile(path.join(issuesDir, folder, issueFileName(issue.number)), 'utf8'));
    }
  }
  return corpusOf(archive, (number, locale) => sources.get(`${locale}:${number}`) ?? '');
}

/** Legacy posts imported in memory; the ground truth reads the posts as published. Throws when a post cannot be imported. */
export async function readLegacyCorpus(legacyDir: string): Promise<RecallCorpus> {
  const registry = loadProjectRegistry(registryFile);
  const resolver = createProjectResolver(registry);
  const attributionFile = path.join(import.meta.dirname, 'legacy-attribution.yaml');
  const attribution = AttributionSchema.parse(parseYaml(await readFile(attributionFile, 'utf8')));
  const schema = createIssueSchema(registry.map((project) => project.id));
  const site = getSiteUrl();
  const names = (await readdir(legacyDir)).filter((name) => /\.(md|markdown)$/.test(name)).sort();
  const entries = [];
  const posts = new Map<number, string>();
  for (const fileName of names) {
    const bytes = await readFile(path.join(legacyDir, fileName));
    const converted = convertLegacyPost({ fileName, bytes }, { resolver, attribution });
    if (!converted.ok) throw new Error(`${fileName}:${converted.line}: ${converted.reason}`);
    const { issue, problems } = validateIssueFile({ file: fileName, source: converted.issue.content }, { schema, resolver, site });
    if (!issue) throw new Error(`${fileName}: ${problems.map((problem) => problem.message).join('; ')}`);
    entries.push(toIssueEntry(issue));
    posts.set(issue.data.number, new TextDecoder().decode(bytes));
  }
  return corpusOf(createArchive(entries), (number) => posts.get(number) ?? '');
}

function corpusOf(archive: Archive, sourceOf: (number: number, locale: Locale) => string): RecallCorpus {
  return {
    archive,
    textsIn: (locale) =>
      archive.issues.map((issue) => {
        const text = issue.texts[locale];
        return {
          number: issue.number,
          parts: [text.intro?.text ?? '', ...text.sections.map((section) => section.text)],
          source: sourceOf(issue.number, locale),
        };
      }),
  };
}
