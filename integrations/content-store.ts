/**
 * Serves Astro's content data store to the build's page rendering from disk. Astro 7.3 (pinned)
 * turns the store into a JavaScript module holding it as one string, which Vite then bundles
 * and Node compiles: with every issue's rendered parts in it, that cost seconds at 1,000 issues
 * (bench/REPORT.md). This resolves the store's virtual module to a module that reads the same
 * file when pages render. Build only (the dev server keeps Astro's own, which follows edits);
 * should Astro rename the module, nothing intercepts it and the build is only slower.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Astro's virtual module for the data store (`astro/dist/content/consts.js`). */
const DATA_STORE_MODULE = 'astro:data-layer-content';
const FROM_DISK = '\0digest:data-store-from-disk';

export function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'digest-content-store',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'digest-data-store-from-disk',
                // Ahead of Astro's own resolution of the module.
                resolveId: { order: 'pre', handler: (id) => (id === DATA_STORE_MODULE ? FROM_DISK : undefined) },
                load(id) {
                  if (id !== FROM_DISK) return undefined;
                  return [
                    "import { readFileSync } from 'node:fs';",
                    `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
                  ].join('\n');
                },
              },
            ],
          },
        });
      },
    },
  };
}
