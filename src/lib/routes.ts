/**
 * Site routes: the one place that knows URL shapes. Builders return locale-neutral paths
 * (`/issues/8/`); `localizePath` places them under a locale, and `splitLocale` reverses it;
 * `withBase` places a path under the base path the site is published at (`/digest/` for
 * `https://x.github.io/digest/`), and `withoutBase` reverses it.
 */
import { defaultLocale, getLocaleInfo, localeCodes, type Locale } from '../i18n/locales.ts';
import { feedFileName } from './hosting/policy.ts';
import { parseMonthKey } from './months.ts';

/** The folder of the issue pages: a page of its own sends readers to the archive. */
export const issuesPath = '/issues/';

/** @example issuePath(8, 'nova') // '/issues/8/#nova' */
export function issuePath(number: number, section?: string): string {
  return `${issuesPath}${number}/${section ? `#${section}` : ''}`;
}

/** @example projectPath('nova') // '/projects/nova/' */
export function projectPath(id: string): string {
  return `/projects/${id}/`;
}

export const homePath = '/';
export const projectsPath = '/projects/';
export const archivePath = '/archive/';
export const searchPath = '/search/';
export const subscribePath = '/subscribe/';
export const translationsPath = '/translations/';
export const aboutPath = '/about/';
/** The sitemap the build writes when it is done (integrations/sitemap.ts), named by robots.txt. */
export const sitemapPath = '/sitemap.xml';
export const notFoundPath = '/404/';

/**
 * The page a host serves for a missing path in a locale (`/en/…` gets the English one).
 * @example notFoundFile('en') // '/en/404.html'
 * @example notFoundFile('zh-CN') // '/404.html'
 */
export function notFoundFile(locale: Locale): string {
  return localizePath('/404.html', locale);
}

/** The whole digest's feed. */
export const feedPath = `/${feedFileName}`;

/** @example projectFeedPath('nova') // '/projects/nova/rss.xml' */
export function projectFeedPath(id: string): string {
  return `/projects/${id}/${feedFileName}`;
}

/**
 * Places a locale-neutral path under a locale.
 * @example localizePath('/issues/8/#nova', 'en') // '/en/issues/8/#nova'
 * @example localizePath('/issues/8/', 'zh-CN') // '/issues/8/'
 */
export function localizePath(path: string, locale: Locale): string {
  const { prefix } = getLocaleInfo(locale);
  return prefix ? `/${prefix}${path}` : path;
}

/**
 * Splits a site path into its locale and the locale-neutral rest.
 * @example splitLocale('/en/issues/8/') // { locale: 'en', path: '/issues/8/' }
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  for (const locale of localeCodes) {
    const { prefix } = getLocaleInfo(locale);
    if (prefix && (pathname === `/${prefix}` || pathname.startsWith(`/${prefix}/`))) {
      return { locale, path: pathname.slice(prefix.length + 1) || '/' };
    }
  }
  return { locale: defaultLocale, path: pathname };
}

/**
 * Places a site path under the base path the site is published at (its address's path).
 * @example withBase('/en/issues/8/#nova', '/digest/') // '/digest/en/issues/8/#nova'
 * @example withBase('/issues/8/', '/') // '/issues/8/'
 */
export function withBase(path: string, base: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * A pathname with the base path taken off; undefined when it lies outside the base.
 * @example withoutBase('/digest/en/issues/8/', '/digest/') // '/en/issues/8/'
 * @example withoutBase('/digest', '/digest/') // '/'
 */
export function withoutBase(pathname: string, base: string): string | undefined {
  const prefix = base.replace(/\/+$/, '');
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

/**
 * A path (or fragment) as a reader writes it, percent-encoding undone; as it is when malformed.
 * @example decodePath('/%E6%96%87%E6%91%98/') // '/文摘/'
 */
export function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The absolute URL of a site path on the site published at `site` (whose path is the base).
 * @example absoluteUrl('/en/rss.xml', new URL('https://x.github.io/digest/')) // 'https://x.github.io/digest/en/rss.xml'
 */
export function absoluteUrl(path: string, site: URL): string {
  return new URL(withBase(path, site.pathname), site).href;
}

/** The `[...locale]` route parameter of a locale: undefined for the unprefixed default. */
export function localeParam(locale: Locale): string | undefined {
  return getLocaleInfo(locale).prefix || undefined;
}

/** Static paths for a page that exists once per locale. */
export function localeStaticPaths<Props extends object>(props: (locale: Locale) => Props) {
  return localeCodes.map((locale) => ({ params: { locale: localeParam(locale) }, props: { locale, ...props(locale) } }));
}

/**
 * A page of a project's timeline; page 1 is the project page itself.
 * @example projectPagePath('nova', 2) // '/projects/nova/page/2/'
 */
export function projectPagePath(id: string, page: number): string {
  return page <= 1 ? projectPath(id) : `${projectPath(id)}page/${page}/`;
}

/**
 * The `[...page]` route parameter of a timeline page: none for page 1 (the project page itself).
 * @example timelinePageParam(2) // 'page/2'
 */
export function timelinePageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/**
 * The archive's page of one year (the archive lists issues one year per page, so no page grows
 * with the archive). @example archiveYearPath(2014) // '/archive/2014/'
 */
export function archiveYearPath(year: number): string {
  return `${archivePath}${year}/`;
}

/**
 * Anchor id of a month (`YYYY-MM`): its section on the year's page, and its entry in the
 * archive's index (which keeps the anchors of the time the archive was one page).
 * @example archiveMonthId('2014-02') // 'm2014-02'
 */
export function archiveMonthId(month: string): string {
  return `m${month}`;
}

/** Anchor id of a year's entry in the archive's index. @example archiveYearId(2014) // 'y2014' */
export function archiveYearId(year: number): string {
  return `y${year}`;
}

/** A month on its year's page. @example archiveMonthPath('2014-02') // '/archive/2014/#m2014-02' */
export function archiveMonthPath(month: string): string {
  return `${archiveYearPath(parseMonthKey(month).year)}#${archiveMonthId(month)}`;
}

/** A page of the site, as a locale-neutral path names it (`readRoute`). */
export type SiteRoute =
  /** A page every build has: home, the archive's index, the search page, a feed… */
  | { kind: 'page' }
  | { kind: 'issue'; number: number }
  /** A project's timeline (page 1: the project page itself) or its feed. */
  | { kind: 'project'; id: string; page: number }
  | { kind: 'project-feed'; id: string }
  | { kind: 'archive-year'; year: number };

/** The pages every build has, whatever the archive holds. */
const fixedPages = new Set([
  homePath,
  issuesPath,
  projectsPath,
  archivePath,
  searchPath,
  subscribePath,
  translationsPath,
  aboutPath,
  feedPath,
]);

/**
 * The page a locale-neutral path names by its shape, the reverse of the builders above; undefined
 * for a path no page of the site has. Whether the archive holds that issue, project or year is the
 * caller's to check. A path without its final slash names the page too (hosts redirect it).
 * @example readRoute('/issues/8/') // { kind: 'issue', number: 8 }
 * @example readRoute('/projects/nova/page/2/') // { kind: 'project', id: 'nova', page: 2 }
 * @example readRoute('/isues/8/') // undefined
 */
export function readRoute(path: string): SiteRoute | undefined {
  const page = path.endsWith('/') || path.endsWith('.xml') ? path : `${path}/`;
  if (fixedPages.has(page)) return { kind: 'page' };
  const issue = /^\/issues\/([1-9]\d*)\/$/.exec(page);
  if (issue) return { kind: 'issue', number: Number(issue[1]) };
  const project = /^\/projects\/([a-z0-9-]+)\/(?:page\/([2-9]|[1-9]\d+)\/)?$/.exec(page);
  if (project) return { kind: 'project', id: project[1] ?? '', page: Number(project[2] ?? 1) };
  const feed = /^\/projects\/([a-z0-9-]+)\/rss\.xml$/.exec(page);
  if (feed) return { kind: 'project-feed', id: feed[1] ?? '' };
  const year = /^\/archive\/(\d{4})\/$/.exec(page);
  if (year) return { kind: 'archive-year', year: Number(year[1]) };
  return undefined;
}
