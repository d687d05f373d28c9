/**
 * Where content lives and where the site is published. `DIGEST_CONTENT_DIR` points the site,
 * `npm run check` and the editor scripts at another issues folder (such as an imported legacy
 * archive); `SITE_URL` is the address the site is published at.
 */
import path from 'node:path';

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

/** The issues folder: `zh-CN/` holds the issues, `en/` their translations. */
export function getIssuesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['DIGEST_CONTENT_DIR'] || 'src/content/issues');
}

/** The address the site is published at, ending in `/`; `SITE_URL` overrides the default. */
export function getSiteUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return toSiteUrl(env['SITE_URL'] || 'https://openstack-digest.example.org/');
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
