/**
 * Resolves each page's locale and string function once, for every component to read from
 * `Astro.locals`; in a build, hands each rendered page to the steps that read it (compression,
 * the sitemap) as it is written.
 */
import { defineMiddleware } from 'astro:middleware';
import { contentVersion } from './pipeline/content-hub.ts';
import { getTranslator } from './i18n/t.ts';
import { splitLocale } from './lib/routes.ts';
import { sitePathOf } from './site/hrefs.ts';
import { shareRenderedPage } from './site/rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const sitePath = sitePathOf(context.url.pathname);
  const { locale } = splitLocale(sitePath);
  context.locals.locale = locale;
  context.locals.t = getTranslator(locale);
  // Taken before rendering: a page connecting to the dev server reloads when anything changed since.
  if (import.meta.env.DEV) context.locals.contentVersion = contentVersion();
  const response = await next();
  return context.isPrerendered ? shareRenderedPage(sitePath, response) : response;
});
