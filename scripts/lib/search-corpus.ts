/**
 * The search corpus of legacy posts, imported in memory (nothing written), for measuring recall
 * on ../shared/corpus without building it; issues folders are read by `src/loaders/search-corpus.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateIssueFile } from '../../src/pipeline/issue-validation.ts';
import { createProjectResolver } from '../../src/lib/projects.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { createSearchCorpus, readSearchCorpus, type SearchCorpus } from '../../src/pipeline/search-corpus.ts';
import { AttributionSchema, createIssueSchema } from '../../src/schemas/issue.ts';
import { convertLegacyPost } from './legacy-post.ts';

/** Site address the texts are rendered against, as in the default build. */
const site = new URL('https://openstack-digest.example.org');

export type { SearchCorpus };

/** Reads an issues folder (issues and translations) as the build does. */
export function readIssuesCorpus(issuesDir: string): Promise<SearchCorpus> {
  return readSearchCorpus(issuesDir, loadProjectRegistry(registryFile), site);
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
  return createSearchCorpus(issues, resolver, site);
}
