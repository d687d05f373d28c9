/**
 * Addresses in contributors' text, read the way a browser reads them, so that what the site
 * decides (a link to this site or elsewhere, an image it may load or not) is what the reader's
 * browser will do. Pure.
 */

/** Where a text is shown: relative addresses in it resolve against its page. */
export interface PageAddress {
  /** The site's address, its base path included (`https://x.github.io/digest/`). */
  site: URL;
  /** The site path of the page showing the text, base included (`/digest/issues/8/`). */
  pagePath: string;
}

/** An address as the site writes it: a site path (base included) for its own pages, absolute for the rest. */
export interface ResolvedAddress {
  href: string;
  /** Leads to another site over http(s). */
  external: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Schemes a reader's browser opens safely: web pages, mail, and IRC (the channels OpenStack met in). */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'irc:', 'ircs:']);

/**
 * Resolves an address written in the text. An address with a scheme is read as absolute, as a
 * browser on a page of another scheme would (`https:host/x` is `https://host/x`), and written out
 * that way, so no page's scheme changes its meaning; one without is relative to the page, and a
 * root-relative one (`/issues/7/`) to the site's base. Only http(s), mailto and irc(s) survive;
 * protocol-relative addresses, other schemes and what does not parse are dropped (undefined).
 * @example resolveAddress('../7/#nova', { site: new URL('https://d.example/'), pagePath: '/issues/8/' }) // { href: '/issues/7/#nova', external: false }
 * @example resolveAddress('https:evil.example/x', page) // { href: 'https://evil.example/x', external: true }
 */
export function resolveAddress(written: string, { site, pagePath }: PageAddress): ResolvedAddress | undefined {
  const raw = written.trim();
  if (!raw) return undefined;
  let url: URL | null;
  if (SCHEME.test(raw)) {
    url = URL.parse(raw);
  } else {
    // `//host`, and `/\host`, which browsers read as `//host`, are addresses on another host written without a scheme.
    if (/^[/\\]{2}/.test(raw)) return undefined;
    const root = raw.startsWith('/') ? new URL(`.${raw}`, site) : undefined;
    url = root ?? URL.parse(raw, new URL(pagePath, site.origin));
  }
  if (!url || !ALLOWED_SCHEMES.has(url.protocol)) return undefined;
  // Mail and IRC open the reader's own program, not a page: neither checked nor archived.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { href: url.href, external: false };
  // The site's own host over the other scheme is still the site (an address from before it moved to https).
  if (url.host !== site.host) return { href: url.href, external: true };
  // A path opening with `//` would read as another host: one slash is the same path on this site.
  return { href: `${url.pathname.replace(/^\/{2,}/, '/')}${url.search}${url.hash}`, external: false };
}

/**
 * The user name (and password) an address gives before its host, with its `@`, as written there:
 * a browser goes to the host after the `@` and sends that part along, so
 * `https://www.openstack.org@evil.example/` leads to evil.example while it reads as openstack.org,
 * and a password in it is given to every reader. Undefined when there is none (or no scheme).
 * @example userOf('https://www.openstack.org@evil.example/') // 'www.openstack.org@'
 * @example userOf('https://lists.openstack.org/pipermail/openstack-dev@lists') // undefined
 */
export function userOf(written: string): string | undefined {
  const url = SCHEME.test(written.trim()) ? URL.parse(written.trim()) : null;
  if (!url || !ALLOWED_SCHEMES.has(url.protocol) || url.protocol === 'mailto:' || (!url.username && !url.password)) return undefined;
  const user = /^[a-z][a-z0-9+.-]*:[/\\]*([^/\\?#]*)@/i.exec(written.trim())?.[1];
  return `${user ?? url.username}@`;
}

/** Schemes that run or carry code: an address with one is an attack, dropped without a word. */
const ACTIVE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'blob:', 'file:']);

/**
 * Why the site does not link an address an editor wrote (`resolveAddress` gave nothing), or
 * undefined for none worth telling (empty, or an attack's `javascript:`).
 * @example unlinkedReason('ftp://ftp.example.org/x') // 'an ftp: address, which browsers no longer open'
 * @example unlinkedReason('//example.net/x') // 'an address without its scheme, which reads as one on this site's own scheme'
 */
export function unlinkedReason(written: string): string | undefined {
  const raw = written.trim();
  if (!raw) return undefined;
  if (/^[/\\]{2}/.test(raw)) return "an address without its scheme, which reads as one on this site's own scheme";
  const scheme = SCHEME.exec(raw)?.[0].toLowerCase();
  if (!scheme) return 'an address that does not read as one';
  if (ACTIVE_SCHEMES.has(scheme)) return undefined;
  if (ALLOWED_SCHEMES.has(scheme)) return 'an address that does not parse (a space, a bracket or a port out of place)';
  if (scheme === 'ftp:') return 'an ftp: address, which browsers no longer open';
  return `a ${scheme} address, which the site does not link (only http:, https:, mailto: and irc:)`;
}
