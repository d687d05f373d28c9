import { z } from 'astro/zod';
import { LabelSchema, LocalizedTextSchema } from './common.ts';

/** Kinds of digest section, in the order an issue presents them. */
export const projectKinds = ['news', 'cross-project', 'project', 'program'] as const;

/** One entry of the project registry (`src/content/projects.yaml`). */
export const ProjectSchema = z.strictObject({
  /** Canonical id: lower-case, used as section anchor and URL segment (`nova`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
  /** `news` (业界动态), `cross-project` (Common), an OpenStack `project`, or a `program`. */
  kind: z.enum(projectKinds),
  /** Display name per locale. */
  name: LocalizedTextSchema,
  /** One line per locale for the project page. */
  description: LocalizedTextSchema,
  /**
   * Other names of the project, which headings may use and search treats as the project: former
   * names (Quantum), service names (OpenStack Compute). Matching ignores case, spaces and punctuation.
   */
  aliases: z.array(LabelSchema).default([]),
  /** Words a heading may use for the project that are too general for search to read as its name (计算, DNS). */
  headingAliases: z.array(LabelSchema).default([]),
});

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectKind = Project['kind'];
