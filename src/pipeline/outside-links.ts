/**
 * The render step for links to other sites, over the HTML tree the safety step left (so every
 * address in it is already resolved, and only http(s) links to elsewhere are marked external):
 * each such link is planned (`lib/outside-links.ts`: known moves, the last link check, the
 * archived copy nearest the day), gets its new `href` and Robust Links attributes in
 * place, and a small labelled link to its archived copy beside it. Links inside code and links
 * that are archive copies already are left as they are. Node only (a satteri step).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { defineHastPlugin, type HastVisitorContext } from 'satteri';
import type { Locale } from '../i18n/locales.ts';
import { getLinkLabels } from '../i18n/link-labels.ts';
import {
  BESIDE_CLASS,
  describeOutsideLink,
  isBareAddress,
  planOutsideLink,
  readArchiveAddress,
  type BesideLink,
  type LinkRules,
  type OutsideLinkPlan,
} from '../lib/outside-links.ts';

export interface OutsideLinkOptions {
  /** The day the text's issue came out (`YYYY-MM-DD`): archived copies are the snapshots nearest it. */
  day: string;
  /** The text's language: the labels beside links are in it. */
  locale: Locale;
  /** Known moves and the last checks. */
  rules: LinkRules;
}

/** Elements whose links are shown as code, never annotated. */
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd']);

/**
 * The step; every outside link it planned is added to `planned`, and the words it put beside the
 * link (`（存档）`) to `besides`, in document order.
 */
export function createOutsideLinksStep({ day, locale, rules }: OutsideLinkOptions, planned: OutsideLinkPlan[], besides: string[] = []) {
  const labels = getLinkLabels(locale, day);
  return defineHastPlugin({
    name: 'digest-outside-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties['href'];
        const rel = node.properties['rel'];
        if (typeof href !== 'string' || !Array.isArray(rel) || !rel.includes('external') || insideCode(node, ctx)) return;
        const archive = readArchiveAddress(href);
        if (archive) {
          // Already a copy: it stays as written, and says what it copies when the address tells.
          if (archive.original) ctx.setProperty(node, 'dataOriginalurl', archive.original);
          if (archive.day) ctx.setProperty(node, 'dataVersiondate', archive.day);
          return;
        }
        const plan = planOutsideLink(href, day, rules);
        planned.push(plan);
        const { attributes, beside } = describeOutsideLink(plan, labels);
        for (const [name, value] of Object.entries(attributes)) {
          const written = node.properties[propertyName(name)];
          // A title the text gave is kept, ours after it.
          const merged = name === 'title' && typeof written === 'string' && written ? `${written} · ${value}` : value;
          if (written !== merged) ctx.setProperty(node, propertyName(name), merged);
        }
        // Print writes an outside link's address after it, but not after a link that reads as its own.
        if (isBareAddress(textOf(node), plan.href)) ctx.setProperty(node, 'dataBare', '');
        const [before, link, after] = beside;
        besides.push(`${before}${link.text}${after}`);
        ctx.insertAfter(node, {
          type: 'element',
          tagName: 'small',
          properties: { className: [BESIDE_CLASS] },
          children: [...text(before), besideLink(link), ...text(after)],
        });
      },
    },
  });
}

function insideCode(node: Readonly<Element>, ctx: HastVisitorContext): boolean {
  for (let parent = ctx.parent(node); parent?.type === 'element'; parent = ctx.parent(parent)) {
    if (CODE_ELEMENTS.has(parent.tagName)) return true;
  }
  return false;
}

function besideLink({ href, text: label, attributes }: BesideLink): Element {
  const properties: Properties = {};
  for (const [name, value] of Object.entries({ href, ...attributes }))
    properties[propertyName(name)] = name === 'rel' ? value.split(' ') : value;
  return { type: 'element', tagName: 'a', properties, children: text(label) };
}

/** The text inside an element. */
function textOf(node: Readonly<Element | ElementContent>): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

const text = (value: string): ElementContent[] => (value ? [{ type: 'text', value }] : []);

/**
 * The hast property of an HTML attribute.
 * @example propertyName('data-versiondate') // 'dataVersiondate'
 */
function propertyName(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
