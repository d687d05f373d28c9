import { describe, expect, it } from 'vitest';
import { mdastToText, needsRendering, parseMarkdown, renderMarkdown } from '../../../src/pipeline/markdown.ts';
import { htmlToText } from '../../../src/lib/search/page/matcher.ts';

const site = new URL('https://digest.example.org');
const render = (markdown: string) => renderMarkdown(markdown, { site });

describe("rendering contributors' Markdown", () => {
  it('keeps ordinary formatting, lists, tables and code', () => {
    const html = render('**粗体** *斜体* `code`\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\nnova boot\n```');
    expect(html).toContain('<strong>粗体</strong>');
    expect(html).toContain('<li>一</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toMatch(/<pre><code class="language-sh">nova boot\n<\/code><\/pre>/);
  });

  it('drops scripts, handlers, frames, forms and styles with their contents', () => {
    const html = render(
      '<script>alert(1)</script>\n\n<b onclick="x()">b</b> <iframe src="https://evil.example"></iframe>\n\n<form><input></form><style>body{}</style>',
    );
    expect(html).not.toMatch(/script|onclick|iframe|form|input|style|alert/);
    expect(html).toContain('<b>b</b>');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/x', 'jav&#x61;script:x'])(
    'removes the link target %s',
    (href) => {
      const html = render(`[x](${href}) <a href="${href}">y</a>`);
      expect(html).not.toContain('href');
      expect(html).not.toContain('rel=');
    },
  );

  it('marks links to other sites as external and safe', () => {
    expect(render('[OpenStack](https://www.openstack.org/)')).toBe(
      '<p><a href="https://www.openstack.org/" rel="external noopener noreferrer">OpenStack</a></p>\n',
    );
  });

  it('leaves links within the site alone', () => {
    expect(render('[第八期](/issues/8/#heat) [abs](https://digest.example.org/projects/)')).not.toContain('rel=');
  });

  it('turns images from other hosts into links, so pages fetch nothing elsewhere', () => {
    expect(render('![架构图](http://example.com/a.png)')).toBe(
      '<p><a href="http://example.com/a.png" rel="external noopener noreferrer">架构图</a></p>\n',
    );
    expect(render('![本地](/images/a.png)')).toContain('<img src="/images/a.png" alt="本地" loading="lazy" />');
  });

  it('links bare URLs and keeps escaped characters as text', () => {
    expect(render('见 https://wiki.openstack.org/wiki/Nova 与 a\\_b')).toContain(
      '<a href="https://wiki.openstack.org/wiki/Nova" rel="external noopener noreferrer">',
    );
    expect(render('a\\_b')).toBe('<p>a_b</p>\n');
  });
});

describe('the plain text of Markdown, for the search index', () => {
  const samples = [
    '**粗体** *斜体* `code` ~~删除~~ [链接](https://x.org) 与 <https://example.org/a_b>，后面\n\n第二段  \n换行之后',
    '- 一\n- 二\n  - 二之一\n\n1. 甲\n2. 乙',
    '| a | b |\n|---|---|\n| 1 | 2 |\n\n> 引用 **粗**\n\n```sh\nnova boot --flavor 1\n```',
    'Nova & Neutron &amp; 5 < 6 [ref][1] 结束\n\n[1]: https://example.org/ref',
    '### 小标题\n\n---\n\n正文 a\\_b https://wiki.openstack.org/wiki/Nova',
  ];

  it.each(samples)('reads the same words off the syntax tree as off the rendered page: %#', (markdown) => {
    const tree = parseMarkdown(markdown);
    expect(needsRendering(tree)).toBe(false);
    expect(mdastToText(tree)).toBe(htmlToText(render(markdown)));
  });

  it.each(['<b>raw</b> 文字', '<script>x()</script>', '![图](/a.png)', '![图][1]\n\n[1]: /a.png'])(
    'leaves raw HTML and images to rendering: %s',
    (markdown) => {
      expect(needsRendering(parseMarkdown(markdown))).toBe(true);
    },
  );
});
