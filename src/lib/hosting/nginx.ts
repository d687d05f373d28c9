/**
 * The nginx server block the repository ships (`deploy/nginx.conf`, written by
 * `npm run nginx-config`): the same headers as `_headers`, the content types of every file the
 * site has, the build's precompressed copies served as they are, and each locale's 404 page.
 */
import { localeCodes, getLocaleInfo } from '../../i18n/locales.ts';
import { escapeRegExp } from '../regexp.ts';
import { decodePath, localizePath, notFoundFile, withBase } from '../routes.ts';
import {
  cacheControl,
  contentTypes,
  feedFileName,
  hashedFolders,
  pagefindDataExtensions,
  pagefindFolder,
  cspHeaderValue,
  pageCspHeaderValue,
  securityHeaders,
} from './policy.ts';

export interface NginxServerOptions {
  /** The site's address: its host names the server, its path is the base every location lies under. */
  site: URL;
  /** The folder the site's addresses start from: the built site itself, or for a base `/digest/` the folder holding `digest/`. */
  root: string;
  /** What nginx listens on (`80`, `127.0.0.1:8080`). */
  listen: string;
}

/** Where the shipped block (`deploy/nginx.conf`) expects the site, and what it listens on; its site is the default SITE_URL. */
export const shippedServer = { root: '/var/www/openstack-digest', listen: '80' } as const;

/** The shipped block's file, relative to the repository. */
export const shippedServerFile = 'deploy/nginx.conf';

/**
 * The site's base path as nginx compares addresses, decoded (`/%E6%96%87%E6%91%98/` is `/文摘/`), or
 * an error naming what the block could not hold as written: nginx reads whitespace, quotes, `;`,
 * braces, `#`, `$` and `\` in a path as its own syntax.
 * @example nginxBasePath(new URL('https://x.io/%E6%96%87%E6%91%98/')) // '/文摘/'
 */
export function nginxBasePath(site: URL): string {
  const path = decodePath(site.pathname);
  const unsafe = /[\s"'`;{}#$\\\p{Cc}]|%/u.exec(path);
  if (unsafe) {
    throw new Error(
      `SITE_URL's path ${JSON.stringify(path)} holds ${JSON.stringify(unsafe[0])}, which an nginx server block cannot hold as written. Fix: publish the site under a path without it.`,
    );
  }
  return path;
}

/**
 * `add_header` lines; `always` puts them on error pages too. A location with its own replaces all
 * it would inherit, so each lists them all. Pages get the policy that leaves their inline styles
 * and scripts to their `<meta>` (this block is written once, not by each build, so it cannot know
 * their hashes); every other file the whole policy.
 */
function headerLines(cache: string, indent: string, policy = cspHeaderValue()): string[] {
  return [['Cache-Control', cache] as const, ...securityHeaders(policy)].map(
    ([name, value]) => `${indent}add_header ${name} "${value}" always;`,
  );
}

/**
 * The headers of Pagefind's own files (index, filters, fragments, metadata, WebAssembly): gzip
 * inside, sent as they are but said to be gzip-encoded to a browser that takes gzip, which then
 * unpacks them natively and Pagefind skips its own unpacking in JavaScript, on the main thread
 * of a first search (bench/REPORT.md). Search's own reading of fragments takes either.
 */
function pagefindDataLines(cache: string, indent: string): string[] {
  return [
    ...headerLines(cache, indent),
    `${indent}add_header Content-Encoding $pagefind_encoding always;`,
    `${indent}add_header Vary "Accept-Encoding" always;`,
  ];
}

/**
 * The folder and the address to listen on as the block writes them, or an error naming what nginx
 * would read as its own syntax there (as in a base path): `--root '/srv/a; include /etc/x'` would
 * add a directive, `/srv/$host` would take the folder from each request's Host header, and
 * `/srv/my site` would not load; or that nginx would read from elsewhere (a relative folder).
 */
function checkedOptions({ root, listen }: Pick<NginxServerOptions, 'root' | 'listen'>): void {
  const unsafe = /[\s"'`;{}#$\\\p{Cc}]/u.exec(root);
  if (unsafe) {
    throw new Error(
      `The root folder ${JSON.stringify(root)} holds ${JSON.stringify(unsafe[0])}, which an nginx server block cannot hold as written. Fix: serve the site from a folder whose path has none.`,
    );
  }
  // nginx reads a relative root from its own prefix (/usr/share/nginx/ on Debian), not from where the block was written.
  if (!root.startsWith('/')) {
    throw new Error(
      `The root folder ${JSON.stringify(root)} is a relative path, which nginx reads from its own prefix (/usr/share/nginx/ on Debian), not from here. Fix: give the folder's absolute path, e.g. /var/www/openstack-digest.`,
    );
  }
  if (!/^(?:(?:[\w.-]+|\[[\da-f:.]+\]):)?\d{1,5}$/i.test(listen)) {
    throw new Error(
      `The address to listen on ${JSON.stringify(listen)} is not a port or host:port. Fix: give one, e.g. 8080 or 127.0.0.1:8080.`,
    );
  }
}

/** The nginx server block for a site. */
export function renderNginxServer({ site, root, listen }: NginxServerOptions): string {
  checkedOptions({ root, listen });
  const base = nginxBasePath(site);
  const at = (path: string) => withBase(path, base);
  // A folder without a page (`/projects/nova/page/`) is refused with nginx's bare 403, under the
  // immutable folders' headers too: the 404 page of its language instead, as for a missing page.
  const notFound = (file: string, indent: string) => [`${indent}error_page 404 ${file};`, `${indent}error_page 403 =404 ${file};`];
  const feedLocation = (indent: string) => [
    `${indent}location ~ /${escapeRegExp(feedFileName)}$ {`,
    `${indent}    types { ${contentTypes.feed.split(';')[0]} xml; }`,
    `${indent}}`,
  ];
  // A page, however asked for (`/issues/8/` reaches it through `index`, a 404 through `error_page`), ends as an .html file.
  const pageLocation = (indent: string) => [
    `${indent}location ~ \\.html$ {`,
    ...headerLines(cacheControl.revalidate, `${indent}    `, pageCspHeaderValue()),
    `${indent}}`,
  ];
  // One location per locale, so a missing path gets the 404 page in its language.
  const localeLocations = localeCodes.map((locale) => [
    `    location ${at(localizePath('/', locale))} {`,
    ...(getLocaleInfo(locale).prefix ? notFound(at(notFoundFile(locale)), '        ') : []),
    ...headerLines(cacheControl.revalidate, '        '),
    ...pageLocation('        '),
    ...feedLocation('        '),
    '    }',
  ]);
  // Within Pagefind's folder: its hashed subfolders.
  const pagefindHashed = hashedFolders
    .filter((folder) => folder.startsWith(pagefindFolder))
    .map((folder) => escapeRegExp(folder.slice(pagefindFolder.length)))
    .join('|');
  // Pagefind's files outside those folders: its metadata and WebAssembly.
  const unhashedPagefindData = pagefindDataExtensions
    .filter((extension) => !['pf_index', 'pf_fragment', 'pf_filter'].includes(extension))
    .join('|');
  return [
    '# The OpenStack社区动态 archive on nginx: a server block for the http block (on Debian, a file in',
    '# /etc/nginx/sites-enabled/). Written by `npm run nginx-config` from src/lib/hosting/; change it there.',
    "# Needs the gzip_static module (in Debian's nginx) and brotli_static (Debian: apt-get install",
    '# libnginx-mod-http-brotli-static; without it, drop the brotli_static line).',
    'server {',
    `    listen ${listen};`,
    ...(/^\d+$/.test(listen) ? [`    listen [::]:${listen};`] : []),
    `    server_name ${site.hostname};`,
    `    root ${root};`,
    '    index index.html;',
    '    absolute_redirect off;',
    '    server_tokens off;',
    '',
    '    # The build writes a .gz and a .br copy beside every text file: nothing is compressed per request.',
    '    gzip_static on;',
    '    brotli_static on;',
    '    gzip_vary on;',
    '',
    "    # The site's file types (in place of mime.types); feeds are RSS, set in their locations.",
    '    types {',
    '        text/html html;',
    '        text/css css;',
    '        text/javascript js;',
    '        application/json json;',
    '        application/xml xml;',
    '        image/svg+xml svg;',
    '        text/plain txt;',
    // Files an editor puts in public/ for issues to show or link (`/images/a.png`, `/slides.pdf`):
    // as application/octet-stream, a browser opening one downloads it instead of showing it.
    '        image/png png;',
    '        image/jpeg jpg jpeg;',
    '        image/gif gif;',
    '        image/webp webp;',
    '        image/avif avif;',
    '        image/x-icon ico;',
    '        application/pdf pdf;',
    `        ${contentTypes.pagefindData} ${pagefindDataExtensions.join(' ')};`,
    '    }',
    '    default_type application/octet-stream;',
    '    charset utf-8;',
    `    charset_types text/css text/javascript application/xml ${contentTypes.feed.split(';')[0]} image/svg+xml text/plain;`,
    '',
    ...notFound(at(notFoundFile(localeCodes[0])), '    '),
    '',
    "    # Pagefind's files are gzip inside: gzip-encoded to whoever takes gzip, not refusing it with q=0 (see the Pagefind location below).",
    '    set $pagefind_encoding "";',
    '    if ($http_accept_encoding ~* "(^|[ ,])gzip *($|,|;(?! *q=0(\\.0*)? *($|,)))") {',
    '        set $pagefind_encoding gzip;',
    '    }',
    '',
    "    # What no location below answers (the redirect that adds a slash to the site's own path) keeps the same headers.",
    ...headerLines(cacheControl.revalidate, '    '),
    '',
    ...(base === '/'
      ? []
      : [
          "    # The host's root, outside a site published under a path: the site, rather than nginx's bare 403.",
          `    location = / {`,
          `        return 302 ${site.pathname};`,
          '    }',
          "    # The site's path without its slash: with it (and the query, as nginx's own redirect keeps it).",
          `    location = ${base.slice(0, -1)} {`,
          `        return 301 ${site.pathname}$is_args$args;`,
          '    }',
          "    # Nothing else outside the site's path is served: the folder may hold other files (the 404 page).",
          '    location / {',
          '        return 404;',
          '    }',
          '',
        ]),
    "    # The headers file Netlify and Cloudflare Pages read (nginx has these headers above): the hosts' own, not a page.",
    `    location = ${at('/_headers')} {`,
    '        internal;',
    '    }',
    '',
    '    # Pages, feeds, the sitemap: revalidated before each use.',
    ...localeLocations.flatMap((lines) => [...lines, '']),
    "    # Named by their content's hash: a new version is a new file, so a copy never goes stale.",
    `    location ${at(hashedFolders[0])} {`,
    ...headerLines(cacheControl.immutable, '        '),
    '    }',
    '',
    '    # Pagefind: its script, entry file, metadata and WebAssembly keep their names; its index files are hashed.',
    `    location ${at(pagefindFolder)} {`,
    ...headerLines(cacheControl.revalidate, '        '),
    `        location ~ \\.(?:${unhashedPagefindData})$ {`,
    ...pagefindDataLines(cacheControl.revalidate, '            '),
    '        }',
    `        location ~ ^${escapeRegExp(at(pagefindFolder))}(?:${pagefindHashed}) {`,
    ...pagefindDataLines(cacheControl.immutable, '            '),
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
}
