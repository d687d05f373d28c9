/**
 * npm run nginx-config -- [--root <dir>] [--listen <port>] [--out <file>]
 *
 * Prints (or writes to --out) the nginx server block for the site at SITE_URL: its host as
 * server_name, its path as the base of every location, --root as the folder its addresses start
 * from (default /var/www/openstack-digest; for a SITE_URL with a path such as /digest/, the
 * folder that holds digest/). deploy/nginx.conf is this block for the default SITE_URL and
 * options: after changing src/lib/hosting/, run `npm run nginx-config -- --out deploy/nginx.conf`.
 * --out replaces only a file this command wrote (--force: any file).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { renderNginxServer, shippedServer } from '../src/lib/hosting/nginx.ts';

import { readCommandLine, readSiteUrl } from './lib/command-line.ts';

const { values } = readCommandLine('usage: npm run nginx-config -- [--root <dir>] [--listen <port>] [--out <file> [--force]]', {
  options: {
    root: { type: 'string', default: shippedServer.root },
    listen: { type: 'string', default: shippedServer.listen },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

let block: string;
try {
  block = renderNginxServer({ site: readSiteUrl(), root: values.root, listen: values.listen });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (values.out) {
  const existing = await readFile(values.out, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? undefined : error,
  );
  // The first line of every block this command writes: a file without it is someone else's.
  const ours = block.slice(0, block.indexOf('\n') + 1);
  if (existing instanceof Error) {
    const folder = (existing as NodeJS.ErrnoException).code === 'EISDIR';
    console.error(`Cannot write ${values.out}: ${folder ? "it is a folder; give a file's path" : existing.message}.`);
    process.exit(1);
  }
  if (existing !== undefined && !existing.startsWith(ours) && !values.force) {
    console.error(`${values.out} is a file this command did not write; give a new file, or pass --force to replace it.`);
    process.exit(1);
  }
  try {
    await writeFile(values.out, block);
  } catch (error) {
    console.error(`Cannot write ${values.out}: ${(error as Error).message}.`);
    process.exit(1);
  }
  console.log(`Wrote ${values.out}: the nginx server block for ${readSiteUrl().href}, serving ${values.root}.`);
} else {
  process.stdout.write(block);
}
