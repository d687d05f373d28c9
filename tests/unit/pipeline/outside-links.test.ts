/** The render step for links elsewhere, on bad input above all: it never makes a link out of what was not one. */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { noLinkRules } from '../../../src/lib/outside-links.ts';
import { BREAKS_META, decodeOffsets, joinParts } from '../../../src/lib/search/contract.ts';
import { renderText } from '../../../src/pipeline/render.ts';
import { site } from '../helpers.ts';

const page = { site, pagePath: '/issues/8/' };
const outsideLinks = { day: '2014-02-15', locale: 'zh-CN', rules: noLinkRules } as const;
const render = (markdown: string, withLinks = true) =>
  renderText(markdown, { page, ...(withLinks ? { outsideLinks } : {}) }).parts[0] ?? { html: '', text: '' };
const links = (html: string) => DomUtils.getElementsByTagName('a', parseDocument(html));
/** The links of the text itself: not those the step puts beside them. */
const textLinks = (html: string) =>
  links(html)
    .filter((link) => !DomUtils.getParent(link) || DomUtils.getAttributeValue(DomUtils.getParent(link) as never, 'class') !== 'archived')
    .map((link) => ({ text: DomUtils.textContent(link), clickable: DomUtils.hasAttrib(link, 'href') }));

describe('archived copies beside links elsewhere', () => {
  it('adds one, dated to the issue, beside each outside link, with the Robust Links attributes', () => {
    expect(render('见[JumpGate](https://github.com/softlayer/jumpgate)，以及 <http://wiki.openstack.org/Heat>').html).toBe(
      '<p>见<a href="https://github.com/softlayer/jumpgate" rel="external noopener noreferrer" data-originalurl="https://github.com/softlayer/jumpgate" data-versionurl="https://web.archive.org/web/20140215/https://github.com/softlayer/jumpgate" data-versiondate="2014-02-15">JumpGate</a>' +
        '<small class="archived">（<a href="https://web.archive.org/web/20140215/https://github.com/softlayer/jumpgate" rel="external noopener noreferrer" title="Internet Archive 在2014年2月15日前后保存的副本" data-originalurl="https://github.com/softlayer/jumpgate" data-versiondate="2014-02-15">存档</a>）</small>，以及 ' +
        '<a href="http://wiki.openstack.org/Heat" rel="external noopener noreferrer" data-originalurl="http://wiki.openstack.org/Heat" data-versionurl="https://web.archive.org/web/20140215/http://wiki.openstack.org/Heat" data-versiondate="2014-02-15" data-bare="">http://wiki.openstack.org/Heat</a>' +
        '<small class="archived">（<a href="https://web.archive.org/web/20140215/http://wiki.openstack.org/Heat" rel="external noopener noreferrer" title="Internet Archive 在2014年2月15日前后保存的副本" data-originalurl="http://wiki.openstack.org/Heat" data-versiondate="2014-02-15">存档</a>）</small></p>',
    );
  });

  it('leaves the search text as it was: the labels are not the digest’s words', () => {
    const markdown = '见[JumpGate](https://github.com/softlayer/jumpgate)和<img src="https://x.example/a.png" alt="图">';
    expect(render(markdown).text).toBe(render(markdown, false).text);
  });

  it('says where the page shows the labels the search text leaves out', () => {
    const markdown =
      '见[JumpGate](https://github.com/softlayer/jumpgate)通过 [Heat](http://wiki.openstack.org/Heat) \n\n（存档）字样 [x](https://x.example/)';
    const { text, breaks } = render(markdown);
    expect(text).toBe('见JumpGate通过 Heat\n（存档）字样 x');
    expect(breaks?.map((offset) => text.slice(0, offset))).toEqual([
      '见JumpGate',
      '见JumpGate通过 Heat',
      '见JumpGate通过 Heat\n（存档）字样 x',
    ]);
    expect(render(markdown, false).breaks).toBeUndefined();
  });

  it('says where the labels are in the search record whatever the line endings and spaces of the file', () => {
    const markdown = '前言\r\n\r\n第一行\r\n第二行：\u3000\u3000Mirantis\u200b 发布 [Fuel](https://x.example/fuel)，见\r\n下文';
    const part = render(markdown);
    // The search record flattens each part again: the places must hold in what it makes of them.
    const { content, meta } = joinParts([{ text: part.text, ...(part.breaks ? { breaks: part.breaks } : {}) }]);
    // Lines wrapped between Chinese characters join without a space, as on the page.
    expect(content).toBe('前言 第一行第二行： Mirantis 发布 Fuel，见下文');
    expect(decodeOffsets(meta[BREAKS_META]).map((offset) => content.slice(0, offset))).toEqual(['前言 第一行第二行： Mirantis 发布 Fuel']);
  });

  it('gives an outside image, which becomes a link, its archived copy too', () => {
    const [image, archived] = links(render('![架构图](https://x.example/a.png)').html);
    expect(DomUtils.getAttributeValue(image as never, 'href')).toBe('https://x.example/a.png');
    expect(DomUtils.getAttributeValue(archived as never, 'href')).toBe('https://web.archive.org/web/20140215/https://x.example/a.png');
  });

  it('keeps a title the text gave, adding its own after it', () => {
    const plan = { day: '2013-11-28', locale: 'en', rules: { moves: [], checks: new Map() } } as const;
    const moved = renderText('[r](https://gone.example/ "the review")', {
      page,
      outsideLinks: {
        ...plan,
        rules: {
          moves: [],
          checks: new Map([['https://gone.example/', { address: 'https://gone.example/', checked: '2026-01-02', status: 410 }]]),
        },
      },
    });
    expect(moved.parts[0]?.html).toContain(
      'title="the review · The page is gone; this opens the Internet Archive copy from around November 28, 2013"',
    );
  });

  it('reports every outside link it planned, in order, and nothing else', () => {
    const { links: planned } = renderText(
      '[a](https://a.example/) [site](/issues/7/) [mail](mailto:x@y.example) `https://code.example/` [b](http://b.example/)',
      {
        page,
        outsideLinks,
      },
    );
    expect(planned.map((plan) => plan.original)).toEqual(['https://a.example/', 'http://b.example/']);
  });
});

describe('bad input to the outside-link step', () => {
  it.each([
    ['a malformed address', '[x](http://) [y](https://exa mple.com/) <a href="http://[::1">z</a> <a href="https://">w</a>'],
    [
      'javascript: and other schemes',
      '[x](javascript:alert(1)) [y](ftp://files.example/a) [z](data:text/html,x) <a href="vbscript:x">w</a>',
    ],
    ['a mail address', '[x](mailto:someone@example.com) <someone@example.com>'],
    ['addresses in code', '`https://code.example/a` and\n\n```\nhttp://block.example/\n```\n\n    http://indented.example/'],
    ['an address written with spaces', 'http://a.example/b c [x](http://a.example/d e)'],
    ['an address in Chinese characters', '见 http://例子.中国/路径 和 [x](http://例子.中国/路径)'],
    ['an address followed by Chinese', '详见http://a.example/path，谢谢'],
    ['links within the site', '[第七期](/issues/7/) [here](#nova) [abs](https://digest.example.org/projects/)'],
  ])('%s: makes nothing clickable that was not', (_, markdown) => {
    const before = render(markdown, false).html;
    const after = render(markdown).html;
    expect(textLinks(after)).toEqual(textLinks(before));
    // Only what the step adds differs: the small archived-copy note beside each outside link, and its attributes.
    expect(
      after.replace(/<small class="archived">.*?<\/small>/g, '').replace(/ data-(?:originalurl|versionurl|versiondate|bare)="[^"]*"/g, ''),
    ).toBe(before);
  });

  it('archives addresses with spaces and Chinese characters as the browser will request them', () => {
    const archived = links(render('[x](<http://例子.中国/路 径>)').html).map((link) => DomUtils.getAttributeValue(link, 'href'));
    expect(archived).toEqual([
      'http://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%20%E5%BE%84',
      'https://web.archive.org/web/20140215/http://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%20%E5%BE%84',
    ]);
  });

  it('leaves links inside code as they are', () => {
    expect(render('<code><a href="http://inside.example/">x</a></code>').html).toBe(
      '<p><code><a href="http://inside.example/" rel="external noopener noreferrer">x</a></code></p>',
    );
  });

  it('leaves a link that is an archived copy already as it is, saying what it copies', () => {
    expect(render('[旧页](https://web.archive.org/web/20131112093000/http://x.example/a) [今日](https://archive.today/abc12)').html).toBe(
      '<p><a href="https://web.archive.org/web/20131112093000/http://x.example/a" rel="external noopener noreferrer" data-originalurl="http://x.example/a" data-versiondate="2013-11-12">旧页</a> ' +
        '<a href="https://archive.today/abc12" rel="external noopener noreferrer">今日</a></p>',
    );
  });

  it('cannot be fooled by raw HTML into annotating a link twice or keeping forged attributes', () => {
    const out = render(
      '<a href="http://a.example/" data-versionurl="http://evil.example/" class="archived">x</a><small class="archived"><a href="http://b.example/">y</a></small>',
    ).html;
    expect(out).not.toContain('evil.example');
    expect(out.match(/<small class="archived">/g)).toHaveLength(2);
    const [first] = links(out);
    expect(first?.attribs).toEqual({
      href: 'http://a.example/',
      rel: 'external noopener noreferrer',
      'data-originalurl': 'http://a.example/',
      'data-versionurl': 'https://web.archive.org/web/20140215/http://a.example/',
      'data-versiondate': '2014-02-15',
    });
  });
});
