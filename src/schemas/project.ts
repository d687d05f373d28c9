import { z } from 'astro/zod';
import { LabelSchema, LocalizedTextSchema } from './common.ts';

/**
 * Ids the pages give elements of their own: an issue page's section is `#<id>` under a heading
 * `#<id>-title`, the feeds page's entry `#feed-<id>`, so a project named like one (`main`, `toc`)
 * would send the skip link or a section's link to the wrong element.
 */
export const OWN_PAGE_IDS: ReadonlySet<string> = new Set([
  // Every page's, and an issue page's.
  'main', 'site-search', 'site-search-panel', 'toc-title', 'attribution-title',
  // The feeds page's.
  'feed-digest', 'subscribe-digest', 'subscribe-projects', 'subscribe-languages',
]); // prettier-ignore

/** The page id a project's id would clash with, if any. @example pageIdClash('toc') // 'toc-title' */
export function pageIdClash(id: string): string | undefined {
  // `<a>-title` would also clash with the heading of a project `<a>`.
  if (id.endsWith('-title')) return id;
  return [id, `${id}-title`, `feed-${id}`].find((taken) => OWN_PAGE_IDS.has(taken) || taken.startsWith('feed-digest-'));
}

/** Kinds of digest section, in the order an issue presents them. */
export const projectKinds = ['news', 'cross-project', 'project', 'program'] as const;

/** One entry of the project registry (`src/content/projects.yaml`). */
export const ProjectSchema = z.strictObject({
  /** Canonical id: lower-case, used as section anchor and URL segment (`nova`). */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')
    .refine((id) => pageIdClash(id) === undefined, {
      error: (issue) => `"${String(issue.input)}" would give a page two elements with the id "${pageIdClash(String(issue.input))}"`,
    }),
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
  /**
   * Service words too general to look for as the project (Compute, Networking): a query for one
   * also finds the project and headings may use them, but a query for the project does not look
   * for them alone (Google Compute Engine is no Nova).
   */
  queryAliases: z.array(LabelSchema).default([]),
  /** Words a heading may use for the project that are too general for search to read as its name (计算, DNS). */
  headingAliases: z.array(LabelSchema).default([]),
});

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectKind = Project['kind'];
