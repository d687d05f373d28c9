import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { createIssueSchema } from './issue.ts';
import { TranslationSchema } from './translation.ts';
import { OutsideLinkPlanSchema } from './links.ts';

/**
 * What the collections hold: each file's front matter, validated by the pipeline with the issue
 * and translation schemas (errors name file, line, field and fix), and its body rendered once.
 * Pages, feeds and the search index all read these; nothing parses Markdown after the loader.
 */

/** A part of a text, rendered once. */
export const RenderedPartSchema = z.strictObject({
  /** Sanitized HTML; addresses to this site are site paths, the rest absolute. */
  html: z.string(),
  /** The words a reader sees, for the search index. */
  text: z.string(),
  /**
   * Offsets in `text` where the page shows words the text leaves out (the label beside an outside
   * link): a search result's text fragment takes no context across them.
   */
  breaks: z.array(z.number().int().nonnegative()).optional(),
});

/** A project's section of a text. */
export const RenderedSectionSchema = RenderedPartSchema.extend({
  /** Registry id of the project the section is about. */
  projectId: z.string(),
  /** Its heading as written. */
  heading: z.string(),
  /** Words of the heading beyond the project's name (`## Nova (热迁移专题)`): shown under the name, carried by feeds, searched. */
  subtitle: z.string().optional(),
});

/** A text's body: the introduction, if any, then its sections in order. */
export const RenderedBodySchema = z.strictObject({
  intro: RenderedPartSchema.optional(),
  sections: z.array(RenderedSectionSchema),
});

/** An issue as stored: its front matter and its rendered body and credit statement. */
export function createIssueEntrySchema(projectIds: readonly string[]) {
  return z.intersection(
    createIssueSchema(projectIds),
    z.strictObject({
      body: RenderedBodySchema,
      /** `attribution.notice` rendered. */
      noticeHtml: z.string().optional(),
      /** How the site links `attribution.source` (its archived copy, a move). */
      sourceLink: OutsideLinkPlanSchema,
    }),
  );
}

/** A translation as stored: its front matter, its locale, whether it is current, and its rendered body. */
export const TranslationEntrySchema = z.intersection(
  TranslationSchema,
  z.strictObject({
    locale: z.enum(localeCodes),
    /** `stale` when the Chinese text changed after the translation was made. */
    status: z.enum(['translated', 'stale']),
    body: RenderedBodySchema,
  }),
);

export type RenderedPart = z.infer<typeof RenderedPartSchema>;
export type RenderedSection = z.infer<typeof RenderedSectionSchema>;
export type RenderedBody = z.infer<typeof RenderedBodySchema>;
export type IssueEntryData = z.infer<ReturnType<typeof createIssueEntrySchema>>;
export type TranslationEntryData = z.infer<typeof TranslationEntrySchema>;
