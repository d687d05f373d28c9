import { describe, expect, it } from 'vitest';
import { unclosedFormatting, unclosedHtml } from '../../../src/pipeline/unclosed-html.ts';

describe('raw HTML left open', () => {
  it('finds a comment never closed, on the line it opens', () => {
    expect(unclosedHtml([{ value: '<!-- 译者注：\n待补充\n\n## Nova\n\n正文', line: 7 }])).toEqual([{ tag: '<!--', name: '', line: 7 }]);
    expect(unclosedHtml([{ value: '前言\n<!-- 未闭合', line: 3 }])).toEqual([{ tag: '<!--', name: '', line: 4 }]);
  });

  it('finds a dropped element never closed, across the pieces after it', () => {
    expect(
      unclosedHtml([
        { value: '<template>', line: 5 },
        { value: '<b>', line: 9 },
      ]),
    ).toEqual([{ tag: '<template>', name: 'template', line: 5 }]);
    expect(unclosedHtml([{ value: '<style type="text/css">\nbody { color: red }', line: 2 }])).toEqual([
      { tag: '<style type="text/css">', name: 'style', line: 2 },
    ]);
    expect(unclosedHtml([{ value: '<SELECT name="x">', line: 4 }])).toEqual([{ tag: '<SELECT name="x">', name: 'select', line: 4 }]);
  });

  it('reads <!--> and <!---> as comments already closed, as HTML does', () => {
    expect(unclosedHtml([{ value: '<!-->', line: 1 }])).toEqual([]);
    expect(unclosedHtml([{ value: '<!--->', line: 1 }])).toEqual([]);
  });

  it('leaves closed comments and elements, elements kept or unwrapped, void ones, and tags inside comments or scripts', () => {
    expect(
      unclosedHtml([
        { value: '<!-- <style> -->', line: 1 },
        { value: '<template>', line: 3 },
        { value: '</template>', line: 5 },
        { value: '<script>if (a <template> b) {}</script><style>p {}</STYLE>', line: 7 },
        { value: '<div><b>', line: 9 },
        { value: '<input type="text"><meta charset="utf-8"><svg/><button/>', line: 11 },
        // Closed by the end of their paragraph, or by the next block.
        { value: '<svg onload=alert(1)><math><option>', line: 13 },
      ]),
    ).toEqual([]);
  });
});

describe('formatting elements left open', () => {
  it('finds <b>, <i>, <strong>, <code> never closed, across pieces and blocks, on the line they open', () => {
    expect(
      unclosedFormatting([
        { value: '<b>', line: 3 },
        { value: '<i>', line: 5 },
        { value: '</i>', line: 7 },
        { value: '<div>\n<STRONG class="x">\n</div>', line: 9 },
        { value: '<code/>', line: 12 },
      ]),
    ).toEqual([
      { tag: '<b>', name: 'b', line: 3 },
      { tag: '<STRONG class="x">', name: 'strong', line: 10 },
      { tag: '<code/>', name: 'code', line: 12 },
    ]);
  });

  it('finds a link left open when the next one starts, as the next one ends it', () => {
    expect(
      unclosedFormatting([
        { value: '<a href="https://x.org/">', line: 2 },
        { value: '<a href="https://y.org/">', line: 4 },
        { value: '</a>', line: 4 },
      ]),
    ).toEqual([{ tag: '<a href="https://x.org/">', name: 'a', line: 2 }]);
  });

  it('leaves closed ones, other elements, and tags inside comments or scripts', () => {
    expect(
      unclosedFormatting([
        { value: '<b>', line: 1 },
        { value: '</b>', line: 1 },
        { value: '<em>跨段', line: 3 },
        { value: '</em>', line: 5 },
        { value: '<span><div><p>', line: 7 },
        { value: '<!-- <b> -->', line: 9 },
        { value: '<div><!-- <i>\n --><script>if (a <b) {}</script></div>', line: 11 },
        { value: '<!-- <u> 未闭合的注释', line: 14 },
      ]),
    ).toEqual([]);
  });
});
