import { defineCollection } from 'astro:content';
import { searchConcepts } from './lib/search/names.ts';
import { issuesLoader, registryLoader, translationsLoader } from './pipeline/loaders.ts';
import { getIssuesDir, registryFile, releasesFile } from './pipeline/paths.ts';
import { loadProjectRegistry, loadReleaseRegistry } from './pipeline/registry.ts';
import { createIssueEntrySchema, TranslationEntrySchema } from './schemas/entry.ts';
import { ProjectSchema } from './schemas/project.ts';
import { ReleaseEntrySchema } from './schemas/release.ts';

/**
 * Every collection loads through the pipeline's loaders, which hand their entries to the pages
 * through the content hub (`src/pipeline/content-hub.ts`) rather than Astro's store on disk.
 */
const registry = loadProjectRegistry(registryFile);
const releases = loadReleaseRegistry(releasesFile);
// Read here so a name two registries claim fails every build and check at once, saying which.
const folder = { issuesDir: getIssuesDir(), registry, concepts: searchConcepts(registry, releases) };

export const collections = {
  /** The project registry: every section heading resolves to one of these. */
  projects: defineCollection({ loader: registryLoader('digest-projects', registry), schema: ProjectSchema }),
  /** The release registry: release names and days, for search and the charts. */
  releases: defineCollection({ loader: registryLoader('digest-releases', releases), schema: ReleaseEntrySchema }),
  /** Digest issues in Chinese, validated as a whole archive and rendered once. */
  issues: defineCollection({ loader: issuesLoader(folder), schema: createIssueEntrySchema(registry.map((project) => project.id)) }),
  /** Translations, each linked to its issue by number (`en/8`), rendered once. */
  translations: defineCollection({ loader: translationsLoader(folder), schema: TranslationEntrySchema }),
};
