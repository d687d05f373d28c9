/**
 * What the site does with a link to another site, decided at build time from data it reads
 * offline: a known move or a permanent redirect sends the reader to the new address (the original
 * kept in a title), a link known dead opens its archived copy first, and every link gets an
 * archived copy beside it: the Internet Archive's snapshot nearest the day the issue came out,
 * with the Robust Links attributes (`data-originalurl`, `data-versionurl`, `data-versiondate`)
 * for archive-aware tools. Nothing here requests anything from any host. Pure.
 */
import type { LinkCheck, OutsideLinkPlan } from '../schemas/links.ts';
import { escapeHtml } from './html-text.ts';
import { linkVerdict } from './link-health.ts';
import { findMove, type CompiledMove } from './link-moves.ts';

/** What the build knows about outside addresses. */
export interface LinkRules {
  moves: readonly CompiledMove[];
  /** The last check of each address, by address as linked (after moves). */
  checks: ReadonlyMap<string, LinkCheck>;
}

/** No moves, no checks: every link is linked as written, with its archived copy. */
export const noLinkRules: LinkRules = { moves: [], checks: new Map() };

export type { OutsideLinkPlan };

/**
 * The Internet Archive's address for the snapshot of `address` nearest a day; the archive
 * redirects it to the closest capture it holds.
 * @example archivedCopyAddress('http://wiki.openstack.org/Heat', '2014-02-15') // 'https://web.archive.org/web/20140215/http://wiki.openstack.org/Heat'
 */
export function archivedCopyAddress(address: string, day: string): string {
  return `https://web.archive.org/web/${day.replaceAll('-', '')}/${address}`;
}

/** Hosts whose pages are copies kept by web archives: links there are archive links already. */
const ARCHIVE_HOSTS = /(?:^|\.)(?:archive\.org|archive-it\.org|archive\.(?:today|is|ph|li|vn|fo|md)|webcitation\.org|perma\.cc)$/;

/**
 * Whether an address is already a web archive's copy, and then what it copies when it says so
 * (the Internet Archive's `/web/<timestamp>/<address>` form).
 * @example readArchiveAddress('https://web.archive.org/web/20131112093000/http://x.example/') // { original: 'http://x.example/', day: '2013-11-12' }
 * @example readArchiveAddress('https://example.com/') // undefined
 */
export function readArchiveAddress(address: string): { original?: string; day?: string } | undefined {
  const url = URL.parse(address);
  if (!url || !ARCHIVE_HOSTS.test(url.hostname)) return undefined;
  const copy = /^\/web\/(\d{4})(\d{2})(\d{2})\d*(?:[a-z]{2}_)?\/(https?:\/\/?.+)$/.exec(`${url.pathname}${url.search}${url.hash}`);
  const original = copy?.[4] && URL.parse(copy[4].replace(/^(https?:\/)(?!\/)/, '$1/'));
  if (!copy || !original) return {};
  return { original: original.href, day: `${copy[1]}-${copy[2]}-${copy[3]}` };
}

/**
 * How the site links an outside http(s) address written in an issue published on `day`.
 * @example planOutsideLink('https://review.openstack.org/#/c/57774/', '2013-11-28', rules).href // 'https://review.opendev.org/#/c/57774/'
 */
export function planOutsideLink(original: string, day: string, { moves, checks }: LinkRules): OutsideLinkPlan {
  const archived = archivedCopyAddress(original, day);
  const known = findMove(original, moves);
  const checked = known?.address ?? original;
  const check = checks.get(checked);
  const verdict = check ? linkVerdict(check) : undefined;
  const plan = { original, checked, archived, day };
  if (verdict === 'dead') return { ...plan, href: archived, state: 'dead' };
  if (verdict === 'moved' && check?.final) return { ...plan, href: keepFragment(check.final, checked), state: 'moved' };
  return { ...plan, href: checked, state: known ? 'moved' : 'linked' };
}

/** A redirect keeps the fragment of the address followed unless it names its own, as browsers do. */
function keepFragment(final: string, followed: string): string {
  const url = URL.parse(final);
  const hash = URL.parse(followed)?.hash;
  if (!url || url.hash || !hash) return final;
  url.hash = hash;
  return url.href;
}

/** The words of the links beside an outside link, in the text's language (see `src/i18n/link-labels.ts`). */
export interface LinkLabels {
  /** The archived copy's link text. */
  archived: string;
  /** Its title: whose copy, from around which day. */
  archivedTitle: string;
  /** Around the archived copy's link: text before and after it. */
  beside: readonly [string, string];
  /** A dead link's title: it opens the archived copy. */
  deadTitle: string;
  /** Beside a dead link, around the link to the original address. */
  deadBeside: readonly [string, string];
  /** The link text of the original address beside a dead link. */
  original: string;
  /** A moved link's title, naming the address the text gave. */
  movedTitle(original: string): string;
}

/** A link beside an outside link. */
export interface BesideLink {
  href: string;
  text: string;
  attributes: Record<string, string>;
}

/** An outside link as markup: the attributes of the link itself, then what stands beside it. */
export interface OutsideLinkMarkup {
  /** `href`, `title` and the Robust Links attributes. */
  attributes: Record<string, string>;
  /** Text and one link, in order, for a `<small class="archived">` after the link. */
  beside: readonly [string, BesideLink, string];
}

/** Attributes every link leaving the site carries. */
export const EXTERNAL_REL = 'external noopener noreferrer';

/**
 * The markup of a planned link: a dead link opens its archived copy and offers the original
 * beside it; any other links where the plan says, with its archived copy beside it.
 */
export function describeOutsideLink(plan: OutsideLinkPlan, labels: LinkLabels): OutsideLinkMarkup {
  const memento = { 'data-originalurl': plan.original, 'data-versiondate': plan.day };
  if (plan.state === 'dead') {
    return {
      attributes: { href: plan.href, title: labels.deadTitle, ...memento },
      beside: [
        labels.deadBeside[0],
        { href: plan.original, text: labels.original, attributes: { rel: EXTERNAL_REL } },
        labels.deadBeside[1],
      ],
    };
  }
  const archived: BesideLink = {
    href: plan.archived,
    text: labels.archived,
    attributes: { rel: EXTERNAL_REL, title: labels.archivedTitle, ...memento },
  };
  return {
    attributes: {
      href: plan.href,
      ...(plan.state === 'moved' ? { title: labels.movedTitle(plan.original) } : {}),
      'data-originalurl': plan.original,
      'data-versionurl': plan.archived,
      'data-versiondate': plan.day,
    },
    beside: [labels.beside[0], archived, labels.beside[1]],
  };
}

/**
 * Whether a link's words are its address (a bare URL), give or take the scheme, `www.` and a final
 * slash: print shows the address after every other outside link, not after these.
 * @example isBareAddress('github.com/openstack/nova', 'https://github.com/openstack/nova/') // true
 */
export function isBareAddress(text: string, href: string): boolean {
  const bare = (address: string) =>
    address
      .trim()
      .replace(/^(?:https?:)?\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(text) === bare(href);
}

/** The class of the element that holds what stands beside an outside link. */
export const BESIDE_CLASS = 'archived';

/**
 * An outside link and what stands beside it as HTML, for markup written outside the renderer
 * (the credit line of pages and feeds); `content` is HTML already escaped.
 */
export function outsideLinkHtml(content: string, plan: OutsideLinkPlan, labels: LinkLabels): string {
  const { attributes, beside } = describeOutsideLink(plan, labels);
  const [before, link, after] = beside;
  const tag = (name: string, attrs: Record<string, string>, inner: string) =>
    `<${name}${Object.entries(attrs)
      .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
      .join('')}>${inner}</${name}>`;
  return `${tag('a', { ...attributes, rel: EXTERNAL_REL }, content)}${tag(
    'small',
    { class: BESIDE_CLASS },
    `${escapeHtml(before)}${tag('a', { href: link.href, ...link.attributes }, escapeHtml(link.text))}${escapeHtml(after)}`,
  )}`;
}
