import { describe, expect, it } from 'vitest';
import { documentTexts, svgScripts } from '../../../src/pipeline/svg-scripts.ts';

const written = (svg: string) => svgScripts(svg).map(({ written }) => written);

describe('the scripts of an SVG image', () => {
  it('finds script elements, with or without a prefix, at their lines', () => {
    expect(svgScripts('<svg xmlns="http://www.w3.org/2000/svg">\n<rect/>\n<script>alert(1)</script>\n</svg>')).toEqual([
      { line: 3, written: '<script>' },
    ]);
    expect(written('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script href="/x.js"/></svg:svg>')).toEqual(['<svg:script>']);
    expect(written('<svg><SCRIPT>alert(1)</SCRIPT></svg>')).toEqual(['<SCRIPT>']);
  });

  it('finds event handlers on any element, an animation’s among them', () => {
    expect(written('<svg onload="alert(1)"><animate onbegin="alert(2)" attributeName="x"/><a ONCLICK="x()"/></svg>')).toEqual([
      'onload',
      'onbegin',
      'ONCLICK',
    ]);
  });

  it('finds addresses that run script, however the scheme is written', () => {
    expect(
      written(
        [
          '<svg xmlns:xlink="http://www.w3.org/1999/xlink">',
          '<a href="javascript:alert(1)"><text>a</text></a>',
          '<a xlink:href=" JaVaScRiPt:alert(2)"/>',
          '<a href="java&#x09;script:alert(3)"/>',
          '<a href="&#106;avascript:alert(4)"/>',
          '<set attributeName="href" to="javascript:alert(5)"/>',
          '<animate attributeName="href" values="#a;javascript:alert(6)"/>',
          '</svg>',
        ].join('\n'),
      ),
    ).toEqual([
      'href="javascript:…"',
      'xlink:href="javascript:…"',
      'href="javascript:…"',
      'href="javascript:…"',
      'to="javascript:…"',
      'values="javascript:…"',
    ]);
  });

  it('finds what loads a document of its own inside the image', () => {
    expect(
      written(
        '<svg><foreignObject><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/><embed src="x.html"/><object data="x.html"/></foreignObject></svg>',
      ),
    ).toEqual(['<iframe>', 'srcdoc', '<embed>', '<object>']);
  });

  it('finds scripts an entity of the image’s DTD writes, which the browser expands where it is used', () => {
    const declared = (entities: string, body: string) =>
      written(`<?xml version="1.0"?>\n<!DOCTYPE svg [\n${entities}\n]>\n<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`);
    expect(declared('<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">', '&x;')).toEqual(['<script>']);
    expect(declared(`<!ENTITY y '<rect onload="alert(2)"/>'>`, '&y;')).toEqual(['onload']);
    // Split across entities, whole only once one expands the others.
    expect(declared('<!ENTITY a "&#60;scr">\n<!ENTITY b "ipt>alert(3)</script>">\n<!ENTITY c "&a;&b;">', '&c;')).toEqual(['<script>']);
    expect(declared('<!ENTITY j "java">', '<a href="&j;script:alert(4)"/>')).toEqual(['href="javascript:…"']);
    // A parameter entity declares what it holds only once read: an image needs none.
    expect(declared('<!ENTITY % p "&#60;!ENTITY x \'&#60;script>alert(5)&#60;/script>\'>">\n%p;', '&x;')).toEqual(['<!ENTITY % p>']);
    expect(declared('<!ENTITY a "&a;">', '&a;')).toEqual(['&a; (too large to read)']);
    expect(svgScripts('<!DOCTYPE svg [\n<!ENTITY x "<script>alert(6)</script>">\n]>\n<svg>\n&x;</svg>')).toEqual([
      { line: 5, written: '<script>' },
    ]);
  });

  it('finds handlers and script addresses the DTD gives elements by default, which the browser sets on each', () => {
    const declared = (attlist: string) =>
      svgScripts(`<?xml version="1.0"?>\n<!DOCTYPE svg [\n${attlist}\n]>\n<svg xmlns="http://www.w3.org/2000/svg"><a><rect/></a></svg>`);
    expect(declared(`<!ATTLIST svg onload CDATA "alert('attlist')">`)).toEqual([{ line: 3, written: '<!ATTLIST svg onload>' }]);
    expect(
      declared('<!ATTLIST a\n  id ID #IMPLIED\n  href CDATA #FIXED " java&#x09;script:alert(2)">').map(({ written }) => written),
    ).toEqual(['<!ATTLIST a href="javascript:…">']);
    expect(declared('<!ENTITY j "javascript">\n<!ATTLIST a href CDATA \'&j;:alert(3)\'>').map(({ written }) => written)).toEqual([
      '<!ATTLIST a href="javascript:…">',
    ]);
    // Declared without a default, or with a harmless one, they set nothing that runs.
    expect(declared('<!ATTLIST svg onload CDATA #IMPLIED xml:space (default|preserve) "preserve">')).toEqual([]);
  });

  it('finds an XSLT stylesheet, which writes the document anew with any script; a CSS one passes', () => {
    const styled = (instruction: string) => svgScripts(`<?xml version="1.0"?>\n${instruction}\n<svg xmlns="http://www.w3.org/2000/svg"/>`);
    expect(styled('<?xml-stylesheet type="text/xsl" href="/files/t.xsl"?>')).toEqual([
      { line: 2, written: '<?xml-stylesheet type="text/xsl"?>' },
    ]);
    expect(styled("<?xml-stylesheet href='t.xsl' type = ' Application/XML '?>").map(({ written }) => written)).toEqual([
      '<?xml-stylesheet type=" Application/XML "?>',
    ]);
    expect(styled('<?xml-stylesheet type="text/css" href="/files/a.css"?>')).toEqual([]);
    expect(styled('<?xml-stylesheet href="/files/a.css"?>')).toEqual([]);
  });

  it('passes the entities of a drawing program’s export, which name namespaces', () => {
    expect(
      svgScripts(
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n<!ENTITY r "<rect width=\'4\' height=\'4\'/>">\n]>\n<svg xmlns="&ns_svg;">&r;</svg>',
      ),
    ).toEqual([]);
  });

  it('finds nothing in an image that only draws, links and animates', () => {
    expect(
      svgScripts(
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<!-- onload="x" in a comment -->',
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" opacity="0.5">',
          '<style>.a { fill: #08c }</style>',
          '<defs><linearGradient id="g" offset="0"/></defs>',
          '<a href="https://www.openstack.org/"><text>javascript: a word in text</text></a>',
          '<use xlink:href="#g"/>',
          '<animate attributeName="opacity" values="0;1" dur="1s"/>',
          '<rect class="a" width="10" height="10" orient="auto"/>',
          '</svg>',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('the texts of a document, as browsers may decode it', () => {
  const svg = '<svg><script>alert(1)</script></svg>';
  it.each([
    ['UTF-8', Buffer.from(svg)],
    ['UTF-8 with its byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(svg)])],
    ['UTF-16LE with its byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svg, 'utf16le')])],
    ['UTF-16BE with its byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(svg, 'utf16le').swap16()])],
    ['UTF-16BE without one, told by its first <', Buffer.from(svg, 'utf16le').swap16()],
    ['UTF-16LE without one', Buffer.from(svg, 'utf16le')],
  ])('reads %s', (_, bytes) => {
    expect(documentTexts(bytes)).toEqual([svg]);
  });

  it('reads it also in the encoding its XML declaration names, which a host sending no charset leaves to it', () => {
    // ISO-2022-JP's escape back to ASCII vanishes when decoded, joining what it splits.
    const declared = Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?>\n<svg><scr\x1b(Bipt>alert(2)</script></svg>', 'latin1');
    const texts = documentTexts(declared);
    expect(texts).toHaveLength(2);
    expect(texts.flatMap(svgScripts)).toEqual([{ line: 2, written: '<script>' }]);
    // An encoding no browser decodes markup in is no other reading.
    expect(documentTexts(Buffer.from('<?xml version="1.0" encoding="x-unknown"?><svg/>'))).toHaveLength(1);
    expect(documentTexts(Buffer.from("<?xml version='1.0' encoding='utf-8'?><svg/>"))).toHaveLength(1);
  });
});
