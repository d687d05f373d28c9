/**
 * What in an SVG image runs as script: opened by itself (`/images/chart.svg`), an SVG is a
 * document of the site's own address, and on a host that sends no Content-Security-Policy (GitHub
 * Pages, a plain file server) its scripts run there. Images a page shows through `<img>` never run
 * them; the file in `public/` is what is published. Pure.
 */
import { Parser } from 'htmlparser2';
import { lineAt } from './problems.ts';

/** Something in an SVG that runs as script, with the line it is on. */
export interface SvgScript {
  line: number;
  /** As the check names it: `<script>`, `onload`, `href="javascript:…"`. */
  written: string;
}

/** Elements that run script or load a document of their own (which may: `<iframe srcdoc>`). */
const ACTIVE_ELEMENTS = new Set(['script', 'handler', 'iframe', 'frame', 'embed', 'object']);

/**
 * An address that runs script, also as a value of an animation's list (`values="a;javascript:…"`);
 * browsers skip the spaces and control characters written inside the scheme.
 */
const SCRIPT_ADDRESS = /(?:^|;)javascript:/i;

/**
 * The scripts of an SVG file, each at its line: script elements and what loads a document, event
 * handler attributes, and addresses that run script, prefixed names too (`svg:script`,
 * `xlink:href`), entities decoded as a browser decodes them.
 * @example svgScripts('<svg onload="alert(1)"/>') // [{ line: 1, written: 'onload' }]
 */
export function svgScripts(svg: string): SvgScript[] {
  const found: SvgScript[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(svg, parser.startIndex, 1);
        if (ACTIVE_ELEMENTS.has(localName(name))) found.push({ line, written: `<${name}>` });
        for (const [attribute, value] of Object.entries(attributes)) {
          const local = localName(attribute);
          if (local.startsWith('on') || local === 'srcdoc') found.push({ line, written: attribute });
          else if (SCRIPT_ADDRESS.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push({ line, written: `${attribute}="javascript:…"` });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  return found;
}

/** A name without its namespace prefix, in lower case (`svg:Script` is `script`). */
const localName = (name: string) => name.replace(/^[^:]*:/, '').toLowerCase();
