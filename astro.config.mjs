// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { defaultLocale, localeCodes } from './src/i18n/locales.ts';
import { pagefindIntegration } from './integrations/pagefind.ts';
import { sitemapIntegration } from './integrations/sitemap.ts';
import { contentFromHub } from './integrations/content-hub.ts';
import { hostingIntegration } from './integrations/hosting.ts';
import { contentSecurityPolicy } from './src/lib/hosting/policy.ts';
import { getSiteUrl } from './src/pipeline/paths.ts';

// Nothing is requested from another host while the site is built or served: Astro's telemetry and
// the dev server's check for a newer Astro would each send one (both read these after the config).
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

/** Absolute URL the site is published at: feeds, canonical links and the sitemap use it. */
const siteUrl = getSiteUrl();

export default defineConfig({
  site: siteUrl.href,
  // A site published under a path (`https://x.github.io/digest/`) has every address under it.
  base: siteUrl.pathname,
  trailingSlash: 'always',
  i18n: {
    locales: localeCodes,
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  // The hosting step last: it compresses what the others write when the build is done.
  integrations: [mdx(), contentFromHub(), sitemapIntegration(), pagefindIntegration(), hostingIntegration()],
  // Issue bodies are rendered by the content pipeline (src/pipeline/render.ts); Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // No inline scripts or styles: every page runs under a strict Content-Security-Policy.
  build: {
    inlineStylesheets: 'never',
    // Pages wait on file writes; four in flight keep the main thread busy (see bench/REPORT.md).
    concurrency: 4,
  },
  vite: { build: { assetsInlineLimit: 0 } },
  // The policy's one source, which the build also writes into the hosts' headers (src/lib/hosting/).
  security: {
    csp: {
      directives: [...contentSecurityPolicy.directives],
      scriptDirective: { resources: [...contentSecurityPolicy.scriptSources] },
      styleDirective: { resources: [...contentSecurityPolicy.styleSources] },
    },
  },
  devToolbar: { enabled: false },
});
