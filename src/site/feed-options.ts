/** Binds the pure feed mapper (`lib/feeds.ts`) to this build's archive, registry, strings and site URL. */
import type { RSSOptions } from '@astrojs/rss';
import type { Locale } from '../i18n/locales.ts';
import { getTranslator } from '../i18n/t.ts';
import { createProjectFeed, createSiteFeed, type FeedContext } from '../lib/feeds.ts';
import { getSite } from './collections.ts';
import { siteUrl } from './hrefs.ts';

async function context(locale: Locale) {
  const { archive, resolver } = await getSite();
  const ctx: FeedContext = {
    locale,
    site: siteUrl,
    t: getTranslator(locale),
    project: resolver.get,
  };
  return { archive, ctx };
}

/** The whole digest's feed in one language. */
export async function getSiteFeed(locale: Locale): Promise<RSSOptions> {
  const { archive, ctx } = await context(locale);
  return createSiteFeed(archive, ctx);
}

/** One project's feed in one language. */
export async function getProjectFeed(locale: Locale, projectId: string): Promise<RSSOptions> {
  const { archive, ctx } = await context(locale);
  return createProjectFeed(archive, projectId, ctx);
}
