import { describe, expect, it } from 'vitest';
import { demoteHeadings } from '../../src/lib/html-headings.ts';

describe('demoting the headings of rendered HTML', () => {
  it('moves each heading down, h6 at most, and leaves the rest as it is', () => {
    expect(demoteHeadings('<h3>热迁移</h3>\n<p>x</p>\n<h4>细节</h4><H5>a</H5><h6>b</h6>', 1)).toBe(
      '<h4>热迁移</h4>\n<p>x</p>\n<h5>细节</h5><h6>a</h6><h6>b</h6>',
    );
    expect(demoteHeadings('<h3>a</h3>', 0)).toBe('<h3>a</h3>');
    expect(demoteHeadings('<p>no heading</p>', 1)).toBe('<p>no heading</p>');
  });

  it('takes no tag name in an attribute value or in escaped text for a heading', () => {
    const html = '<p><a href="/x" title="<h3>标题</h3>">链接</a> <code>&lt;h3&gt;</code></p><h3 id="a">b</h3>';
    expect(demoteHeadings(html, 1)).toBe('<p><a href="/x" title="<h3>标题</h3>">链接</a> <code>&lt;h3&gt;</code></p><h4 id="a">b</h4>');
  });
});
