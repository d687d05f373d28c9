import { describe, expect, it } from 'vitest';
import { issuePage, readIssueBody } from '../../../src/pipeline/issue-body.ts';
import { resolver, site } from '../helpers.ts';

const read = (markdown: string) => readIssueBody(markdown, { resolver, page: issuePage(site, 9, 'zh-CN') });
/** A section whose third line opens `tag` in a paragraph and never closes it, with a paragraph after. */
const readWithOpenTag = (tag: string) => read(['## Nova', '', `前 <${tag}> 中间`, '', '后文'].join('\n'));

describe('reading an issue body', () => {
  const body = [
    '*编者按* 前言。',
    '',
    '### 小标题也属于前言',
    '',
    '## 业界动态',
    '',
    '新闻 [链接][a]',
    '',
    '## nova',
    '',
    'Nova 内容',
    '',
    '```',
    '## Heat inside code is not a section',
    '```',
    '',
    '> ## Keystone inside a quote is not one either',
    '',
    '### Nova 的小节',
    '',
    '小节文字',
    '',
    'Setext 标题',
    '-----------',
    '',
    'Neutron 内容',
    '',
    '[a]: https://example.org/a',
  ].join('\n');
  const result = read(body.replace('Setext 标题', 'Quantum'));

  it('keeps the text before the first section as the introduction, as Markdown and rendered', () => {
    expect(result.intro?.markdown).toBe('*编者按* 前言。\n\n### 小标题也属于前言');
    expect(result.intro?.html).toBe('<p><em>编者按</em> 前言。</p>\n<h3>小标题也属于前言</h3>');
    expect(result.intro?.text).toBe('编者按 前言。\n小标题也属于前言');
  });

  it('makes one section per top-level ## heading (ATX or setext), resolved to registry ids', () => {
    expect(result.sections.map((section) => [section.projectId, section.heading, section.line])).toEqual([
      ['industry', '业界动态', 5],
      ['nova', 'nova', 9],
      ['neutron', 'Quantum', 23],
    ]);
  });

  it('keeps code, quotes and sub-headings inside their section', () => {
    const nova = result.sections[1];
    expect(nova?.markdown).toContain('## Heat inside code is not a section');
    expect(nova?.html).toContain('<pre tabindex="0"><code>## Heat inside code is not a section\n</code></pre>');
    expect(nova?.text).toContain('Keystone inside a quote is not one either');
    expect(nova?.html).toContain('<h3>Nova 的小节</h3>');
  });

  it('resolves link definitions anywhere in the body, for every part', () => {
    expect(result.sections[0]?.html).toBe('<p>新闻 <a href="https://example.org/a" rel="external noopener noreferrer">链接</a></p>');
    expect(result.sections[2]?.text).toBe('Neutron 内容');
    expect(result.problems).toEqual([]);
  });

  it('reports unknown, level-1 and repeated headings with their lines', () => {
    const { problems } = read('## Nova\n\nx\n\n# Big\n\n## Nuetron\n\n## Foo\n\n## nova\n');
    expect(problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('level-1') }),
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining('"## Nuetron" matches no project'),
        fix: expect.stringContaining('did you mean "Neutron"'),
      }),
      expect.objectContaining({ line: 9, message: expect.stringContaining('"## Foo" matches no project') }),
      expect.objectContaining({ line: 11, message: expect.stringContaining('second Nova section (the first is at line 1)') }),
    ]);
  });

  it('reports a placeholder Markdown reads as an HTML tag, which the page would drop, and leaves code and real HTML alone', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        '用 nova show <server> 查看，List<String> 也是。',
        '',
        '`<host>` 与 \\<host> 照写，<b>粗体</b><br>',
        '',
        '    nova migrate <server>',
        '',
        '<!-- 原文：见 <https://example.org/x> 与 <server> -->',
        '',
        '<p>见 <https://example.org/y></p>',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"<server>" reads as an HTML tag'),
        fix: expect.stringContaining('`<server>`'),
      }),
      expect.objectContaining({ line: 3, message: expect.stringContaining('"<String>" reads as an HTML tag') }),
    ]);
  });

  it('reports placeholders named like an HTML element the page drops, and leaves closed elements and written HTML alone', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        'nova image-create <server> <image>，glance image-download --file <path>',
        '',
        '<source> 与 <input>，<var>x</var> 与 <input name="q"> 照旧，<br> 换行，<details><summary>s</summary></details>',
        '',
      ].join('\n'),
    );
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, problem.message.indexOf(' reads'))])).toEqual([
      [3, '"<server>"'],
      [3, '"<image>"'],
      [3, '"<path>"'],
      [5, '"<source>"'],
      [5, '"<input>"'],
    ]);
    expect(problems[1]).toMatchObject({ message: expect.stringContaining('it would vanish'), fix: expect.stringContaining('\\<image>') });
    // A void element holds nothing: only its tag vanishes, not what follows it.
    expect(problems[4]?.message).toContain('it would vanish');
  });

  it('keeps a single "~" (a range) and "*" between digits (a product) as written; "~~" and other "*" still format', () => {
    const { sections, problems } = read(
      '## Nova\n\n本期 11.17~11.22，峰会 3~5 天，内存 4*8GB，CPU 2*4核，2**10，~~作废~~ 与 *强调*、**重点**。',
    );
    expect(sections[0]?.html).toBe(
      '<p>本期 11.17~11.22，峰会 3~5 天，内存 4*8GB，CPU 2*4核，2**10，<del>作废</del> 与 <em>强调</em>、<strong>重点</strong>。</p>',
    );
    expect(sections[0]?.text).toBe('本期 11.17~11.22，峰会 3~5 天，内存 4*8GB，CPU 2*4核，2**10，作废 与 强调、重点。');
    expect(problems).toEqual([]);
  });

  it('keeps the underscores of files and Python names as written; other underscores still format', () => {
    const { sections, problems } = read(
      '## Nova\n\n修改了 nova/__init__.py、glance/_private_.py、foo.__dict__，if __name__ == "__main__"；__重要__、__Nova__ 与 _强调_。',
    );
    expect(sections[0]?.html).toBe(
      '<p>修改了 nova/__init__.py、glance/_private_.py、foo.__dict__，if __name__ == "__main__"；<strong>重要</strong>、<strong>Nova</strong> 与 <em>强调</em>。</p>',
    );
    expect(sections[0]?.text).toContain('nova/__init__.py');
    expect(problems).toEqual([]);
  });

  it('reports a bare address that runs into the Chinese text after it, and leaves addresses written apart or in brackets', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        '详见https://wiki.openstack.org/wiki/Nova获取更多信息，另见 https://wiki.openstack.org/wiki/Heat 。',
        '',
        '官网 www.openstack.org。维基 <https://zh.wikipedia.org/wiki/云计算> 与 [云](https://zh.wikipedia.org/wiki/云)。',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"https://wiki.openstack.org/wiki/Nova获取更多信息，另见" is read as one web address'),
        fix: expect.stringContaining('put a space after the address'),
      }),
      expect.objectContaining({ line: 5, message: expect.stringContaining('"www.openstack.org。维基" is read as one web address') }),
    ]);
  });

  it('reports a formatting tag never closed, which the page would carry on into the sections after it', () => {
    const { problems } = read(
      ['## Common', '', 'juno-3 <b>里程碑于 9.4 号发布。', '', '## Nova', '', '见 <a href="https://x.org/">链接', ''].join('\n'),
    );
    expect(problems).toEqual([
      {
        line: 3,
        message:
          '"<b>" is never closed: the HTML parser opens <b> again in every paragraph after it, so the rest of the text, the sections after it included, would be bold',
        fix: 'close it with </b> where it should end, or write it as code (`<b>`)',
      },
      expect.objectContaining({ line: 7, message: expect.stringContaining('the link would take in the text after it') }),
    ]);
    expect(read('## Nova\n\n<b>粗</b>，<em>跨段\n\n仍是强调</em>，`<i>` 是代码。').problems).toEqual([]);
  });

  it('reports a link, image or frame whose address the site would drop, keeps IRC links, and says nothing of an attack', () => {
    const { sections, problems } = read(
      [
        '## Nova',
        '',
        '[FTP](ftp://ftp.example.org/nova.tar.gz) 与 [电话](tel:+861012345678)',
        '',
        '![图六](//img.example/w.png) <img src="/\\img.example/z.png" alt="图五">',
        '',
        '[#openstack-dev](irc://irc.freenode.net/openstack-dev) [坏](javascript:alert(1))',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {
        line: 3,
        message:
          '"ftp://ftp.example.org/nova.tar.gz" is an ftp: address, which browsers no longer open: the page would keep the words and drop the link',
        fix: 'link an http(s) page instead, or write the address as code (`…`) for readers to copy',
      },
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"tel:+861012345678" is a tel: address, which the site does not link'),
      }),
      expect.objectContaining({ line: 5, fix: 'write it with its scheme ("https://img.example/w.png")' }),
      expect.objectContaining({ line: 5, fix: 'write it with its scheme ("https://img.example/z.png")' }),
    ]);
    expect(sections[0]?.html).toContain('<a href="irc://irc.freenode.net/openstack-dev">#openstack-dev</a>');
  });

  it('reports an address that gives a user name or password before its host, in a link, an image or a frame, not an "@" in a path', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        '登录 <https://www.openstack.org@evil.example/login>，邮件 http://www.mail-archive.com/openstack-dev@lists.openstack.org/msg1.html',
        '',
        '[官网](https://admin:s3cret@www.openstack.org/) [邮件](mailto:openstack-dev@lists.openstack.org)',
        '',
        '![架构](http://u@img.example/a.png)',
        '',
        '<iframe src="https://a@b@video.example/v"></iframe>',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        message:
          '"https://www.openstack.org@evil.example/login" gives "www.openstack.org@" before its host: it leads to evil.example, not to what comes before "@"',
        fix: 'write the address without it ("https://evil.example/login"), or the address of the site meant',
      }),
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining('holds a user name and password ("admin:s3cret@"): every reader would see them'),
        fix: expect.stringContaining('"https://www.openstack.org/"'),
      }),
      expect.objectContaining({ line: 7, message: expect.stringContaining('gives "u@" before its host: it leads to img.example') }),
      expect.objectContaining({ line: 9, message: expect.stringContaining('gives "a@b@" before its host: it leads to video.example') }),
    ]);
  });

  it('reports an address holding a character no one sees, in a link, a bare address or an image, with the address meant', () => {
    const { problems } = read(
      [
        '## Marconi',
        '',
        '[Marconi](https://wiki.openstack.org/marconi\u200e) 与 https://wiki.openstack.org/Zaqar\u200b/Specs',
        '',
        '![图](https://img.example/\ufeffa.png) 照常：[Nova](https://wiki.openstack.org/Nova) \u200e',
        '',
        '照常：https://www.baidu.com/s?wd=OpenStack%E3%80%80Nova <https://fa.wikipedia.org/wiki/می\u200cخواهم> [e](https://emojipedia.org/%E2%80%8D/)',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {
        line: 3,
        message:
          'the address "https://wiki.openstack.org/marconi<U+200E>" holds an invisible character, U+200E (a left-to-right mark), after "https://wiki.openstack.org/marconi": the link would lead to "https://wiki.openstack.org/marconi%E2%80%8E", an address no one wrote',
        fix: 'delete it, so the address reads "https://wiki.openstack.org/marconi"',
      },
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining(
          '"https://wiki.openstack.org/Zaqar<U+200B>/Specs" holds an invisible character, U+200B (a zero-width space)',
        ),
        fix: 'delete it, so the address reads "https://wiki.openstack.org/Zaqar/Specs"',
      }),
      expect.objectContaining({ line: 5, message: expect.stringContaining('U+FEFF (a byte order mark), after "https://img.example/"') }),
    ]);
  });

  it('reports an HTML tag whose attribute values lack quotes, which the page would show as text, not code or an escaped one', () => {
    const { sections, problems } = read(
      [
        '## Nova',
        '',
        '见 <a href=/issues/17/>第十七期</a> 更多',
        '',
        '<img src=/a.png alt=图> `<a href=x>` \\<a href=y> a<b c=d 以及 <a href="/issues/7/">第七期</a> <font color=red>红</font>',
        '',
      ].join('\n'),
    );
    expect(sections[0]?.html).toContain('&lt;a href=/issues/17/&gt;第十七期');
    expect(problems).toEqual([
      {
        line: 3,
        message:
          '"<a href=/issues/17/>" is shown as text, not read as HTML: raw HTML here needs its attribute values in quotes (a closing </a> after it would vanish)',
        fix: 'put each value in quotes: "<a href="/issues/17/">", or write a Markdown link: [text](address)',
      },
      {
        line: 5,
        message: '"<img src=/a.png alt=图>" is shown as text, not read as HTML: raw HTML here needs its attribute values in quotes',
        fix: 'put each value in quotes: "<img src="/a.png" alt="图">"',
      },
    ]);
  });

  it('reports "**" that Markdown leaves as asterisks beside full-width punctuation, not when it makes bold or is escaped', () => {
    const { sections, problems } = read('## Nova\n\n**注意**：照常加粗。\\*\\*原样\\*\\*。\n\n**注意：**这是重点。');
    expect(sections[0]?.html).toContain('<strong>注意</strong>：照常加粗。**原样**。');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining('makes no bold text'),
        fix: expect.stringContaining('**注意**：'),
      }),
    ]);
  });

  it('reports Markdown inside a block of HTML, which the page would show as written, and not Markdown the blank lines let in', () => {
    const { sections, problems } = read(
      [
        '## Nova',
        '',
        '<div>',
        '块中的 **重点** 与 [链接](https://example.org/a)',
        '</div>',
        '',
        '<center>`nova-manage` 命令</center>',
        '',
        '<div>',
        '',
        '空行之后的 **重点** 照常加粗',
        '',
        '</div>',
        '',
        '<pre>**kwargs** 与 `x`</pre>',
        '',
        '<p>HTML 的 <code>**kwargs**</code> 与 <!-- **注释** --> 文字</p>',
        '',
        '行内 <b>粗</b> 与 **重点**',
      ].join('\n'),
    );
    expect(sections[0]?.html).toContain('块中的 **重点**');
    expect(problems).toEqual([
      {
        line: 4,
        message: '"**重点**" is inside a block of HTML (from <div>), where Markdown is not read: the page would show its marks as written',
        fix: 'leave a blank line after <div> and another before its closing tag, so that Markdown reads the text between, or write it in HTML (<strong>, <a href="…">, <code>)',
      },
      expect.objectContaining({
        line: 4,
        message: expect.stringContaining('"[链接](https://example.org/a)" is inside a block of HTML (from <div>)'),
      }),
      expect.objectContaining({ line: 7, message: expect.stringContaining('"`nova-manage`" is inside a block of HTML (from <center>)') }),
    ]);
  });

  it('says that text with "---" under it is a heading, rather than asking for the text as a project alias', () => {
    expect(read('## Nova\n\nx\n\n本周小结\n---\n\ny').problems).toEqual([
      {
        line: 5,
        message: '"本周小结" with "---" on the line under it is a "##" heading in Markdown, and names no project',
        fix: 'leave a blank line between the text and "---" for a rule under it, or write the section heading as "## <project>"',
      },
    ]);
  });

  it('quotes a level-1 heading underlined with "===" as written', () => {
    expect(read('## Nova\n\nx\n\n本周小结\n===\n\ny').problems).toEqual([
      {
        line: 5,
        message: '"本周小结" with "===" on the line under it is a level-1 heading in Markdown',
        fix: 'leave a blank line between the text and "===" if they are text, or write the section heading as "## <project>"',
      },
    ]);
  });

  it("keeps a task list's boxes, done or not, as characters", () => {
    const { sections, problems } = read('## Nova\n\n- [x] 已合入\n- [ ] 待评审');
    expect(sections[0]?.html).toBe('<ul>\n<li>☑ 已合入</li>\n<li>☐ 待评审</li>\n</ul>');
    expect(sections[0]?.text).toBe('☑ 已合入\n☐ 待评审');
    expect(problems).toEqual([]);
  });

  it('sets blocks of raw HTML on lines of their own in the search text', () => {
    const { sections } = read('## Ceilometer\n\n<div>Ceilometer<p>Telemetry gets alarms</p>Aodh</div>');
    expect(sections[0]?.text).toBe('Ceilometer\nTelemetry gets alarms\nAodh');
  });

  it('reports a section heading written without the space after "##", which would file its text under the section before', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        'Nova 文字',
        '',
        '##Keystone',
        '',
        'Keystone 文字',
        '',
        '##\u3000Heat',
        '',
        'Heat 文字',
        '',
        '#OpenStack 话题',
        '',
        '`##code`',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('"##Keystone" is not a heading'), fix: 'write "## Keystone"' }),
      expect.objectContaining({ line: 9, fix: 'write "## Heat"' }),
    ]);
  });

  it('reports number signs typed full-width, which make a paragraph of the section before, not a heading', () => {
    const { sections, problems } = read(
      ['## Heat', '', 'Heat 文字', '', '＃＃ Glance', 'Glance 本周内容。', '', '＃＃＃ 小标题', '', '＃1 是第一期', ''].join('\n'),
    );
    expect(sections.map((section) => section.projectId)).toEqual(['heat']);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 5,
        message:
          '"＃＃ Glance" is not a heading: Markdown reads only half-width "##" (not full-width "＃"), so its text joins the section before',
        fix: 'write "## Glance"',
      }),
      expect.objectContaining({ line: 8, fix: 'write "## 小标题"' }),
    ]);
  });

  it('reports a section heading holding a link, image or HTML, whose address the page would not show', () => {
    const { problems } = read(
      [
        '## [Heat](https://wiki.openstack.org/wiki/Heat)',
        '',
        'Heat 文字',
        '',
        '## Common (见[BP](https://blueprints.launchpad.net/x))',
        '',
        '## Glance ![logo](https://g.example.com/logo.png)',
        '',
        '## <a href="https://n.example/">Nova</a>',
        '',
        '## Cinder (块存储)',
        '',
        '### [子标题](https://x.example/) 保留链接',
        '',
      ].join('\n'),
    );
    const lost = expect.stringMatching(/^the heading "## .+" holds a link, image or HTML: .* the address would be lost$/);
    // An image's text, or raw HTML, leaves no project's name: those headings fail as not naming one.
    expect(problems.map(({ line, message }) => [line, message])).toEqual([
      [1, lost],
      [5, lost],
      [7, expect.stringContaining('"## Glance logo" starts with a project\'s name but goes on outside parentheses')],
      [9, expect.stringContaining('matches no project')],
    ]);
    expect(problems[0]?.fix).toBe(
      'write the heading as plain text ("## Heat" or "## Heat (subtitle)") and put the link in the section\'s first line',
    );
  });

  it('reports footnotes, which Markdown would gather under the last section, with their lines', () => {
    const { problems } = read(
      ['## Nova', '', 'Nova 新闻[^1]。', '', '[^1]: Nova 的注释。', '', '## Heat', '', 'Heat 新闻。', ''].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"[^1]" is a footnote'),
        fix: expect.stringContaining('in parentheses'),
      }),
      expect.objectContaining({ line: 5, message: expect.stringContaining('"[^1]" is a footnote') }),
    ]);
  });

  it('reports raw HTML left open that would take the rest of the text, and later sections, off the page', () => {
    const comment = read(['## Nova', '', 'Nova 文字', '', '<!-- 译者注：待补充', '', '## Heat', '', 'Heat 文字', ''].join('\n'));
    expect(comment.problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('never closed'), fix: expect.stringContaining('-->') }),
    ]);
    const template = read(['## Nova', '', '<template>', '', '模板之后的文字', ''].join('\n'));
    expect(template.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"<template>" is never closed'),
        fix: expect.stringContaining('</template>'),
      }),
    ]);
    expect(read(['## Nova', '', '<!-- 注释 -->', '', '<style>p {}</style>文字', ''].join('\n')).problems).toEqual([]);
    // What the check names is what the page would lose: for each element it lists, the text after it.
    const swallowing = ['script', 'style', 'textarea', 'title', 'iframe', 'template', 'form', 'select', 'button'];
    for (const tag of [...swallowing, 'xmp', 'noembed', 'noframes', 'plaintext']) {
      const { sections, problems } = readWithOpenTag(tag);
      expect(sections.map((section) => section.text).join(' '), tag).not.toContain('后文');
      expect(
        problems.map((problem) => problem.line),
        tag,
      ).toEqual([3]);
    }
    // Closed by the end of their paragraph: the words after them in it are lost, and the check says so.
    for (const tag of ['svg', 'math', 'option']) {
      const { sections, problems } = readWithOpenTag(tag);
      const text = sections.map((section) => section.text).join(' ');
      expect(text, tag).toContain('后文');
      expect(text, tag).not.toContain('中间');
      expect(problems, tag).toEqual([
        expect.objectContaining({
          line: 3,
          message: `"<${tag}>" reads as an HTML tag: the page drops <${tag}> with the rest of its paragraph`,
        }),
      ]);
    }
    // Kept or unwrapped: the words stay, the tag named in prose vanishes and its element takes in the rest.
    for (const tag of ['div', 'sup', 'span', 'pre', 'p', 'li']) {
      const { sections, problems } = readWithOpenTag(tag);
      expect(sections[0]?.text, tag).toContain('中间');
      expect(sections[0]?.text, tag).not.toContain(`<${tag}>`);
      expect(problems, tag).toEqual([
        {
          line: 3,
          message: `"<${tag}>" reads as an HTML tag and is never closed in its paragraph: the page would not show "<${tag}>", and <${tag}> would take in the rest of the paragraph`,
          fix: `write it as code (\`<${tag}>\`), or close it with </${tag}> where it should end`,
        },
      ]);
    }
  });

  it('reports a closing tag that closes nothing in its paragraph and an image tag with no address, leaving closed and void tags', () => {
    const { sections, problems } = read(
      ['## Nova', '', '结尾写</div>，再用<img>标签。', '', 'H<sub>2</sub>O，换行<br>照常，<span lang="en">kept</span>。'].join('\n'),
    );
    expect(sections[0]?.text).not.toContain('</div>');
    expect(problems).toEqual([
      {
        line: 3,
        message: '"</div>" reads as an HTML tag and closes no <div> in its paragraph: the page would drop it',
        fix: 'write it as code (`</div>`), or remove it',
      },
      expect.objectContaining({
        line: 3,
        message: '"<img>" reads as an HTML image with no address: it would vanish, with nothing in its place',
      }),
    ]);
  });

  it.each([
    [
      '| 命令 | 说明 |\n|---|---|\n| 一 | 二 | 多余 |',
      5,
      'this table row has 3 cells and its header 2: the page drops the cells after the header\'s ("多余")',
      'add a column to the header',
    ],
    ['| 命令 | 说明 |\n|---|---|\n| `ls | grep` | 管道 |', 5, 'the page drops the cells after the header\'s ("管道")', 'as "\\|"'],
    [
      '这是__重点__内容',
      3,
      '"__重点__" makes no bold text here: Markdown does not read underscores inside a Chinese sentence as emphasis, and shows them',
      'write asterisks instead, punctuation outside ("**重点**")',
    ],
    ['这是_斜体_内容', 3, '"_斜体_" makes no italic text here', '("*斜体*"), or <em>斜体</em>'],
    [
      '前文，*注意：*内容',
      3,
      '"*注意：*" makes no italic text here: beside Chinese text, Markdown does not read "*" next to punctuation as emphasis',
      'put the punctuation outside the asterisks ("*注意*：")',
    ],
    ['本期*“重点”*项目', 3, '"*“重点”*" makes no italic text here', '("“*重点*”")'],
    [
      '参见[官网][ref9]和[维基][ref]。\n\n[ref]: https://wiki.openstack.org/',
      3,
      '"[官网][ref9]" links by the reference "[ref9]", which the text never defines',
      'add a line "[ref9]: https://…"',
    ],
    [
      '参见[维基][wiki]。\n\n[wiki]：https://wiki.openstack.org/',
      5,
      '"[wiki]：https://wiki.openstack.org/" is not read as a link definition: Markdown needs a half-width colon',
      'write "[wiki]: https://wiki.openstack.org/"',
    ],
    [
      '参见[官网]。\n\n[官网]：\u3000https://www.openstack.org/ “官方网站”',
      5,
      'is not read as a link definition',
      'write "[官网]: https://www.openstack.org/ "官方网站""',
    ],
    [
      '参见[官网]。\n\n[官网]: https://www.openstack.org/ “官方网站”',
      5,
      'its title is in curly quotes',
      'write "[官网]: https://www.openstack.org/ "官方网站""',
    ],
    [
      '参见[官网]。\n[官网]: https://www.openstack.org/',
      4,
      'it comes right under a line of text',
      'write "[官网]: https://www.openstack.org/" with a blank line before it',
    ],
    [
      '[注]: 本文来自社区邮件列表',
      3,
      '"[注]: 本文来自社区邮件列表" is read as a link definition',
      '("\\[注]: …"), or write a full-width colon after it ("[注]：…")',
    ],
    ['[说明]: 见下文', 3, '"[说明]: 见下文" is read as a link definition', '("\\[说明]: …")'],
    ['这是_注意：_内容', 3, '"_注意：_" makes no italic text here', 'write asterisks instead, punctuation outside ("*注意*：")'],
    [
      '见[文字](https://a.example/a b)。',
      3,
      '"[文字](https://a.example/a b)" is not read as a link: its address holds a space',
      '[文字](<https://a.example/a b>)',
    ],
    ['![架构图](/images/my pic.png)', 3, '"![架构图](/images/my pic.png)" is not read as an image', '![架构图](</images/my pic.png>)'],
    ['见[文档](https://a.example/a b “标题”)', 3, 'its address holds a space', '[文档](<https://a.example/a b> "标题")'],
    [
      '| 文档 |\n|---|\n| [手册](docs/user guide.pdf) |',
      5,
      '"[手册](docs/user guide.pdf)" is not read as a link',
      '[手册](<docs/user guide.pdf>)',
    ],
    ['**使用<sup>标签**说明', 3, '"<sup>" reads as an HTML tag and is never closed in its paragraph', 'write it as code (`<sup>`)'],
    ['### 使用<span>标签', 3, '"<span>" reads as an HTML tag and is never closed', 'write it as code (`<span>`)'],
    [
      '官网见 <www.openstack.org> 。',
      3,
      '"<www.openstack.org>" is not read as a link in angle brackets: Markdown takes one only with its scheme, so the page would show the brackets',
      'write "<https://www.openstack.org>"',
    ],
    [
      '| 地址 |\n|---|\n| 见 <http://a.example/my page.html> |',
      5,
      '"<http://a.example/my page.html>" is not read as a link in angle brackets: its address holds a space',
      'write the space as %20: "<http://a.example/my%20page.html>"',
    ],
  ])('reports Markdown the page would show as marks or lose: %s', (text, line, message, fix) => {
    const { problems } = read(`## Nova\n\n${text}`);
    expect(problems).toContainEqual({ line, message: expect.stringContaining(message), fix: expect.stringContaining(fix) });
  });

  it('says a section heading inside a code block never closed is shown as code, naming the block', () => {
    const { sections, problems } = read(['## Common', '', '```bash', 'nova boot …', '', '## Nova', '', '新闻'].join('\n'));
    expect(sections.map((section) => section.projectId)).toEqual(['common']);
    expect(problems).toEqual([
      {
        line: 6,
        message: '"## Nova" is inside the code block opened at line 3, so it is shown as code and opens no Nova section',
        fix: 'close the code block (```) before line 6',
      },
    ]);
    expect(read(['## Common', '', '```md', '## Nova', '```', '', '~~~sh', '## nova', '~~~'].join('\n')).problems).toEqual([]);
  });

  it('says a section heading indented by four spaces is read as text or code, which files its news under the section before', () => {
    const { sections, problems } = read(
      [
        '## Common',
        '',
        '跨项目新闻',
        '    ## Nova',
        '',
        'Nova 新闻',
        '',
        '    ## Heat (模板)',
        '',
        'Heat 新闻',
        '',
        '    ## 安装步骤',
        '    ## 不是项目',
      ].join('\n'),
    );
    expect(sections.map((section) => section.projectId)).toEqual(['common']);
    expect(problems).toEqual([
      {
        line: 4,
        message:
          '"## Nova" is indented by four spaces or more, so Markdown reads it as text of the paragraph above and it opens no Nova section: the text after it stays in the section before',
        fix: 'write "## Nova" at the start of its line, after a blank line',
      },
      {
        line: 8,
        message:
          '"## Heat (模板)" is indented by four spaces or more, so Markdown reads it as code and it opens no Heat section: the text after it stays in the section before',
        fix: 'write "## Heat (模板)" at the start of its line, after a blank line',
      },
    ]);
    expect(read(['## Common', '', '- 列表', '', '      ## Nova', '', '```', '    ## Nova', '```'].join('\n')).problems).toEqual([]);
  });

  it.each([
    '**注意**：照常加粗，*斜体*照常，这是*重点*内容',
    '删除*.pyc和*.log文件，4*8GB，admin_actions中，nova_api_v3，`__init__`，\\_转义\\_',
    '重构了_get_host_states方法，删除__init__.py文件，运行__main__模块，实现了__repr__和__str__方法，新增选项_max_retries',
    '标*的项目为本期新增项目，*号表示仍在评审中。*注：数据来自Stackalytics，*表示估计值。',
    '正则表达式^nova-.*$匹配所有服务，.*可以替换；**kwargs参数和*args；char *p指针',
    '| 命令 | 说明 |\n|---|---|\n| `ls \\| grep` | 管道 |\n| 仅一 |\n| c | d | |',
    '[官网][ref]和[ref]。\n\n[ref]: https://www.openstack.org/',
    "根据邮件列表的讨论[1][2]，访问a[0][1]时越界，config['DEFAULT']['debug']，日志中出现[ERROR][nova.compute]，标题前缀为[Nova][Cinder]的邮件",
    '[注]：以上数据来自社区，[原创]：作者',
    '[文档][doc]\n\n[doc]: docs/guide.pdf\n[手册]: manual.pdf',
    '[带标题](https://www.openstack.org/ "官网") 和 [尖括号](<https://a.example/a b>) 和 `[代码](https://a.example/a b)`',
    '<https://www.openstack.org/> 与 `<www.openstack.org>` 与 \\<www.openstack.org> 与 <a href="https://a.example/">链接</a>',
    'H<sub>2</sub>O，*强调<span>部分*内容</span>，换行<br>照常',
  ])('leaves Markdown that reads as written: %s', (text) => {
    expect(read(`## Nova\n\n${text}`).problems).toEqual([]);
  });

  it("keeps a heading's words beyond the project's name, in parentheses, as the section's subtitle", () => {
    const { sections, problems } = read('## 业界动态（本期重点：Icehouse 发布）\n\nn\n\n## Nova (热迁移专题)\n\nx\n\n## Neutron\n\ny');
    expect(sections.map(({ projectId, heading, subtitle }) => ({ projectId, heading, subtitle }))).toEqual([
      { projectId: 'industry', heading: '业界动态（本期重点：Icehouse 发布）', subtitle: '本期重点：Icehouse 发布' },
      { projectId: 'nova', heading: 'Nova (热迁移专题)', subtitle: '热迁移专题' },
      { projectId: 'neutron', heading: 'Neutron', subtitle: undefined },
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['Compute (Nova)', 'Compute'],
    ['业界动态 (Industry news)', '业界动态'],
    ['Quantum（neutron）', 'Quantum'],
  ])('refuses "## %s", whose subtitle names its project again (the page would show the name twice): "## %s"', (written, fixed) => {
    const { sections, problems } = read(`## ${written}\n\nx`);
    expect(sections).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 1,
        message: expect.stringContaining('names the project again in its subtitle'),
        fix: `write "## ${fixed}" (any name or alias of the project works as the heading)`,
      },
    ]);
    expect(read(`## ${fixed}\n\nx`).problems).toEqual([]);
  });

  it('keeps an alias as a subtitle, a description the page shows once (## Nova (计算))', () => {
    expect(read('## Nova (计算)\n\nx\n\n## Cinder（块存储）\n\ny').problems).toEqual([]);
  });

  it('refuses a raw HTML h1 or h2, which the page shows as plain text and which opens no section', () => {
    const { sections, problems } = read(
      '## Common\n\nx\n\n<h2>Nova</h2>\n\nNova 的新闻\n\n<div>\n<h1 class="t">重要</h1>\n</div>\n\n<h3>小标题</h3>',
    );
    expect(sections.map((section) => section.projectId)).toEqual(['common']);
    expect(problems).toEqual([
      {
        line: 5,
        message: expect.stringContaining(
          '"<h2>Nova</h2>" is a heading of raw HTML, which the page shows as plain text: it opens no Nova section',
        ),
        fix: 'write "## Nova" on a line of its own instead',
      },
      {
        line: 10,
        message: '"<h1 class="t">重要</h1>" is a heading of raw HTML, which the page shows as plain text',
        fix: 'write it in Markdown: "### 重要" for a sub-heading inside the section, or "## <project>" for a section',
      },
    ]);
    expect(read('## Common\n\nx\n\n## Nova\n\nNova 的新闻\n\n### 重要').problems).toEqual([]);
  });

  it('refuses a heading naming its project only inside the parentheses, with the words before them as the subtitle', () => {
    const { problems } = read('## 计算服务（Nova）\n\nx');
    expect(problems).toEqual([
      {
        line: 1,
        message: expect.stringContaining('names its project only inside the parentheses'),
        fix: 'write "## Nova (计算服务)", the words before the parentheses as the section\'s subtitle, or "## Nova"',
      },
    ]);
    const { sections, problems: fixed } = read('## Nova (计算服务)\n\nx');
    expect(fixed).toEqual([]);
    expect(sections[0]).toMatchObject({ projectId: 'nova', subtitle: '计算服务' });
  });

  it.each(['社区跟踪', 'Community tracking'])('says "## %s", the legacy group heading, is the page\'s own, not a project', (written) => {
    expect(read(`## 业界动态\n\nn\n\n## ${written}\n\n### Nova\n\nx`).problems).toEqual([
      {
        line: 5,
        message: expect.stringContaining('is the group heading of the legacy posts, not a project'),
        fix: 'remove it, and write each project\'s heading under it as a section of its own ("### Nova" → "## Nova")',
      },
    ]);
  });

  it('shows where a subtitle goes when the words after a name have no parentheses', () => {
    expect(read('## Nova 热迁移专题\n\nx').problems).toEqual([
      {
        line: 1,
        message: `heading "## Nova 热迁移专题" starts with a project's name but goes on outside parentheses`,
        fix: `put the words after the name in parentheses, as the section's subtitle: "## Nova (热迁移专题)"`,
      },
    ]);
  });

  it.each([
    ['Nova (a) (b)', 'Nova (a b)'],
    ['Nova (a\\) b)', 'Nova (a b)'],
    ['Nova 热迁移（一）续', 'Nova (热迁移 一 续)'],
  ])('suggests for "## %s" a heading the check accepts: "## %s"', (written, suggested) => {
    const [problem] = read(`## ${written}\n\nx`).problems;
    expect(problem?.fix).toBe(`put the words after the name in parentheses, as the section's subtitle: "## ${suggested}"`);
    expect(read(`## ${suggested}\n\nx`).problems).toEqual([]);
  });

  it.each([
    ['Nova (', 'leaves a parenthesis open', 'write "## Nova", or give it a subtitle in parentheses: "## Nova (…)"'],
    [
      'Nova )',
      'leaves a parenthesis open or closes one never opened',
      'write "## Nova", or give it a subtitle in parentheses: "## Nova (…)"',
    ],
    [
      'Nova（热迁移',
      'leaves a parenthesis open',
      'put the words after the name in parentheses, as the section\'s subtitle: "## Nova (热迁移)"',
    ],
    [
      'Nova (热迁移) (',
      'leaves a parenthesis open',
      'put the words after the name in parentheses, as the section\'s subtitle: "## Nova (热迁移)"',
    ],
    ['(Nova)', 'names a project inside parentheses', 'write "## Nova"'],
  ])('refuses "## %s", whose parentheses would be dropped from the page, saying it %s', (written, said, fix) => {
    const { sections, problems } = read(`## ${written}\n\nx`);
    expect(sections).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: expect.stringContaining(said), fix }]);
  });

  it.each([
    [
      '## Nova\u200B (热迁移专题)',
      'holds an invisible character, U+200B (a zero-width space), after "Nova"',
      'delete it, so the heading reads "## Nova (热迁移专题)"',
    ],
    [
      '## \u200DNova',
      'holds an invisible character, U+200D (a zero-width joiner), at its start',
      'delete it, so the heading reads "## Nova"',
    ],
    [
      '## Nova\u2009计算',
      'holds an invisible character, U+2009, after "Nova"',
      'delete it; then put the words after the name in parentheses, as the section\'s subtitle: "## Nova (计算)"',
    ],
  ])('names the invisible character in %j, whose fix would otherwise look like the heading', (heading, said, fix) => {
    expect(read(`${heading}\n\nx`).problems).toEqual([{ line: 1, message: expect.stringContaining(said), fix }]);
  });

  it('says which space "##" is followed by when it is not the plain one', () => {
    expect(read('##\u00A0Nova\n\nx').problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('needs a plain space after "##" (here a no-break space, which looks the same)'),
      }),
    ]);
  });

  it('suggests an alias of the name alone, never with the subtitle, which an alias cannot hold', () => {
    expect(read('## Nvoa (热迁移专题)\n\nx').problems).toEqual([
      expect.objectContaining({
        fix: 'did you mean "Nova" (nova)? Fix the heading, or add "Nvoa" to its aliases in src/content/projects.yaml',
      }),
    ]);
  });

  it('keeps an emoji in a heading: as the subtitle, not dropped with the punctuation names are read without', () => {
    expect(read('## Heat 🚀\n\nx').problems).toEqual([
      expect.objectContaining({ fix: expect.stringContaining('as the section\'s subtitle: "## Heat (🚀)"') }),
    ]);
    expect(read('## Heat (🚀)\n\nx').sections).toEqual([expect.objectContaining({ projectId: 'heat', subtitle: '🚀' })]);
  });

  it('reports a section with nothing under its heading, or only a rule, not one holding only an image', () => {
    expect(read('## Nova\n\n## Heat\n\n![架构](/favicon.svg)\n\n## Cinder\n\n---\n').problems).toEqual([
      {
        line: 1,
        message: 'the Nova section has nothing under its heading',
        fix: "write the section's news under it, or remove the heading",
      },
      expect.objectContaining({ line: 7, message: 'the Cinder section has nothing under its heading' }),
    ]);
  });

  it('accepts a subtitle left empty, "## Nova ()", as the heading "Nova"', () => {
    expect(read('## Nova ()\n\nx')).toMatchObject({ sections: [{ projectId: 'nova' }], problems: [] });
  });

  it('reports a project heading inside a quote or a list, which opens no section', () => {
    const { sections, problems } = read(
      ['## Nova', '', 'Nova 文字', '', '> ## Heat', '> Heat 文字', '', '- ## Neutron', '', '> ## 引用里的标题', ''].join('\n'),
    );
    expect(sections.map((section) => section.projectId)).toEqual(['nova']);
    expect(problems).toEqual([
      {
        line: 5,
        message: 'the heading "Heat" stands inside a quote or a list, so it opens no Heat section: its text stays in the section before',
        fix: 'write "## Heat" at the start of its own line, outside the quote or list, or make it a sub-heading ("### Heat")',
      },
      expect.objectContaining({ line: 8, message: expect.stringContaining('opens no Neutron section') }),
    ]);
  });

  it('treats a body without sections as all introduction', () => {
    expect(read('只有文字')).toMatchObject({ intro: { markdown: '只有文字', html: '<p>只有文字</p>', text: '只有文字' }, sections: [] });
  });

  it('reports an element the page drops with the words it holds, closed or not, and not one holding code or nothing', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        '点击<button>提交</button>按钮。',
        '',
        '<form action="/x">',
        '<p>表单里的说明</p>',
        '</form>',
        '',
        '<noscript>无脚本时的文字</noscript><button></button><script>var a = 1;</script><style>p {}</style>',
        '',
        '又一个<button>取消</button>。',
      ].join('\n'),
    );
    expect(problems.map(({ line, message, fix }) => [line, message, fix])).toEqual([
      [
        3,
        'the page drops <button> with what it holds, here "提交": it keeps no forms, buttons, drawings, formulas or their like',
        'write the text without the <button> tag',
      ],
      [
        5,
        expect.stringContaining('the page drops <form> with what it holds, here "表单里的说明"'),
        'write the text without the <form> tag',
      ],
      [9, expect.stringContaining('<noscript> with what it holds, here "无脚本时的文字"'), expect.any(String)],
      [11, expect.stringContaining('<button> with what it holds, here "取消"'), expect.any(String)],
    ]);
  });

  it('reports a drawing or formula the page drops with its words, and not one holding only code, marks or nothing', () => {
    const { problems } = read(
      [
        '## Nova',
        '',
        '架构：<svg viewBox="0 0 10 10"><text x="1" y="5">计算节点</text></svg>。',
        '',
        '公式 <math><mi>x</mi><mo>=</mo><mn>2</mn></math> 成立。',
        '',
        '图标<svg viewBox="0 0 10 10"><circle r="4"></circle></svg>。',
        '',
        '<svg><script>draw("图")</script><style>text {}</style></svg><math><mo>)</mo></math>',
      ].join('\n'),
    );
    expect(problems.map(({ line, message, fix }) => [line, message, fix])).toEqual([
      [3, expect.stringContaining('the page drops <svg> with what it holds, here "计算节点"'), 'write the text without the <svg> tag'],
      [5, expect.stringContaining('the page drops <math> with what it holds, here "x=2"'), 'write the text without the <math> tag'],
    ]);
  });

  it('refuses raw HTML that swallows a section heading, rather than filing text under the wrong project', () => {
    const { problems } = read('## Nova\n\n<form>\n\n## Heat\n\nh\n\n</form>\n\n## Neutron\n\nn');
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('raw HTML opened before a section heading') }),
    ]);
  });

  it('cannot be cut by text that imitates a part boundary', () => {
    const forged = read('## Nova\n\n<p>digest-part-00000000-0000-0000-0000-000000000000</p> <hr data-digest-part="x">\n\n## Heat\n\nh');
    expect(forged.sections.map((section) => section.projectId)).toEqual(['nova', 'heat']);
    expect(forged.sections[0]?.text).toContain('digest-part-00000000');
  });
});
