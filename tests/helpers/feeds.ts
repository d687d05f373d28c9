/**
 * Built feeds read as a feed reader reads them: every RSS document under a folder, parsed by a
 * real XML parser, checked by xmllint, and item HTML parsed by a real HTML parser.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';

export interface FeedItem {
  title?: string;
  link?: string;
  guid?: { '#text': string; '@_isPermaLink'?: string } | string;
  description?: string;
  pubDate?: string;
  'content:encoded'?: string;
  category?: string[];
}

export interface Feed {
  /** Path of the file under the site folder, with a leading slash (`/en/projects/nova/rss.xml`). */
  path: string;
  xml: string;
  rss: { '@_version'?: string; channel: { title?: string; link?: string; description?: string; language?: string; item?: FeedItem[] } };
  items: FeedItem[];
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'category' });

/** Every XML file under `dir` whose root element is `<rss>`, sorted by path. */
export function readFeeds(dir: string): Feed[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .flatMap((file) => {
      const xml = readFileSync(path.join(dir, file), 'utf8');
      const document = parser.parse(xml) as { rss?: Feed['rss'] };
      return document.rss
        ? [{ path: `/${file.split(path.sep).join('/')}`, xml, rss: document.rss, items: document.rss.channel?.item ?? [] }]
        : [];
    });
}

/** xmllint's verdict on well-formedness; fails loudly when xmllint is missing (`apt-get install libxml2-utils`). */
export function xmllint(files: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint could not run (install libxml2-utils): ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The text of an item's GUID. */
export const guidOf = (item: FeedItem) => (typeof item.guid === 'object' ? item.guid['#text'] : item.guid);

/** Every address an HTML fragment points to (href, src, srcset, cite, poster, action). */
export function urlsIn(html: string): string[] {
  const document = parseDocument(html);
  return DomUtils.findAll(() => true, document.children).flatMap((element) =>
    Object.entries(element.attribs).flatMap(([name, value]) => {
      if (name === 'srcset') return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
      return ['href', 'src', 'cite', 'poster', 'action'].includes(name) ? [value] : [];
    }),
  );
}

/** Whether an address stands on its own (scheme included), not relative to the page. */
export function isAbsoluteUrl(url: string): boolean {
  return URL.canParse(url) && /^(https?|mailto):/.test(url);
}

/**
 * The digest's text an HTML fragment shows: the notes beside outside links (their archived
 * copies, `<small class="archived">`) are the site's words, so they are left out.
 */
export function textOf(html: string): string {
  const document = parseDocument(html);
  for (const note of DomUtils.findAll((element) => DomUtils.getAttributeValue(element, 'class') === 'archived', document.children)) {
    DomUtils.removeElement(note);
  }
  return DomUtils.textContent(document);
}

/** Elements of a tag in an HTML fragment. */
export function elementsIn(html: string, tag: string) {
  return DomUtils.getElementsByTagName(tag, parseDocument(html));
}
