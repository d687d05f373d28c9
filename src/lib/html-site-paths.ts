/**
 * The site paths in rendered HTML, rewritten without parsing it again. The content pipeline writes
 * every address to this site as a site path (`/…`, base included) in the `href` of an `a` or the
 * `src` of an `img` (see `src/pipeline/render.ts`). Its serializer writes text with every `<`
 * escaped and every attribute value in double quotes with every `"` escaped, though a value may
 * hold a raw `<` and text a raw `"`: read from the start, tag by tag, the HTML never puts a tag's
 * start inside a value (`title="<a href=…"`) or a value inside the text. Pure.
 */
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { localizePath, readRoute, splitLocale, withBase, withoutBase } from './routes.ts';

/** A tag, its attributes' values in double quotes, or a run of text (which holds no `<`). */
const TAG_OR_TEXT = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>|<[^<]*|[^<]+/g;
/** The attribute of an `a` or `img` that holds its address, when that is a site path. */
const SITE_PATH_VALUE = /(\s(?:href|src)=")(\/(?![/\\])[^"]*)"/;

/** The HTML with each site path in an `a`'s `href` or an `img`'s `src` replaced by `rewrite`'s answer. */
function rewriteSitePaths(html: string, rewrite: (path: string, tag: 'a' | 'img') => string): string {
  if (!html.includes('="/')) return html;
  return html.replace(TAG_OR_TEXT, (token, name: string | undefined, attributes: string | undefined) => {
    const tag = name?.toLowerCase();
    if ((tag !== 'a' && tag !== 'img') || !attributes) return token;
    const found = SITE_PATH_VALUE.exec(attributes);
    if (!found) return token;
    const [whole, before = '', path = ''] = found;
    const at = token.indexOf(attributes) + found.index;
    return `${token.slice(0, at)}${before}${rewrite(path, tag)}"${token.slice(at + whole.length)}`;
  });
}

/**
 * Makes the site paths of rendered HTML absolute, as a feed needs them.
 * @example absolutizeSitePaths('<a href="/issues/7/">7</a>', new URL('https://d.example/')) // '<a href="https://d.example/issues/7/">7</a>'
 */
export function absolutizeSitePaths(html: string, site: URL): string {
  return rewriteSitePaths(html, (path) => `${site.origin}${path}`);
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
  return rewriteSitePaths(html, (address, tag) => {
    const end = address.search(/[?#]|$/);
    const sitePath = withoutBase(address.slice(0, end), base);
    if (tag !== 'a' || sitePath === undefined || !readRoute(sitePath) || splitLocale(sitePath).locale !== defaultLocale) return address;
    return `${withBase(localizePath(sitePath, locale), base)}${address.slice(end)}`;
  });
}
