import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapPath } from '../lib/routes.ts';
import { siteUrl } from '../site/hrefs.ts';

/** Lets every crawler in and points it at the sitemap. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath, siteUrl)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
