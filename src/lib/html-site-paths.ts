/**
 * The site paths in rendered HTML, rewritten without parsing it again. The content pipeline writes
 * every address to this site as a site path (`/…`, base included) in the `href` of an `a` or the
 * `src` of an `img` (see `src/pipeline/render.ts`). Text never holds a raw `<`, and an attribute
 * value never a raw `"` (every value is double-quoted; a `>` may stand in one, `title="1>0"`), so
 * these attributes can be found by stepping over a tag's attributes. Pure.
 */
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { localizePath, readRoute, splitLocale, withBase, withoutBase } from './routes.ts';

const SITE_PATH_ATTRIBUTE = /(<(a|img)(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*?\s+(?:href|src)=")(\/(?![/\\])[^"]*)/g;

/**
 * Makes the site paths of rendered HTML absolute, as a feed needs them.
 * @example absolutizeSitePaths('<a href="/issues/7/">7</a>', new URL('https://d.example/')) // '<a href="https://d.example/issues/7/">7</a>'
 */
export function absolutizeSitePaths(html: string, site: URL): string {
  return html.replace(SITE_PATH_ATTRIBUTE, (_, start: string, _tag: string, path: string) => `${start}${site.origin}${path}`);
}

/**
 * Leads the links of a Chinese text to the pages of `locale`, for that text shown on them (an
 * untranslated issue's English page): `[本期](#nova)` stays on the English page instead of leaving
 * for the Chinese one, and a link to another issue or a project opens its English page. Files
 * (an image, a PDF in `public/`) and pages already of a locale keep their address.
 * @example localizeSiteLinks('<a href="/digest/issues/19/#nova">本期</a>', 'en', '/digest/') // '<a href="/digest/en/issues/19/#nova">本期</a>'
 */
export function localizeSiteLinks(html: string, locale: Locale, base: string): string {
  if (locale === defaultLocale) return html;
  return html.replace(SITE_PATH_ATTRIBUTE, (whole, start: string, tag: string, address: string) => {
    const end = address.search(/[?#]|$/);
    const sitePath = withoutBase(address.slice(0, end), base);
    if (tag !== 'a' || sitePath === undefined || !readRoute(sitePath) || splitLocale(sitePath).locale !== defaultLocale) return whole;
    return `${start}${withBase(localizePath(sitePath, locale), base)}${address.slice(end)}`;
  });
}
