/**
 * Serves a built site on localhost the way a static host such as GitHub Pages does: `/dir/` →
 * `dir/index.html`, unknown paths → `404.html` with status 404. A site built for a base path
 * (`/digest/`) is served under it, and nothing outside it.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The path the site is published under. */
  base?: string;
  /** Headers to send with a file, given its site path (`/issues/8/`, `/404.html` for a missing one), as a host configured to would. */
  headers?: (sitePath: string) => Record<string, string>;
}

export async function serveStatic(root: string, { base = '/', headers = () => ({}) }: StaticServerOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    try {
      if (!requested.startsWith(base)) throw new Error('outside the base path');
      let file = path.join(root, requested.slice(base.length - 1));
      if (!file.startsWith(root)) file = root;
      if (
        await stat(file).then(
          (info) => info.isDirectory(),
          () => false,
        )
      )
        file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { ...headers(requested), 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { ...headers('/404.html'), 'content-type': TYPES['.html'] });
      response.end(await readFile(path.join(root, '404.html')).catch(() => 'Not found'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    // A browser still open keeps connections alive (and a page may still be loading): close them
    // too, or closing waits on them; a CI run once hung here for the hook's five minutes.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
