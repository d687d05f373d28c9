import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/pipeline/render.ts';
import { site } from '../helpers.ts';

const page = { site, pagePath: '/issues/8/' };
const render = (markdown: string) => renderText(markdown, { page }).parts[0] ?? { html: '', text: '' };
const html = (markdown: string) => render(markdown).html;

describe("rendering contributors' Markdown", () => {
  it('keeps ordinary formatting, lists, tables and code', () => {
    const out = html('**粗体** *斜体* `code`\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\nnova boot\n```');
    expect(out).toContain('<strong>粗体</strong>');
    expect(out).toContain('<li>一</li>');
    expect(out).toContain('<td>1</td>');
    expect(out).toContain('<table tabindex="0">');
    expect(out).toMatch(/<pre tabindex="0"><code class="language-sh">nova boot\n<\/code><\/pre>/);
  });

  it("keeps a table column's alignment as an attribute, since the page's policy refuses styles", () => {
    const out = html(
      '| 公司 | 数量 | 金额 |\n| :--- | :---: | ---: |\n| 甲 | 2 | 3 |\n\n<table><tr><td style="text-align:center;color:red">x</td></tr></table>',
    );
    expect(out.replace(/\n+/g, '\n')).toContain('<th align="left">公司</th>\n<th align="center">数量</th>\n<th align="right">金额</th>');
    expect(out).toContain('<td align="center">2</td>');
    expect(out).not.toContain('style');
    expect(out).toContain('<td>x</td>');
    expect(html('<table><tr><td align="center&quot; onmouseover=&quot;x()">y</td><td align="RIGHT">z</td></tr></table>')).toMatch(
      /<td>y<\/td>\s*<td align="RIGHT">z<\/td>/,
    );
  });

  it('links an address written as the text of an HTML link once, not again inside it', () => {
    for (const markdown of [
      '见 <a href="https://example.com/x">https://example.com/x</a> 文。',
      '<a href="https://example.com/x">www.example.com/x</a>',
    ]) {
      const out = html(markdown);
      expect(out.match(/<a /g), out).toHaveLength(1);
      expect(out).toMatch(/<a href="https:\/\/example.com\/x"[^>]*>(?:https:\/\/|www\.)example.com\/x<\/a>/);
    }
    // A bare address after the HTML link is closed is linked as ever.
    expect(html('<a href="https://example.com/x">x</a> https://example.org/y').match(/<a /g)).toHaveLength(2);
    expect(html('<a name="nova"> https://example.org/y')).toContain('<a href="https://example.org/y"');
  });

  it('keeps what an abbreviation stands for, a highlight and a reading over characters', () => {
    const out = html(
      '<abbr title="Project Team Lead" onclick="x()">PTL</abbr> <mark>重点</mark> <ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby> <q>引文</q>',
    );
    expect(out).toBe(
      '<p><abbr title="Project Team Lead">PTL</abbr> <mark>重点</mark> <ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby> <q>引文</q></p>',
    );
  });

  it('keeps the language an element says it is in, when it is a language tag', () => {
    expect(html('<span lang="en">Nova</span>计算 <i lang="zh-Hant">華為</i> <b lang="en onmouseover=x()">x</b>')).toBe(
      '<p><span lang="en">Nova</span>计算 <i lang="zh-Hant">華為</i> <b>x</b></p>',
    );
  });

  it('removes explicit direction controls from text, code, link text and raw HTML, written or as references', () => {
    const out = render('[\u202Egnp.exe](/a.png) `\u202Ex` &#x202E;y <b title="&#8238;t">\u2067z</b>\n\n```\n\u202Ecode\n```');
    expect(out.html).toMatch(
      /^<p><a href="\/a.png">gnp.exe<\/a> <code>x<\/code> y <b>z<\/b><\/p>\s*<pre tabindex="0"><code>code\n<\/code><\/pre>$/,
    );
    expect(out.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('drops scripts, handlers, frames, forms and styles with their contents', () => {
    const out = render(
      '<script>alert(1)</script>\n\n<b onclick="x()">b</b> <iframe src="javascript:alert(2)"><b>框架里</b></iframe>\n\n<form><input></form><style>body{}</style>',
    );
    expect(out.html).not.toMatch(/script|onclick|iframe|form|input|style|alert|框架里/);
    expect(out.html).toContain('<b>b</b>');
    expect(out.text).toBe('b');
  });

  it('keeps what a frame, plugin or media element showed as a link after it, and their fallback text', () => {
    const out = render(
      [
        '视频：<iframe src="http://video.example.com/v1" title="发布会视频"></iframe>',
        '<object data="https://v.example.com/a.swf">不支持插件时的文字</object>',
        '<video src="https://v.example.com/b.mp4">不支持视频时的文字</video> <embed src="//evil.example/x"> <iframe src="vbscript:x"></iframe>',
      ].join('\n'),
    );
    const link = (href: string, text = href) => `<a href="${href}" rel="external noopener noreferrer">${text}</a>`;
    expect(out.html).toBe(
      `<p>视频： ${link('http://video.example.com/v1', '发布会视频')}\n不支持插件时的文字 ${link('https://v.example.com/a.swf')}\n` +
        `不支持视频时的文字 ${link('https://v.example.com/b.mp4')}  </p>`,
    );
  });

  it('keeps the text of elements it does not allow, and of raw blocks, on lines of their own', () => {
    const out = render('<div><p>first</p><p>second</p></div><font color="red">red</font> a<br>b');
    expect(out.html).not.toMatch(/<div|<font|color/);
    expect(out.text).toBe('first\nsecond\nred a\nb');
  });

  it('keeps what an obsolete strike, teletype or acronym element meant, as the element that took its place', () => {
    const out = render('<strike title="x" onclick="y()">作废的计划</strike>，<tt class="a">nova-manage</tt>，<STRIKE>旧<b>版</b></STRIKE>');
    expect(out.html).toBe('<p><s>作废的计划</s>，<code>nova-manage</code>，<s>旧<b>版</b></s></p>');
    expect(out.text).toBe('作废的计划，nova-manage，旧版');
    expect(html('<constructor>名</constructor><toString>字</toString>')).toBe('<p>名字</p>');
    expect(html('<acronym title="Project Team Lead" onclick="x()">PTL</acronym>')).toBe(
      '<p><abbr title="Project Team Lead">PTL</abbr></p>',
    );
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/x', 'jav&#x61;script:x'])(
    'removes the link target %s',
    (href) => {
      const out = html(`[x](${href}) <a href="${href}">y</a>`);
      expect(out).not.toContain('href');
      expect(out).not.toContain('rel=');
    },
  );

  it('never writes an address a browser would read as another host without a scheme', () => {
    // Markdown escapes the backslash into the path; raw HTML keeps it, and the browser would read `/\` as `//`.
    expect(html('[x](/\\evil.example/x) <a href="/\\evil.example/y">y</a>')).toBe('<p><a href="/%5Cevil.example/x">x</a> <a>y</a></p>');
  });

  it('marks links to other sites as external and safe', () => {
    expect(html('[OpenStack](https://www.openstack.org/)')).toBe(
      '<p><a href="https://www.openstack.org/" rel="external noopener noreferrer">OpenStack</a></p>',
    );
  });

  it('writes links within the site as site paths, resolved against the page, never marked', () => {
    expect(html('[第八期](/issues/8/#heat) [abs](https://digest.example.org/projects/) [rel](../7/) [here](#nova)')).toBe(
      '<p><a href="/issues/8/#heat">第八期</a> <a href="/projects/">abs</a> <a href="/issues/7/">rel</a> <a href="/issues/8/#nova">here</a></p>',
    );
  });

  it('reads an address with a scheme as absolute, whatever scheme the page is served over', () => {
    expect(html('[x](https:evil.example/a) <a title="t" href="HTTPS:evil.example/b">y</a>')).toBe(
      '<p><a href="https://evil.example/a" rel="external noopener noreferrer">x</a> <a title="t" href="https://evil.example/b" rel="external noopener noreferrer">y</a></p>',
    );
  });

  it('turns images from other hosts into links, so pages fetch nothing elsewhere', () => {
    expect(html('![架构图](http://example.com/a.png)')).toBe(
      '<p><a href="http://example.com/a.png" rel="external noopener noreferrer">架构图</a></p>',
    );
    expect(html('![跨](https:evil.example/a.png)')).toBe(
      '<p><a href="https://evil.example/a.png" rel="external noopener noreferrer">跨</a></p>',
    );
    expect(html('![架构图](http://example.com/a.png "Nova 架构")')).toBe(
      '<p><a href="http://example.com/a.png" title="Nova 架构" rel="external noopener noreferrer">架构图</a></p>',
    );
    expect(html('![本地](/images/a.png)')).toBe('<p><img src="/images/a.png" alt="本地" loading="lazy"></p>');
    expect(html('<img src="//evil.example/a.png" alt="协议相对">')).toBe('协议相对');
  });

  it('keeps a linked image from elsewhere as two links, one after the other, never one inside the other', () => {
    expect(html('[![架构图](https://img.example.com/a.png)](https://blog.example.com/post)')).toBe(
      '<p><a href="https://blog.example.com/post" rel="external noopener noreferrer">架构图</a> ' +
        '<a href="https://img.example.com/a.png" rel="external noopener noreferrer">https://img.example.com/a.png</a></p>',
    );
    expect(html('<a href="/issues/7/"><b><img src="https://img.example.com/b.png" alt="b"></b></a>')).toBe(
      '<p><a href="/issues/7/"><b>b</b></a> <a href="https://img.example.com/b.png" rel="external noopener noreferrer">https://img.example.com/b.png</a></p>',
    );
  });

  it('joins Chinese lines wrapped inside a paragraph without a space, as CSS asks and Chromium does not', () => {
    const wrapped = render('编辑器里\n按八十列折行。\n下一句，**粗\n体**继续 Nova\n与中文\n和 English\nwords，\n`代码\n里`');
    expect(wrapped.html).toBe(
      '<p>编辑器里按八十列折行。下一句，<strong>粗体</strong>继续 Nova\n与中文和 English\nwords，\n<code>代码 里</code></p>',
    );
    expect(wrapped.text).toBe('编辑器里按八十列折行。下一句，粗体继续 Nova\n与中文和 English\nwords，\n代码 里');
    expect(html('Windows 的\r\n换行\r\n也一样')).toBe('<p>Windows 的换行也一样</p>');
    expect(html('> 引用一\n> 引用二\n\n- 列表一\n  列表二\n\n```\n代码一\n代码二\n```')).toBe(
      '<blockquote>\n<p>引用一引用二</p>\n</blockquote>\n<ul>\n<li>列表一列表二</li>\n</ul>\n<pre tabindex="0"><code>代码一\n代码二\n</code></pre>',
    );
  });

  it('shows the address of a link written without text, which would be invisible, and keeps a linked image', () => {
    const out = render('[](https://example.org/x) 与 <a href="/issues/7/"> </a> 与 [![图](/favicon.svg)](/issues/7/)');
    expect(out.html).toBe(
      '<p><a href="https://example.org/x" rel="external noopener noreferrer">https://example.org/x</a> 与 <a href="/issues/7/"> /issues/7/</a> 与 <a href="/issues/7/"><img src="/favicon.svg" alt="图" loading="lazy"></a></p>',
    );
    expect(out.text).toBe('https://example.org/x 与 /issues/7/ 与');
  });

  it('links bare URLs and keeps escaped characters as text', () => {
    expect(html('见 https://wiki.openstack.org/wiki/Nova 与 a\\_b')).toContain(
      '<a href="https://wiki.openstack.org/wiki/Nova" rel="external noopener noreferrer">',
    );
    expect(html('a\\_b')).toBe('<p>a_b</p>');
  });
});

describe('the plain text of a part, from the same tree as its HTML', () => {
  it.each([
    [
      '**粗体** *斜体* `code` ~~删除~~ [链接](https://x.org) 与 <https://example.org/a_b>，后面\n\n第二段  \n换行之后',
      '粗体 斜体 code 删除 链接 与 https://example.org/a_b，后面\n第二段\n换行之后',
    ],
    ['- 一\n- 二\n  - 二之一\n\n1. 甲\n2. 乙', '一\n二\n二之一\n甲\n乙'],
    ['| a | b |\n|---|---|\n| 1 | 2 |\n\n> 引用 **粗**\n\n```sh\nnova boot --flavor 1\n```', 'a\nb\n1\n2\n引用 粗\nnova boot --flavor 1'],
    ['Nova & Neutron &amp; 5 < 6 [ref][1] 结束\n\n[1]: https://example.org/ref', 'Nova & Neutron & 5 < 6 ref 结束'],
    ['![外链图](https://x.org/a.png) ![本地图](/a.png)', '外链图'],
  ])('%#: %s', (markdown, text) => {
    expect(render(markdown).text).toBe(text);
  });
});
