import { defineCollection } from 'astro:content';
import { issuesLoader } from './loaders/issues-loader.ts';
import { getIssuesDir, registryFile } from './loaders/paths.ts';
import { loadProjectRegistry } from './loaders/registry.ts';
import { createIssueSchema } from './schemas/issue.ts';
import { ProjectSchema } from './schemas/project.ts';

const registry = loadProjectRegistry(registryFile);

export const collections = {
  /** The project registry: every section heading resolves to one of these. */
  projects: defineCollection({ loader: () => registry, schema: ProjectSchema }),
  /** Digest issues in Chinese, validated as a whole archive. */
  issues: defineCollection({
    loader: issuesLoader({ issuesDir: getIssuesDir(), registry }),
    schema: createIssueSchema(registry.map((project) => project.id)),
  }),
};
