/**
 * The archive as the search sees it, read outside Astro: issues from an issues folder or from
 * legacy posts (imported in memory, nothing written), and the plain text of every part, made
 * the way the build makes it (rendered Markdown, sanitized, as text).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createArchive, type Archive, type IssueText, type TranslationEntry } from '../../src/lib/archive.ts';
import { validateIssueFile } from '../../src/lib/issue-validation.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { createProjectResolver, type ProjectResolver } from '../../src/lib/projects.ts';
import { htmlToText } from '../../src/lib/search-text.ts';
import { loadContentFiles } from '../../src/loaders/content-files.ts';
import { registryFile } from '../../src/loaders/paths.ts';
import { loadProjectRegistry } from '../../src/loaders/registry.ts';
import { AttributionSchema, createIssueSchema, type IssueData } from '../../src/schemas/issue.ts';
import { convertLegacyPost } from './legacy-post.ts';

export interface SearchCorpus {
  archive: Archive;
  resolver: ProjectResolver;
  /** The plain text of a part of a text (introduction, or the section of `projectId`), as indexed. */
  textOf(text: IssueText, projectId?: string): string;
}

const site = new URL('https://openstack-digest.example.org');

/** Reads an issues folder (`<dir>/zh-CN/NNNN.md` and its translations), as the build does; throws on invalid content. */
export async function readIssuesCorpus(issuesDir: string): Promise<SearchCorpus> {
  const registry = loadProjectRegistry(registryFile);
  const { issues, translations, problems } = await loadContentFiles(issuesDir, registry);
  if (problems.length) throw new Error(`${issuesDir}: ${problems.map((problem) => `${problem.file}: ${problem.message}`).join('; ')}`);
  return corpusOf(issues, createProjectResolver(registry), translations);
}

/** Imports a folder of legacy posts (such as ../shared/corpus) in memory; throws when a post cannot be imported. */
export async function readLegacyCorpus(legacyDir: string): Promise<SearchCorpus> {
  const registry = loadProjectRegistry(registryFile);
  const resolver = createProjectResolver(registry);
  const attributionFile = path.join(import.meta.dirname, 'legacy-attribution.yaml');
  const attribution = AttributionSchema.parse(parseYaml(await readFile(attributionFile, 'utf8')));
  const schema = createIssueSchema(registry.map((project) => project.id));
  const names = (await readdir(legacyDir)).filter((name) => /\.(md|markdown)$/.test(name)).sort();
  const issues = [];
  for (const fileName of names) {
    const converted = convertLegacyPost({ fileName, bytes: await readFile(path.join(legacyDir, fileName)) }, { resolver, attribution });
    if (!converted.ok) throw new Error(`${fileName}:${converted.line}: ${converted.reason}`);
    const { issue, problems } = validateIssueFile({ file: fileName, source: converted.issue.content }, { schema, resolver });
    if (!issue) throw new Error(`${fileName}: ${problems.map((problem) => problem.message).join('; ')}`);
    issues.push(issue);
  }
  return corpusOf(issues, resolver);
}

function corpusOf(issues: readonly { data: IssueData; body: string }[], resolver: ProjectResolver, translations: readonly TranslationEntry[] = []): SearchCorpus {
  const archive = createArchive(issues.map(({ data, body }) => ({ data, body })), resolver, translations.map(({ locale, data, body }) => ({ locale, data, body })));
  const cache = new Map<string, string>();
  return {
    archive,
    resolver,
    textOf(text, projectId) {
      const markdown = projectId === undefined ? text.intro : text.sections.find((section) => section.projectId === projectId)?.markdown ?? '';
      const key = `${markdown}\u0000${text.definitions}`;
      let plain = cache.get(key);
      if (plain === undefined) {
        plain = markdown ? htmlToText(renderMarkdown(`${markdown}\n\n${text.definitions}`, { site })) : '';
        cache.set(key, plain);
      }
      return plain;
    },
  };
}
