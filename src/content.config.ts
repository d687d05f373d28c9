import { defineCollection } from 'astro:content';
import { issuesLoader, registryLoader, translationsLoader } from './pipeline/loaders.ts';
import { getIssuesDir, registryFile } from './pipeline/paths.ts';
import { loadProjectRegistry } from './pipeline/registry.ts';
import { createIssueEntrySchema, TranslationEntrySchema } from './schemas/entry.ts';
import { ProjectSchema } from './schemas/project.ts';

/**
 * Every collection loads through the pipeline's loaders, which hand their entries to the pages
 * through the content hub (`src/pipeline/content-hub.ts`) rather than Astro's store on disk.
 */
const registry = loadProjectRegistry(registryFile);
const folder = { issuesDir: getIssuesDir(), registry };

export const collections = {
  /** The project registry: every section heading resolves to one of these. */
  projects: defineCollection({ loader: registryLoader(registry), schema: ProjectSchema }),
  /** Digest issues in Chinese, validated as a whole archive and rendered once. */
  issues: defineCollection({ loader: issuesLoader(folder), schema: createIssueEntrySchema(registry.map((project) => project.id)) }),
  /** Translations, each linked to its issue by number (`en/8`), rendered once. */
  translations: defineCollection({ loader: translationsLoader(folder), schema: TranslationEntrySchema }),
};
