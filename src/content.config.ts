import { defineCollection } from 'astro:content';
import { issuesLoader, registryLoader, translationsLoader } from './pipeline/loaders.ts';
import { getIssuesDir } from './pipeline/paths.ts';
import { registrySource } from './pipeline/registry.ts';
import { createIssueEntrySchema, TranslationEntrySchema } from './schemas/entry.ts';
import { ProjectSchema } from './schemas/project.ts';
import { ReleaseEntrySchema } from './schemas/release.ts';

/**
 * Every collection loads through the pipeline's loaders, which hand their entries to the pages
 * through the content hub (`src/pipeline/content-hub.ts`) rather than Astro's store on disk. The
 * registries are read here once, and again by the loaders in dev when they change; what stops
 * their reading is reported with the content's problems.
 */
const registries = registrySource();
const folder = { issuesDir: getIssuesDir(), registries };

export const collections = {
  /** The project registry: every section heading resolves to one of these. */
  projects: defineCollection({ loader: registryLoader('digest-projects', registries, (read) => read.projects), schema: ProjectSchema }),
  /** The release registry: release names and days, for search and the charts. */
  releases: defineCollection({
    loader: registryLoader('digest-releases', registries, (read) => read.releases),
    schema: ReleaseEntrySchema,
  }),
  /** Digest issues in Chinese, validated as a whole archive and rendered once. */
  issues: defineCollection({
    loader: issuesLoader(folder),
    // Types only: the loaders check every issue's projects against the registry as it is now.
    schema: createIssueEntrySchema((registries.current()?.projects ?? []).map((project) => project.id)),
  }),
  /** Translations, each linked to its issue by number (`en/8`), rendered once. */
  translations: defineCollection({ loader: translationsLoader(folder), schema: TranslationEntrySchema }),
};
