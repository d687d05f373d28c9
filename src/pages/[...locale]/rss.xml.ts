/** `/rss.xml` and `/en/rss.xml`: the whole digest, full text, newest issue first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteFeed } from '../../site/feed-options.ts';
import { localeStaticPaths } from '../../lib/routes.ts';

export const getStaticPaths = () => localeStaticPaths(() => ({}));

export const GET: APIRoute = async ({ locals }) => rss(await getSiteFeed(locals.locale));
