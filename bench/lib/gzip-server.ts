/**
 * The server both sites are measured behind on a throttled network: static files over HTTP/1.1,
 * text compressed with gzip once and kept (as a host that compresses does), Pagefind's files,
 * already compressed, sent as they are but labelled gzip-encoded (as the shipped nginx block does). The same server for ours and the peer, so only the sites
 * differ.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isPagefindData } from '../../src/lib/hosting/compression.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Whether a response is worth gzip: text, not what is already compressed. @example compressible('/a.css') // true */
export function compressible(file: string): boolean {
  return ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt'].includes(path.extname(file));
}

export interface GzipServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (`/dir/` → `dir/index.html`, unknown paths → `404.html` with status 404). */
export async function serveGzip(root: string): Promise<GzipServer> {
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    if (
      await stat(file).then(
        (info) => info.isDirectory(),
        () => false,
      )
    )
      file = path.join(file, 'index.html');
    let status = 200;
    let body: Buffer | undefined = await readFile(file).catch(() => undefined);
    if (!body) {
      status = 404;
      file = path.join(root, '404.html');
      body = await readFile(file).catch(() => Buffer.from('Not found'));
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    // Pagefind's own files are gzip inside: sent as they are, labelled as gzip, as the shipped nginx block sends them.
    if (isPagefindData(file) && acceptsGzip) {
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
    } else if (compressible(file) && acceptsGzip) {
      let gzipped = compressed.get(file);
      if (!gzipped) compressed.set(file, (gzipped = gzipSync(body)));
      body = gzipped;
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = String(body.byteLength);
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
