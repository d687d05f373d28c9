import { z } from 'astro/zod';
import { IsoDaySchema, LabelSchema } from './common.ts';

/** One entry of the release registry (`src/content/releases.yaml`). */
export const ReleaseSchema = z.strictObject({
  /** Canonical id: the release's name in lower case (`icehouse`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
  /** The release's name as written (`Icehouse`); the same in every language. */
  name: LabelSchema,
  /** The digest's letter shorthand (`I版`), for the releases of the first alphabet only. */
  shorthand: z
    .string()
    .trim()
    .regex(/^[A-Z]版$/, 'a shorthand is one capital letter and 版, e.g. I版')
    .optional(),
  /** The day the release came out, `YYYY-MM-DD`. */
  released: IsoDaySchema,
  /** Its development milestones as the community wrote them (`icehouse-3`). */
  milestones: z.array(LabelSchema).default([]),
  /** Other ways the release is written (`Icehouse版`, `2023.1`); search treats each as the release. */
  aliases: z.array(LabelSchema).default([]),
});

export type Release = z.infer<typeof ReleaseSchema>;

/** A release as the collection stores it: the registry's entry, already read (its day a `Date`). */
export const ReleaseEntrySchema = ReleaseSchema.extend({ released: z.date() });
