/**
 * Serves the pages their content from the content hub (`src/pipeline/content-hub.ts`): Astro's
 * content store module resolves to the entries the loaders handed over in this process, so the
 * store is never written to disk as one file and read back as a JavaScript module (seconds at
 * 1,000 issues, on every build and after every edit in dev; bench/REPORT.md). Astro's runtime
 * reads a store given as a `Map` as it is (`ImmutableDataStore.fromModule` in Astro 7.3, pinned);
 * should Astro rename the module, nothing intercepts it and `getSite()` says the hub holds what
 * the store does not.
 *
 * In dev, an edit reaches the pages without reloading any module: the hub's collections are the
 * store's, the site is remade when the content changes, and the browser reloads itself.
 */
import type { AstroIntegration } from 'astro';
import type { HotPayload, ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { CONTENT_VERSION_SHOWN, contentVersion, onContentChange, setContentMode } from '../src/pipeline/content-hub.ts';

/** Astro's virtual module for the data store (`astro/dist/content/consts.js`). */
const DATA_STORE_MODULE = 'astro:data-layer-content';
const FROM_HUB = '\0digest:content-from-hub';
const HUB_MODULE = fileURLToPath(new URL('../src/pipeline/content-hub.ts', import.meta.url));

/** How long the changes of one edit take to arrive together. */
const CHANGES_SETTLE_MS = 10;

/** Astro's server-side environments that render pages (`ASTRO_VITE_ENVIRONMENT_NAMES`). */
const RENDERING_ENVIRONMENTS = ['ssr', 'prerender'];

export function contentFromHub(): AstroIntegration {
  return {
    name: 'digest-content-hub',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, injectScript }) => {
        setContentMode(command === 'dev' ? 'dev' : 'build');
        // A page tells the dev server, once connected, which content it shows (see answerShownContent).
        if (command === 'dev') injectScript('page', SAY_SHOWN_CONTENT);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'digest-content-from-hub',
                // Ahead of Astro's own resolution of the module.
                resolveId: { order: 'pre', handler: (id) => (id === DATA_STORE_MODULE ? FROM_HUB : undefined) },
                load: (id) =>
                  id === FROM_HUB
                    ? `import { storedCollections } from ${JSON.stringify(HUB_MODULE)};\nexport default storedCollections();`
                    : undefined,
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        // One edit changes several things at once (both loaders' entries, the records): one reload.
        let pending: ReturnType<typeof setTimeout> | undefined;
        const stop = onContentChange(() => {
          clearTimeout(pending);
          pending = setTimeout(() => showChange(server), CHANGES_SETTLE_MS);
        });
        server.httpServer?.once('close', stop);
        sendCurrentStateOnly(server);
        answerShownContent(server);
      },
    },
  };
}

/** Pages read the hub afresh; what Astro cached of the old content (static paths) goes, and open pages reload. */
function showChange(server: ViteDevServer): void {
  for (const name of RENDERING_ENVIRONMENTS) server.environments[name]?.hot.send('astro:content-changed', {});
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

const RELOAD: HotPayload = { type: 'full-reload', path: '*' };

/** What a page says once connected to the dev server: the version of the content it was rendered from (`BaseLayout.astro`). */
const SHOWN_CONTENT = 'digest:shown-content';
const SAY_SHOWN_CONTENT = `const shown = document.documentElement.dataset.contentVersion;
if (import.meta.hot && shown) import.meta.hot.send(${JSON.stringify(SHOWN_CONTENT)}, { version: Number(shown) });`;

/**
 * Reloads a page that connects showing content older than the content now. A change is told to
 * the pages connected: one rendered before it that connects after (still loading when the edit was
 * saved, or reloading from the edit before) would never hear of it, and show the old text until
 * reloaded by hand. Vite keeps a reload for the next page to connect only while no page is.
 */
function answerShownContent(server: ViteDevServer): void {
  server.environments.client.hot.on(SHOWN_CONTENT, (data: { version?: unknown }, client) => {
    if (data.version !== contentVersion()) client.send(RELOAD);
  });
}

/**
 * What open pages are sent in place of `payload`: Astro sends a page's error to every open page a
 * moment after serving it, and should the content have changed since, that error would cover the
 * page a later reload has already shown (or arrive, to a page still connecting, in place of the
 * reload it missed). A content problem from an older version of the content becomes a reload.
 */
export function payloadForOpenPages(payload: HotPayload, version: number): HotPayload {
  if (payload.type !== 'error') return payload;
  const shown: unknown = payload.err[CONTENT_VERSION_SHOWN];
  return typeof shown === 'number' && shown !== version ? RELOAD : payload;
}

function sendCurrentStateOnly(server: ViteDevServer): void {
  const { hot } = server.environments.client;
  const send = hot.send.bind(hot) as (...args: unknown[]) => void;
  hot.send = ((...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'object' && first !== null) send(payloadForOpenPages(first as HotPayload, contentVersion()));
    else send(...args);
  }) as typeof hot.send;
}
