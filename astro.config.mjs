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

/** Scripts up to this size (bytes) are written into the page instead of a file of their own. */
const inlineScriptLimit = 4096;

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
  // A page is one request: its styles and small scripts are inlined, each allowed by its hash in
  // the Content-Security-Policy (Astro adds them to the pages' <meta>, the hosting step to the
  // header). A file the page waited for cost a round trip, the longest wait on a phone's network.
  build: {
    inlineStylesheets: 'always',
    // Pages wait on file writes; four in flight keep the main thread busy (see bench/REPORT.md).
    concurrency: 4,
  },
  // Astro inlines a script without imports when this allows it: small scripts only. Nothing else
  // becomes a data: URL, which the policy does not allow.
  vite: { build: { assetsInlineLimit: (file, content) => file.endsWith('.js') && content.byteLength <= inlineScriptLimit } },
  // The policy's one source, which the build also writes into the hosts' headers (src/lib/hosting/).
  security: {
    csp: {
      directives: [...contentSecurityPolicy.directives],
      scriptDirective: { resources: [...contentSecurityPolicy.scriptSources] },
      styleDirective: { resources: [...contentSecurityPolicy.styleSources] },
    },
  },
  devToolbar: { enabled: false },
  // Builds that run side by side (the tests' do) each need their own cache folder: Astro keeps its
  // content store there, and the search index is written there before it is copied.
  ...(process.env.DIGEST_CACHE_DIR ? { cacheDir: process.env.DIGEST_CACHE_DIR } : {}),
});
