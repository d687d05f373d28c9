/**
 * Where content lives and where the site is published. `DIGEST_CONTENT_DIR` points the site,
 * `npm run check` and the editor scripts at another issues folder (such as an imported legacy
 * archive); `SITE_URL` is the address the site is published at.
 */
import path from 'node:path';
import { decodePath } from '../lib/routes.ts';

/** The project registry, shared by the site, the checks and the importer. */
export const registryFile = path.resolve('src/content/projects.yaml');

/** The release registry: release names, shorthands, milestones and days. */
export const releasesFile = path.resolve('src/content/releases.yaml');

/** The last checks of an issues folder's outside links, written by `npm run links`, beside `zh-CN/`. */
export const linkHealthFileName = 'link-health.yaml';

/** The known moves of outside addresses, shared by every issues folder. */
export const linkMovesFile = path.resolve('src/content/link-moves.yaml');

/** Files served as they are, at the site's root (`public/favicon.svg` is `/favicon.svg`). */
export const publicDir = path.resolve('public');

/**
 * Whether `target` (a real path, links resolved) lies inside the folder `root`, or is it.
 * @example isWithin('/site/public', '/site/public/..logo.png') // true
 * @example isWithin('/site/public', '/home/me/.ssh/id_rsa') // false
 */
export function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The issues folder: `zh-CN/` holds the issues, `en/` their translations. */
export function getIssuesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['DIGEST_CONTENT_DIR'] || 'src/content/issues');
}

/**
 * The address the site is published at, ending in `/`; `SITE_URL` overrides the default. One that
 * is no http(s) address, or whose path holds characters other than letters, digits and `-._~/`
 * (Astro builds no page with a parameter under such a base, and a web server's configuration
 * reads some as its own syntax), or an empty segment, or that gives a user, a query or a fragment,
 * or a host name with characters DNS names do not have, or that ends in a page (`/index.html`), is
 * refused with the fix.
 */
export function getSiteUrl(env: NodeJS.ProcessEnv = process.env): URL {
  const written = env['SITE_URL'] || 'https://openstack-digest.example.org/';
  const refuse = (why: string, fix: string) => new Error(`SITE_URL "${written}" ${why}. Fix: ${fix}.`);
  let site: URL;
  try {
    site = toSiteUrl(written);
  } catch {
    throw refuse('is no web address', 'set it to the address the site is published at, such as https://example.org/digest/');
  }
  if (site.protocol !== 'https:' && site.protocol !== 'http:') throw refuse('is no http or https address', 'start it with https://');
  // The URL parser keeps `;`, quotes, braces and `$` in a host name, which no DNS name holds and an
  // nginx server block (server_name) would read as its own syntax.
  const oddInHost = /^\[[\da-f:.]+\]$/i.test(site.hostname) ? undefined : /[^a-z0-9\-._]/i.exec(site.hostname);
  if (oddInHost)
    throw refuse(
      `has "${oddInHost[0]}" in its host name`,
      'write the host as DNS names it (letters, digits and - . _ only), such as example.org',
    );
  // Every page would carry them: in its canonical link, the feeds, the sitemap.
  if (site.username || site.password)
    throw refuse('gives a user name or password before its host', `write it without them: ${site.protocol}//${site.host}${site.pathname}`);
  // `…/digest/index.html` is the home page's address, not the folder the site lives in: its pages
  // would lie under `/digest/index.html/`.
  const page = /[^/]+\.html?$/i.exec(new URL(written).pathname);
  if (page)
    throw refuse(
      `ends in a page ("${page[0]}"), not the folder the site is published at`,
      `leave the page out: ${site.origin}${site.pathname.slice(0, -page[0].length - 1)}`,
    );
  if (site.search || site.hash || /[?#]/.test(written))
    throw refuse('has a query or fragment', `write only the address the site is published at: ${site.origin}${site.pathname}`);
  // `//digest/` in a link is the host `digest`, not a path of this site.
  if (site.pathname.includes('//'))
    throw refuse(
      'has an empty segment ("//") in its path',
      `write its path with single slashes: ${site.origin}${site.pathname.replace(/\/{2,}/g, '/')}`,
    );
  // Named as the reader would write it: `文`, not `%E6`.
  const odd = /[^A-Za-z0-9\-._~/]/u.exec(decodePath(site.pathname));
  if (odd)
    throw refuse(`has "${odd[0]}" in its path`, 'publish the site under a path of letters, digits and - . _ ~ only, such as /digest/');
  return site;
}

/** A site address with its path ending in `/`, so that addresses resolve inside it. @example toSiteUrl('https://x.io/digest').href // 'https://x.io/digest/' */
export function toSiteUrl(address: string): URL {
  const url = new URL(address);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** A path as messages show it: relative to the project when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
