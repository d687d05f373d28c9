import { defineCollection } from 'astro:content';
import { issuesLoader, translationsLoader } from './pipeline/loaders.ts';
import { getIssuesDir, registryFile } from './pipeline/paths.ts';
import { loadProjectRegistry } from './pipeline/registry.ts';
import { createIssueSchema } from './schemas/issue.ts';
import { ProjectSchema } from './schemas/project.ts';
import { TranslationSchema } from './schemas/translation.ts';

const registry = loadProjectRegistry(registryFile);
const folder = { issuesDir: getIssuesDir(), registry };

export const collections = {
  /** The project registry: every section heading resolves to one of these. */
  projects: defineCollection({ loader: () => registry, schema: ProjectSchema }),
  /** Digest issues in Chinese, validated as a whole archive. */
  issues: defineCollection({ loader: issuesLoader(folder), schema: createIssueSchema(registry.map((project) => project.id)) }),
  /** Translations, each linked to its issue by number (`en/8`). */
  translations: defineCollection({ loader: translationsLoader(folder), schema: TranslationSchema }),
};
