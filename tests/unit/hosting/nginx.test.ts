import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNginxServer, shippedServer, shippedServerFile } from '../../../src/lib/hosting/nginx.ts';
import { cspHeaderValue, pageCspHeaderValue } from '../../../src/lib/hosting/policy.ts';
import { getSiteUrl } from '../../../src/pipeline/paths.ts';

const locations = (block: string) => [...block.matchAll(/^\s*location (?:~ )?(\S+) \{$/gm)].map((match) => match[1]);

describe('the nginx server block', () => {
  it('is shipped as written from the policy: deploy/nginx.conf is the block for the default address', () => {
    const shipped = readFileSync(path.resolve(shippedServerFile), 'utf8');
    expect(shipped, 'run `npm run nginx-config -- --out deploy/nginx.conf` after changing src/lib/hosting/').toBe(
      renderNginxServer({ site: getSiteUrl({}), ...shippedServer }),
    );
  });

  it.each([
    ['/srv/site; location /leak/ { alias /etc/; } #', '";"'],
    ['/srv/$host', '"$"'],
    ['/srv/my site', '" "'],
  ])('refuses a root folder nginx would read as its own syntax: %s', (root, character) => {
    expect(() => renderNginxServer({ site: getSiteUrl({}), root, listen: '80' })).toThrow(
      `holds ${character}, which an nginx server block cannot hold`,
    );
  });

  it.each(['dist', './dist', '../www/digest', ''])(
    'refuses a relative root folder (%j), which nginx would read from its own prefix',
    (root) => {
      expect(() => renderNginxServer({ site: getSiteUrl({}), root, listen: '80' })).toThrow(
        `The root folder ${JSON.stringify(root)} is a relative path, which nginx reads from its own prefix`,
      );
    },
  );

  it.each(['80; include /etc/passwd', '8080 default_server', ''])('refuses an address to listen on that is not one: %j', (listen) => {
    expect(() => renderNginxServer({ site: getSiteUrl({}), root: shippedServer.root, listen })).toThrow('is not a port or host:port');
  });

  it.each(['80', '127.0.0.1:8080', '[::1]:8080', 'localhost:80'])('listens on %s', (listen) => {
    expect(renderNginxServer({ site: getSiteUrl({}), root: shippedServer.root, listen })).toContain(`    listen ${listen};`);
  });

  it('sends a header policy in every location, error pages included: pages the one that leaves inline styles and scripts to their <meta>', () => {
    const block = renderNginxServer({ site: getSiteUrl({}), ...shippedServer });
    const policies = block.match(/add_header Content-Security-Policy "([^"]+)" always;/g) ?? [];
    expect(policies.length).toBe(block.match(/add_header Cache-Control/g)?.length);
    expect(new Set(policies)).toEqual(
      new Set([cspHeaderValue(), pageCspHeaderValue()].map((policy) => `add_header Content-Security-Policy "${policy}" always;`)),
    );
    // Each page location holds the pages' policy and nothing else does.
    const pageLocations = [...block.matchAll(/location ~ \\\.html\$ \{\n((?:.*\n)*?)\s*\}/g)].map((match) => match[1] ?? '');
    expect(pageLocations).toHaveLength(2);
    for (const body of pageLocations) expect(body).toContain(`"${pageCspHeaderValue()}"`);
    expect(block.split(`"${pageCspHeaderValue()}"`)).toHaveLength(3);
  });

  it("labels Pagefind's own gzip files gzip-encoded, in their two locations only, and only for a client that takes gzip", () => {
    const block = renderNginxServer({ site: getSiteUrl({}), ...shippedServer });
    const labelled = [...block.matchAll(/location ~ (\S+) \{\n((?:.*\n)*?)\s*\}/g)]
      .filter((match) => (match[2] ?? '').includes('add_header Content-Encoding $pagefind_encoding always;'))
      .map((match) => match[1]);
    expect(labelled).toEqual(['\\.(?:pf_meta|pagefind)$', '^/pagefind/(?:fragment/|index/|filter/)']);
    expect(block.match(/add_header Content-Encoding/g)).toHaveLength(2);
    expect(block.match(/add_header Vary "Accept-Encoding" always;/g)).toHaveLength(2);
    expect(block).toContain('set $pagefind_encoding "";');
    expect(block).toMatch(/if \(\$http_accept_encoding ~\* "[^"]*gzip[^"]*"\) \{\n\s*set \$pagefind_encoding gzip;/);
  });

  it('places every location and 404 page under the base path of a site published under a path', () => {
    const block = renderNginxServer({ site: new URL('https://x.github.io/digest/'), root: '/srv/www', listen: '127.0.0.1:8080' });
    expect(block).toContain('server_name x.github.io;');
    expect(block).toContain('listen 127.0.0.1:8080;');
    expect(block).not.toContain('listen [::]');
    // Outside the path: the host's root, the path without its slash, and a 404 for all else there.
    expect(block).toMatch(/location = \/ \{\n\s*return 302 \/digest\/;/);
    expect(block).toMatch(/location = \/digest \{\n\s*return 301 \/digest\/\$is_args\$args;/);
    expect(block).toMatch(/location \/ \{\n\s*return 404;/);
    expect(locations(block)).toEqual([
      '/',
      '/digest/',
      '\\.html$',
      '/rss\\.xml$',
      '/digest/en/',
      '\\.html$',
      '/rss\\.xml$',
      '/digest/_astro/',
      '/digest/pagefind/',
      '\\.(?:pf_meta|pagefind)$',
      '^/digest/pagefind/(?:fragment/|index/|filter/)',
    ]);
    expect(block.match(/error_page 404 \S+;/g)).toEqual(['error_page 404 /digest/404.html;', 'error_page 404 /digest/en/404.html;']);
  });

  it.each([
    ['png', 'image/png'],
    ['jpg', 'image/jpeg'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['ico', 'image/x-icon'],
    ['pdf', 'application/pdf'],
    ['svg', 'image/svg+xml'],
    ['html', 'text/html'],
    ['pf_fragment', 'application/octet-stream'],
  ])('serves a .%s file (an image or document in public/, or the site’s own) as %s', (extension, type) => {
    const block = renderNginxServer({ site: getSiteUrl({}), ...shippedServer });
    const types = /\n {4}types \{\n((?:.*\n)*?) {4}\}/.exec(block)?.[1] ?? '';
    const typeOf = new Map(
      types
        .trim()
        .split(/;\s*/)
        .filter(Boolean)
        .flatMap((line) => {
          const [name = '', ...extensions] = line.trim().split(/\s+/);
          return extensions.map((known) => [known, name] as const);
        }),
    );
    expect(typeOf.get(extension)).toBe(type);
  });

  it('answers a folder nginx refuses (403) with the 404 page of its language, wherever a 404 page is set', () => {
    const block = renderNginxServer({ site: new URL('https://x.github.io/digest/'), root: '/srv/www', listen: '80' });
    expect(block.match(/error_page 403 \S+ \S+;/g)).toEqual([
      'error_page 403 =404 /digest/404.html;',
      'error_page 403 =404 /digest/en/404.html;',
    ]);
  });

  it('labels Pagefind files gzip-encoded only for a client that takes gzip, not one that refuses it with q=0', () => {
    const block = renderNginxServer({ site: getSiteUrl({}), ...shippedServer });
    const pattern = new RegExp(/\$http_accept_encoding ~\* "([^"]+)"/.exec(block)?.[1] ?? '^$', 'i');
    const takes = ['gzip', 'gzip, deflate, br', 'br;q=1.0, GZIP;q=0.5', 'deflate,gzip', 'gzip ;q=0.01'];
    const refuses = ['', 'br', 'gzip;q=0', 'gzip; q=0.000, br', 'identity', 'x-gzip2', 'br, gzip;q=0'];
    expect(takes.filter((header) => !pattern.test(header))).toEqual([]);
    expect(refuses.filter((header) => pattern.test(header))).toEqual([]);
  });

  it('places locations at the decoded base path, and refuses one whose characters nginx would read as its own syntax', () => {
    const block = renderNginxServer({ site: new URL('https://x.org/%E6%96%87%E6%91%98/'), root: '/srv/www', listen: '80' });
    expect(locations(block).slice(0, 2)).toEqual(['/', '/文摘/']);
    expect(block).toContain('return 302 /%E6%96%87%E6%91%98/;');
    expect(block).toContain('location = /文摘 {\n        return 301 /%E6%96%87%E6%91%98/$is_args$args;');
    expect(() => renderNginxServer({ site: new URL('https://x.org/a;b/'), root: '/srv/www', listen: '80' })).toThrow(
      /SITE_URL's path "\/a;b\/" holds ";", which an nginx server block cannot hold as written\. Fix:/,
    );
  });
});

describe('the site address', () => {
  it('is refused, with the fix, when it is no http(s) address or its path holds more than letters, digits and -._~', () => {
    expect(getSiteUrl({ SITE_URL: 'https://x.github.io/digest' }).href).toBe('https://x.github.io/digest/');
    expect(() => getSiteUrl({ SITE_URL: 'x.github.io/digest/' })).toThrow(/SITE_URL "x.github.io\/digest\/" is no web address\. Fix:/);
    expect(() => getSiteUrl({ SITE_URL: 'ftp://x.org/' })).toThrow(/is no http or https address/);
    for (const [address, found] of [
      ['https://x.org/%E6%96%87%E6%91%98/', '文'],
      ['https://x.org/文摘/', '文'],
      ['https://x.org/my digest/', ' '],
      ['https://x.org/a;b/', ';'],
    ]) {
      expect(() => getSiteUrl({ SITE_URL: address }), address).toThrow(`has "${found}" in its path. Fix: publish the site under a path`);
    }
  });

  it('is refused, with the address to write, when it has an empty path segment, a user, a query or a fragment, or ends in a page', () => {
    for (const [address, why, fix] of [
      ['https://example.org//digest/', 'has an empty segment ("//") in its path', 'https://example.org/digest/'],
      ['https://example.org/a//b', 'has an empty segment ("//") in its path', 'https://example.org/a/b/'],
      ['https://staging:s3cret@example.org/digest/', 'gives a user name or password before its host', 'https://example.org/digest/'],
      ['https://ci@example.org/', 'gives a user name or password before its host', 'https://example.org/'],
      ['https://example.org/digest/?v=2', 'has a query or fragment', 'https://example.org/digest/'],
      ['https://example.org/digest/#top', 'has a query or fragment', 'https://example.org/digest/'],
      ['https://example.org/digest/?', 'has a query or fragment', 'https://example.org/digest/'],
      [
        'https://x.github.io/digest/index.html',
        'ends in a page ("index.html"), not the folder the site is published at',
        'https://x.github.io/digest/',
      ],
      ['https://example.org/Index.HTM', 'ends in a page ("Index.HTM"), not the folder the site is published at', 'https://example.org/'],
      [
        'https://example.org/digest/index.html?v=2',
        'ends in a page ("index.html"), not the folder the site is published at',
        'https://example.org/digest/.',
      ],
    ]) {
      expect(() => getSiteUrl({ SITE_URL: address }), address).toThrow(`SITE_URL "${address}" ${why}. Fix: `);
      expect(() => getSiteUrl({ SITE_URL: address }), address).toThrow(fix);
    }
  });

  it.each([
    ['https://x.github.io/docs.v2', '/docs.v2/'],
    ['https://x.github.io/MyDigest', '/MyDigest/'],
    ['https://example.org/d.html/', '/d.html/'],
  ])('takes a folder named with a dot or capitals (%s) as the base', (address, base) => {
    expect(getSiteUrl({ SITE_URL: address }).pathname).toBe(base);
  });

  it.each([
    ['https://example.org;include/', ';'],
    ['https://a{b}.example.org/digest/', '{'],
    ['https://$host/', '$'],
    ['https://a"b.example.org/', '"'],
  ])('is refused, with the fix, when its host %s holds characters no host name has (nginx would read them as syntax)', (address, found) => {
    expect(() => getSiteUrl({ SITE_URL: address })).toThrow(
      `SITE_URL "${address}" has "${found}" in its host name. Fix: write the host as DNS names it`,
    );
  });

  it.each([
    ['https://文摘.Example.org:8443/digest', 'xn--k4u4z.example.org'],
    ['http://192.0.2.7/', '192.0.2.7'],
    ['http://[::1]:8080/digest/', '[::1]'],
    ['https://my_host.internal/', 'my_host.internal'],
  ])('takes a host name as DNS or an address writes it (%s), and nginx serves it by that name', (address, serverName) => {
    const block = renderNginxServer({ site: getSiteUrl({ SITE_URL: address }), root: '/srv/www', listen: '80' });
    expect(block).toContain(`    server_name ${serverName};\n`);
  });
});
