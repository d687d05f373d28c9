/**
 * Addresses on this build's site: routes placed under a locale and under the base path the site
 * is published at (the path of `SITE_URL`, Astro's `base`). Pages, components and browser scripts
 * take every href from here, so a site published at `https://x.github.io/digest/` links within it.
 */
import { base, site } from 'astro:config/client';
import type { Locale } from '../i18n/locales.ts';
import { localizePath, withBase, withoutBase } from '../lib/routes.ts';

// From the configuration itself: Astro lets an environment variable of the same name override
// `import.meta.env.BASE_URL` and `import.meta.env.SITE` in server code (Vitest sets BASE_URL=/).

// Marked pure, so that a browser script importing this module without using it leaves it out.
/** The address the site is published at, its base path included. */
export const siteUrl = /* @__PURE__ */ new URL(site ?? 'http://localhost/');

/** The href of a locale-neutral route in a locale. @example localeHref('/issues/8/#nova', 'en') // '/digest/en/issues/8/#nova' (base /digest/) */
export function localeHref(path: string, locale: Locale): string {
  return withBase(localizePath(path, locale), base);
}

/** The href of a file the build writes at the site's root. @example fileHref('favicon.svg') // '/digest/favicon.svg' (base /digest/) */
export function fileHref(file: string): string {
  return withBase(`/${file}`, base);
}

/** A pathname of this site with the base path taken off (as it is when outside the base). @example sitePathOf('/digest/en/') // '/en/' (base /digest/) */
export function sitePathOf(pathname: string): string {
  return withoutBase(pathname, base) ?? pathname;
}
