import { z } from 'astro/zod';
import { parseIsoDay } from '../lib/dates.ts';

/**
 * The two data files about links to other sites that builds read offline: known moves of
 * addresses (`src/content/link-moves.yaml`, written by maintainers) and the last check of every
 * outside address (`link-health.yaml` in the issues folder, written by `npm run links`).
 */

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `expected ${what} as an http(s) address` });

/** A move of addresses to another host or path, as a source documents it. */
export const LinkMoveSchema = z.strictObject({
  /**
   * The old addresses: host and path, without the scheme (http and https both match). `{name}`
   * stands for one path segment, a final `{name*}` for the rest of the address (query and
   * fragment included); without one, the address must end there (a trailing `/` allowed, and a
   * fragment, which the new address keeps).
   */
  from: z
    .string({ error: 'expected the old address pattern, e.g. review.openstack.org/{rest*}' })
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:\/\S*)?$/, 'expected a host and path without scheme, e.g. review.openstack.org/{rest*}'),
  /** The new address, `https://…`, using the placeholders of `from`. */
  to: z.string({ error: 'expected the new address pattern, e.g. https://review.opendev.org/{rest*}' }).regex(/^https?:\/\/\S+$/, {
    error: 'expected an http(s) address pattern, e.g. https://review.opendev.org/{rest*}',
  }),
  /** When the addresses moved, as precisely as the source says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  moved: z.coerce
    .string({ error: 'expected when it moved, e.g. 2019-04-19' })
    .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-04-19)'),
  /** Where the move is announced or documented. */
  source: httpUrl('the address where the move is documented'),
});

/** What went wrong when an address gave no HTTP answer to judge. */
export const LinkFailureSchema = z.enum([
  /** No answer within the time allowed. */
  'timeout',
  /** The connection was closed or reset before an answer. */
  'reset',
  /** The host name does not resolve. */
  'no-host',
  /** The host refused the connection. */
  'refused',
  /** Redirects lead back to an address already visited. */
  'loop',
  /** More redirects than the checker follows. */
  'too-many-redirects',
  /** Anything else (TLS, a malformed answer). */
  'error',
]);

/** The last check of one outside address. */
export const LinkCheckSchema = z.strictObject({
  /** The address checked: the one the site links, after known moves (its fragment kept). */
  address: httpUrl('the address checked'),
  /** The day of the check, `YYYY-MM-DD`. */
  checked: z.string().refine((text) => parseIsoDay(text) !== undefined, 'expected the day of the check, YYYY-MM-DD'),
  /** The HTTP status of the last answer (after redirects), or what went wrong instead. */
  status: z.union([z.number().int().min(100).max(599), LinkFailureSchema], {
    error: 'expected an HTTP status (e.g. 404) or one of timeout, reset, no-host, refused, loop, too-many-redirects, error',
  }),
  /** The statuses of the redirects followed, in order (e.g. [301, 302]). */
  redirects: z.array(z.number().int().min(300).max(399)).optional(),
  /** Where the redirects ended. */
  final: httpUrl('the address the redirects ended at').optional(),
});

/** How the site links one outside address (made by `planOutsideLink` in `src/lib/outside-links.ts`). */
export const OutsideLinkPlanSchema = z.strictObject({
  /** The address as the text links it. */
  original: z.string(),
  /** The address `npm run links` checks: the original, or where a known move sends it. */
  checked: z.string(),
  /** Where the link takes the reader. */
  href: z.string(),
  /** `moved`: to a new address (a known move, or permanent redirects); `dead`: to the archived copy. */
  state: z.enum(['linked', 'moved', 'dead']),
  /** The Internet Archive's snapshot of the original nearest `day`. */
  archived: z.string(),
  /** The publication day, `YYYY-MM-DD`. */
  day: z.string(),
});

export type OutsideLinkPlan = z.infer<typeof OutsideLinkPlanSchema>;
export type LinkMove = z.infer<typeof LinkMoveSchema>;
export type LinkFailure = z.infer<typeof LinkFailureSchema>;
export type LinkCheck = z.infer<typeof LinkCheckSchema>;
