/** Resolves each page's locale and string function once, for every component to read from `Astro.locals`. */
import { defineMiddleware } from 'astro:middleware';
import { getTranslator } from './i18n/t.ts';
import { splitLocale } from './lib/routes.ts';
import { sitePathOf } from './site/hrefs.ts';

export const onRequest = defineMiddleware((context, next) => {
  const { locale } = splitLocale(sitePathOf(context.url.pathname));
  context.locals.locale = locale;
  context.locals.t = getTranslator(locale);
  return next();
});
