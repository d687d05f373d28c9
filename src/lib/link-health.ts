/**
 * What a link check means for readers: alive, moved (permanent redirects to a page that answers),
 * dead (gone, no longer reachable by anyone, or permanently sent to its site's home page) or
 * unknown (an answer that says nothing lasting: a server error, a refusal, a timeout). The renderer
 * and `npm run links` share this one reading. Pure.
 */
import type { LinkCheck } from '../schemas/links.ts';

export type LinkVerdict = 'alive' | 'moved' | 'dead' | 'unknown';

/** Every verdict, in the order reports list them. */
export const linkVerdicts: readonly LinkVerdict[] = ['alive', 'moved', 'dead', 'unknown'];

/** Statuses that say the page is gone for good. */
const GONE = new Set<LinkCheck['status']>([404, 410, 'no-host', 'loop', 'too-many-redirects']);

/** Redirects a browser and a search engine take as the page's new address. */
const PERMANENT = new Set([301, 308]);

/**
 * @example linkVerdict({ address: 'http://a.example/', checked: '2026-01-02', status: 200, redirects: [301], final: 'https://b.example/' }) // 'moved'
 * @example linkVerdict({ address: 'http://a.example/', checked: '2026-01-02', status: 410 }) // 'dead'
 */
export function linkVerdict(check: LinkCheck): LinkVerdict {
  if (GONE.has(check.status)) return 'dead';
  if (typeof check.status !== 'number' || check.status < 200 || check.status >= 300) return 'unknown';
  const redirects = check.redirects ?? [];
  if (redirects.length === 0 || !check.final || !redirects.every((status) => PERMANENT.has(status))) return 'alive';
  // Back where it started (a cookie check): the page answered at its own address.
  if (check.final.split('#')[0] === check.address.split('#')[0]) return 'alive';
  return sentHome(check.address, check.final) ? 'dead' : 'moved';
}

/**
 * Whether a page's permanent redirects end at a site's home page: the page is gone (its blog
 * closed, its company bought) and the site sends every old address home, which is no move.
 * @example sentHome('http://techs.enovance.com/6413/summit', 'https://www.redhat.com/') // true
 */
function sentHome(address: string, final: string): boolean {
  const isHome = (url: URL | null) => !!url && /^\/(?:index\.\w+)?$/.test(url.pathname) && !url.search;
  return isHome(URL.parse(final)) && !isHome(URL.parse(address));
}
