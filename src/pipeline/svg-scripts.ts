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
 * A document's texts as browsers may decode it: UTF-16 told by its byte order mark or by a first
 * `<` written in it, else UTF-8 (what a host's `charset=utf-8` makes of it too); and, when its XML
 * declaration names another encoding (`encoding="ISO-2022-JP"`, whose escapes vanish when
 * decoded), that reading as well, which a browser takes from a host that sends no charset.
 * @example documentTexts(Buffer.from([0xff, 0xfe, 0x3c, 0x00])) // ['<']
 */
export function documentTexts(bytes: Uint8Array): string[] {
  const [first, second] = bytes;
  const utf16 =
    (first === 0xff && second === 0xfe) || (first === 0x3c && second === 0x00)
      ? 'utf-16le'
      : (first === 0xfe && second === 0xff) || (first === 0x00 && second === 0x3c)
        ? 'utf-16be'
        : undefined;
  const text = new TextDecoder(utf16 ?? 'utf-8').decode(bytes);
  const named = utf16 ? undefined : /^\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  const declared = named === undefined ? undefined : decoderFor(named);
  return declared && declared.encoding !== 'utf-8' ? [text, declared.decode(bytes)] : [text];
}

/** The scripts of a document's bytes in every reading of them (`documentTexts`), each once. */
export function documentScripts(bytes: Uint8Array): SvgScript[] {
  const found = new Map(
    documentTexts(bytes).flatMap((text) => svgScripts(text).map((script) => [`${script.line} ${script.written}`, script])),
  );
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** A decoder for an encoding's label, if there is one (a browser decodes no markup in the others). */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * The scripts of an SVG file, each at its line: script elements and what loads a document, event
 * handler attributes, and addresses that run script, prefixed names too (`svg:script`,
 * `xlink:href`), entities decoded as a browser decodes them, those its DTD declares included; and
 * an XSLT stylesheet (`<?xml-stylesheet type="text/xsl"?>`), which may write any of them.
 * @example svgScripts('<svg onload="alert(1)"/>') // [{ line: 1, written: 'onload' }]
 */
export function svgScripts(svg: string): SvgScript[] {
  const { found, expanded } = expandEntities(svg);
  return [...found, ...defaultScripts(expanded), ...markupScripts(expanded)].sort((a, b) => a.line - b.line);
}

/** The scripts of the markup itself, at their lines. */
function markupScripts(svg: string): SvgScript[] {
  const found: SvgScript[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(svg, parser.startIndex, 1);
        if (ACTIVE_ELEMENTS.has(localName(name))) found.push({ line, written: `<${name}>` });
        for (const [attribute, value] of Object.entries(attributes)) {
          const written = attributeScript(attribute, value);
          if (written) found.push({ line, written });
        }
      },
      // An XSLT stylesheet writes the document anew, and may write a script into it; CSS cannot.
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() !== '?xml-stylesheet') return;
        const type = /\stype\s*=\s*(["'])(.*?)\1/.exec(data)?.[2];
        if (type !== undefined && type.trim().toLowerCase() !== 'text/css')
          found.push({ line: lineAt(svg, parser.startIndex, 1), written: `<?xml-stylesheet type="${type}"?>` });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  return found;
}

/** How the check names an attribute that runs script (a handler, `srcdoc`, a `javascript:` address), if it is one. */
function attributeScript(attribute: string, value: string): string | undefined {
  const local = localName(attribute);
  if (local.startsWith('on') || local === 'srcdoc') return attribute;
  return SCRIPT_ADDRESS.test(value.replace(/[\u0000-\u0020]/g, '')) ? `${attribute}="javascript:…"` : undefined;
}

/** An attribute list the DTD declares for an element, its definitions as written (quoted values whole). */
const ATTLIST_DECLARATION = /<!ATTLIST\s+([^\s>]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** One attribute's definition in an attribute list, with its default value when it gives one. */
const ATTRIBUTE_DEFINITION =
  /([^\s"'()|]+)\s+(?:CDATA|ID|IDREFS?|ENTITY|ENTITIES|NMTOKENS?|(?:NOTATION\s*)?\([^)]*\))\s+(?:#REQUIRED|#IMPLIED|(?:#FIXED\s+)?(?:"([^"]*)"|'([^']*)'))/g;

/**
 * The scripts the DTD sets as default attributes (`<!ATTLIST svg onload CDATA "alert(1)">`), which
 * the browser gives every such element, at their declarations' lines.
 */
function defaultScripts(svg: string): SvgScript[] {
  return [...svg.matchAll(ATTLIST_DECLARATION)].flatMap(({ 0: declaration, 1: element, 2: definitions = '', index }) =>
    [...definitions.matchAll(ATTRIBUTE_DEFINITION)].flatMap(({ 1: attribute = '', 2: double, 3: single }) => {
      const value = double ?? single;
      const written = value === undefined ? undefined : attributeScript(attribute, decodeReferences(value));
      if (!written) return [];
      return [{ line: lineAt(svg, index + declaration.indexOf(attribute), 1), written: `<!ATTLIST ${element} ${written}>` }];
    }),
  );
}

/** A name without its namespace prefix, in lower case (`svg:Script` is `script`). */
const localName = (name: string) => name.replace(/^[^:]*:/, '').toLowerCase();

/**
 * An entity declared in the DTD, its value in quotes; a `%` makes it a parameter entity, which
 * declares what it holds only once the DTD reads it.
 */
const ENTITY_DECLARATION = /<!ENTITY\s+(%\s+)?([^\s"'%>]+)\s+(?:"([^"]*)"|'([^']*)')[^>]*>/g;

/** Past this, an entity's expansion is not read further: the browser refuses such an image too. */
const MAX_EXPANSION = 100_000;

/**
 * The image as the browser reads it once its DTD's entities are expanded where they are used
 * (`&x;` with `<!ENTITY x "&#60;script…">` is a script there; line breaks in a value become
 * spaces, so the lines stay those written), without the declarations (their lines kept); and what
 * cannot be read that way: a parameter entity, which declares what it holds only once read (an
 * image needs none), and an expansion too large, each at its declaration's line.
 */
function expandEntities(svg: string): { found: SvgScript[]; expanded: string } {
  const values = new Map<string, string>();
  const found: SvgScript[] = [];
  const rest = svg.replace(
    ENTITY_DECLARATION,
    (declaration, parameter: string | undefined, name: string, double?: string, single?: string, at = 0) => {
      if (parameter) found.push({ line: lineAt(svg, Number(at), 1), written: `<!ENTITY % ${name}>` });
      else values.set(name, decodeCharacterReferences(double ?? single ?? ''));
      return declaration.replace(/[^\n]/g, '');
    },
  );
  const expanded = rest.replace(/&([^\s&;#]+);/g, (reference, name: string, at: number) => {
    const value = values.get(name);
    if (value === undefined) return reference;
    const whole = expand(value, values);
    if (whole === undefined) found.push({ line: lineAt(rest, at, 1), written: `&${name}; (too large to read)` });
    return (whole ?? '').replace(/[\r\n]/g, ' ');
  });
  return { found, expanded };
}

/** An entity's value with the entities it uses expanded in turn; undefined past `MAX_EXPANSION`. */
function expand(value: string, values: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (value.length > MAX_EXPANSION || depth > 16) return undefined;
  let longer = false;
  const once = value.replace(/&([^\s&;#]+);/g, (reference, name: string) => {
    const used = values.get(name);
    if (used === undefined) return reference;
    longer = true;
    return used;
  });
  return longer ? expand(once, values, depth + 1) : once;
}

/** Character references decoded, as a declaration's value is read (`&#60;` is `<`); the others left as written. */
const decodeCharacterReferences = (text: string) =>
  text.replace(/&#(?:x([0-9a-f]+)|(\d+));/gi, (reference, hex?: string, decimal?: string) => {
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** An attribute's value as the browser reads it: character references and XML's five named ones decoded. */
const decodeReferences = (text: string) =>
  decodeCharacterReferences(text).replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => PREDEFINED[name] ?? '');
