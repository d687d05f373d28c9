/**
 * npm run serve:nginx -- [--dir <built-site>] [--port <port>]
 *
 * Serves a built site (default dist/) the way it is deployed on nginx: the server block
 * `npm run nginx-config` writes for SITE_URL (deploy/nginx.conf for the default), with its
 * headers, precompressed files and 404 pages, at http://127.0.0.1:<port>/ (default 8080) under
 * SITE_URL's path. Build with the same SITE_URL first. Ctrl-C stops it. Needs Debian's nginx and
 * its Brotli module (apt-get install nginx libnginx-mod-http-brotli-static).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nginxBasePath, renderNginxServer } from '../src/lib/hosting/nginx.ts';

import { builtSiteAddress, startNginx } from './lib/nginx-server.ts';
import { readCommandLine, readSiteUrl } from './lib/command-line.ts';

const usage = 'usage: npm run serve:nginx -- [--dir <built-site>] [--port <port>]';
const { values } = readCommandLine(usage, {
  options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '8080' } },
});
const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
if (!(port >= 1 && port <= 65535)) {
  console.error(`--port must be a whole number from 1 to 65535 (got "${values.port}").\n${usage}`);
  process.exit(2);
}
const site = readSiteUrl();
const dist = path.resolve(values.dir);
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist} holds no built site. Fix: run \`npm run build\` (with the same SITE_URL) first.`);
  process.exit(1);
}
// Served under another path than it was built for, the home page would answer and every link fail.
const builtFor = builtSiteAddress(await readFile(path.join(dist, 'index.html'), 'utf8'));
if (builtFor && builtFor.pathname !== site.pathname) {
  console.error(
    `${dist} was built for ${builtFor.href} (its home page's canonical link), not ${site.href}: its links lead under ${builtFor.pathname}. Fix: run with SITE_URL=${builtFor.href}, or build again with SITE_URL=${site.href}.`,
  );
  process.exit(1);
}

let base: string;
try {
  base = nginxBasePath(site);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// nginx finds a file at its root followed by the address's path (decoded): a site under /digest/
// needs a root holding digest/.
const folders = base.split('/').filter(Boolean);
const scratch = folders.length ? await mkdtemp(path.join(tmpdir(), 'digest-serve-')) : undefined;
const root = scratch ?? dist;
if (scratch) {
  const siteFolder = path.join(scratch, ...folders);
  await mkdir(path.dirname(siteFolder), { recursive: true });
  await symlink(dist, siteFolder);
}

// Its problem said (another server on the port, nginx's own error log), not a stack trace.
const server = await startNginx((listen) => renderNginxServer({ site, root, listen }), { port }).catch(async (error: unknown) => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  console.error((error as Error).message);
  process.exit(1);
});
console.log(`nginx serves ${dist} as ${site.href} at ${server.url}${site.pathname} (Ctrl-C stops it)`);
let stopping = false;
const stop = async (status: number) => {
  stopping = true;
  await server.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  process.exit(status);
};
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
// nginx ending by itself (killed, or `nginx -s stop`) ends the command too, saying so, rather than
// it exiting 0 unnoticed with its folders left behind. Ctrl-C reaches nginx and this process at
// once: a moment's wait lets its SIGINT count as the stop it is.
void server.exited.then((how) =>
  setTimeout(() => {
    if (stopping) return;
    console.error(`nginx stopped by itself (${how}): ${server.url}${site.pathname} is no longer served.`);
    void stop(1);
  }, 250),
);
