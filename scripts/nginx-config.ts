/**
 * npm run nginx-config -- [--root <dir>] [--listen <port>] [--out <file>]
 *
 * Prints (or writes to --out) the nginx server block for the site at SITE_URL: its host as
 * server_name, its path as the base of every location, --root as the folder its addresses start
 * from (default /var/www/openstack-digest; for a SITE_URL with a path such as /digest/, the
 * folder that holds digest/). deploy/nginx.conf is this block for the default SITE_URL and
 * options: after changing src/lib/hosting/, run `npm run nginx-config -- --out deploy/nginx.conf`.
 */
import { writeFile } from 'node:fs/promises';
import { renderNginxServer, shippedServer } from '../src/lib/hosting/nginx.ts';

import { readCommandLine, readSiteUrl } from './lib/command-line.ts';

const { values } = readCommandLine('usage: npm run nginx-config -- [--root <dir>] [--listen <port>] [--out <file>]', {
  options: {
    root: { type: 'string', default: shippedServer.root },
    listen: { type: 'string', default: shippedServer.listen },
    out: { type: 'string' },
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
  await writeFile(values.out, block);
  console.log(`Wrote ${values.out}: the nginx server block for ${readSiteUrl().href}, serving ${values.root}.`);
} else {
  process.stdout.write(block);
}
