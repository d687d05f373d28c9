import { describe, expect, it } from 'vitest';
import { parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import { validateIssueFile } from '../../src/pipeline/issue-validation.ts';
import { issuePage, readIssueBody } from '../../src/pipeline/issue-body.ts';
import { convertLegacyPost, type ImportContext, type ImportResult } from '../../scripts/lib/legacy-post.ts';
import { formatImportReport } from '../../scripts/lib/import-report.ts';
import { issueContext, resolver, site } from './helpers.ts';

const context: ImportContext = { resolver, attribution: { editor: '测试编辑', source: 'https://example.org/digest/' } };
const bytes = (text: string) => new TextEncoder().encode(text);
const post = (title: string, body: string, extra = '') =>
  `---\nlayout: post\ntitle: ${title}\ndescription: 测试周报\ncategory: 技术\n${extra}---\n${body}`;
const convert = (fileName: string, text: string | Uint8Array, extra: Partial<ImportContext> = {}) =>
  convertLegacyPost({ fileName, bytes: typeof text === 'string' ? bytes(text) : text }, { ...context, ...extra });
const imported = (result: ImportResult) => {
  if (!result.ok) throw new Error(`import failed: line ${result.line}: ${result.reason}`);
  return result.issue;
};
const kinds = (result: ImportResult) => result.notes.map((note) => note.kind);

const early = post(
  'OpenStack社区动态第一期(11.17-11.22)',
  [
    '',
    '声明：  ',
    '本博客由测试团队出品，请保留原作者信息!  ',
    '博客地址：<http://example.org/>',
    '',
    '## 业界动态',
    '新闻一。',
    '',
    '## 社区跟踪',
    '',
    '### Common',
    '公共内容。',
    '',
    '### Nova',
    'Nova 内容。',
    '',
  ].join('\n'),
).replaceAll('\n', '\r\n');

describe('importing a legacy post', () => {
  const result = convert('2013-11-12-openstack-activity-1107-1112.md', early);
  const issue = imported(result);

  it('reads number, title and period with years from the file-name date', () => {
    expect(issue).toMatchObject({ number: 1, path: 'zh-CN/0001.md' });
    expect(issue.data.title).toBe('OpenStack社区动态第一期');
    expect(toIsoDay(issue.data.period.start)).toBe('2013-11-17');
    expect(toIsoDay(issue.data.period.end)).toBe('2013-11-22');
    expect(toIsoDay(issue.data.published)).toBe('2013-11-12');
    expect(issue.data.legacy).toEqual({
      file: '2013-11-12-openstack-activity-1107-1112.md',
      title: 'OpenStack社区动态第一期(11.17-11.22)',
    });
  });

  it('reports what it normalized: line endings, the disagreeing date, dropped fields, the credit, headings', () => {
    expect(kinds(result)).toEqual(expect.arrayContaining(['line-endings', 'date', 'metadata', 'notice', 'group-heading', 'heading']));
    expect(result.notes.find((note) => note.kind === 'date')?.message).toContain('10 days before');
    expect(result.notes.find((note) => note.kind === 'notice')).toMatchObject({ line: 8 });
  });

  it("says when the file name's period is not the title's, which it takes", () => {
    expect(result.notes).toContainEqual({
      kind: 'title',
      line: 3,
      message: "the title's period (11.17-11.22) is taken; the file name gives another, 1107-1112: one of them is mistyped",
    });
    const agreeing = convert('2013-11-22-openstack-activity-1117-1122.md', early);
    expect(agreeing.notes.filter((note) => note.kind === 'title')).toEqual([]);
  });

  it('moves the 声明 credit into attribution, verbatim, and out of the body', () => {
    expect(issue.data.attribution.notice).toBe('声明：  \n本博客由测试团队出品，请保留原作者信息!  \n博客地址：<http://example.org/>');
    expect(issue.content).not.toMatch(/^声明/m);
  });

  it('writes one ## section per project, in order, and a file the site accepts', () => {
    expect(issue.data.projects).toEqual(['industry', 'common', 'nova']);
    expect(issue.content).toContain('\n## 业界动态\n\n新闻一。\n\n## Common\n\n公共内容。\n\n## Nova\n\nNova 内容。\n');
    expect(issue.content).not.toContain('\r');
    expect(validateIssueFile({ file: issue.path, source: issue.content }, issueContext).problems).toEqual([]);
  });

  it('gives byte-identical output on a second run', () => {
    expect(imported(convert('2013-11-12-openstack-activity-1107-1112.md', early)).content).toBe(issue.content);
  });
});

describe('drift across the series', () => {
  it('resolves a compact period across a new year, without the two top sections, at other heading levels', () => {
    const result = convert(
      '2014-01-03-activity.md',
      post('OpenStack社区动态第六期(1228-0103)', '前言。\n\n## Nova\nA\n\n#### Neutron\nB\n'),
    );
    const issue = imported(result);
    expect(`${toIsoDay(issue.data.period.start)}..${toIsoDay(issue.data.period.end)}`).toBe('2013-12-28..2014-01-03');
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'year', message: expect.stringContaining('crosses a new year') }));
    expect(issue.data.projects).toEqual(['nova', 'neutron']);
    expect(issue.content).toContain('前言。\n\n## Nova\n\nA\n\n## Neutron\n\nB\n');
  });

  it('reports a project named exactly by a sub-heading inside another section, and keeps the sub-heading on =keep', () => {
    const text = post('OpenStack社区动态第六期(1228-0103)', '## Nova\nA\n\n#### Neutron\nB\n');
    const moved = convert('2014-01-03-activity.md', text);
    expect(moved.notes).toContainEqual({
      kind: 'heading',
      line: 10,
      message:
        '"#### Neutron" inside the Nova section names Neutron: it starts the Neutron section (--section 2014-01-03-activity.md:10=keep keeps it a sub-heading)',
    });
    const kept = imported(
      convert('2014-01-03-activity.md', text, { sectionsByFile: new Map([['2014-01-03-activity.md', new Map([[10, 'keep']])]]) }),
    );
    expect(kept.data.projects).toEqual(['nova']);
    expect(kept.content).toContain('\n## Nova\n\nA\n\n#### Neutron\nB\n');
  });

  it('maps misspelled, differently cased and former names, reporting each', () => {
    const result = convert(
      '2014-03-01-x.md',
      post('OpenStack社区动态第九期(02.16-03.01)', '### NOVA\na\n### Nuetron\nb\n### Savanna\nc\n###Heat\nd\n'),
    );
    const issue = imported(result);
    expect(issue.data.projects).toEqual(['nova', 'neutron', 'sahara', 'heat']);
    const messages = result.notes.map((note) => note.message).join('\n');
    expect(messages).toContain('"### NOVA" → "## Nova"');
    expect(messages).toContain('"### Nuetron" → "## Neutron" (close spelling of Neutron)');
    expect(messages).toContain('"### Savanna" → "## Sahara" (alias of Sahara)');
    expect(messages).toContain('"###Heat" read as the heading "### Heat" (space added after ###)');
  });

  it('keeps text under 社区跟踪 (as Common) and merges a repeated section', () => {
    const result = convert(
      '2014-03-01-x.md',
      post('OpenStack社区动态第九期(02.16-03.01)', '## 社区跟踪\n总述。\n### Nova\na\n### Heat\nh\n### nova\nb\n'),
    );
    const issue = imported(result);
    expect(issue.data.projects).toEqual(['common', 'nova', 'heat']);
    expect(issue.content).toContain('## Common\n\n总述。\n\n## Nova\n\na\n\nb\n\n## Heat\n\nh');
    expect(kinds(result)).toContain('merged-section');
  });

  it('reads 社区跟踪 with a colon after it as the group heading, as a project heading takes one', () => {
    const result = convert(
      '2014-03-01-x.md',
      post('OpenStack社区动态第九期(02.16-03.01)', '## 业界动态：\n新闻。\n\n## 社区跟踪：\n总述。\n\n### Nova\na\n'),
    );
    expect(imported(result).data.projects).toEqual(['industry', 'common', 'nova']);
    expect(imported(result).content).toContain('## 业界动态\n\n新闻。\n\n## Common\n\n总述。\n\n## Nova\n\na\n');
    expect(result.notes).toContainEqual({
      kind: 'group-heading',
      line: 10,
      message: 'group heading "## 社区跟踪：" dropped; any text under it goes to Common',
    });
  });

  it('reads 廿 (twenty) in a title as the number it is', () => {
    expect(imported(convert('2014-09-10-x.md', post('OpenStack社区动态第廿一期(0826-0910)', '## Nova\na\n'))).number).toBe(21);
  });

  it('links bare URLs the way the legacy blog showed them', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(
        'OpenStack社区动态第九期(02.16-03.01)',
        '## Heat\nhttps://wiki.openstack.org/wiki/Multi\\_Region\\_Heat  \n见 https://example.org/a_b，后面的文字。\n',
      ),
    );
    const issue = imported(result);
    expect(issue.content).toContain('<https://wiki.openstack.org/wiki/Multi_Region_Heat>  \n见 <https://example.org/a_b>，后面的文字。');
    expect(result.notes.filter((note) => note.kind === 'bare-url')).toHaveLength(2);
  });

  it('takes out of link addresses the characters no one sees, keeping them in the text, with a note', () => {
    const result = convert(
      '2014-04-10-x.md',
      post(
        'OpenStack社区动态第十一期(03.20-04.10)',
        [
          '## Marconi',
          '服务[Marconi\u200d](https://wiki.openstack.org/marconi\u200e)的核心团队',
          '见 https://wiki.openstack.org/Zaqar\u200b/Specs 与 ![图](https://img.example/a\u200b.png) 和 [规范][s]',
          '',
          '[s]: https://specs.example.org/\u2060x',
          '',
        ].join('\n'),
      ),
    );
    const issue = imported(result);
    expect(issue.content).toContain('服务[Marconi\u200d](https://wiki.openstack.org/marconi)的核心团队');
    expect(issue.content).toContain('见 <https://wiki.openstack.org/Zaqar/Specs> 与 ![图](https://img.example/a.png) 和 [规范][s]');
    expect(issue.content).toContain('[s]: https://specs.example.org/x');
    expect(result.notes).toContainEqual({
      kind: 'address',
      line: 8,
      message: 'the invisible U+200E (a left-to-right mark) taken out of an address',
    });
    expect(result.notes).toContainEqual(
      expect.objectContaining({
        kind: 'bare-url',
        message: expect.stringContaining('without the invisible U+200B (a zero-width space) it held'),
      }),
    );
    expect(kinds(result).filter((kind) => kind === 'address')).toHaveLength(3);
  });

  it("cleans an image's address inside a link's, keeps titles, joiners and spaces as written", () => {
    const result = convert(
      '2014-04-10-x.md',
      post(
        'OpenStack社区动态第十一期(03.20-04.10)',
        [
          '## Nova',
          '[![架构图](https://a.example/x.png\u200b)](https://b.example/post\u200e) 之后的文字',
          '[链接](https://c.example/p\u200e "家庭 👨\u200d👩\u200d👧") 与 <https://fa.wikipedia.org/wiki/می\u200cخواهم>',
          '见 https://d.example/a\u00a0more',
          '',
        ].join('\n'),
      ),
    );
    const issue = imported(result);
    expect(issue.content).toContain('[![架构图](https://a.example/x.png)](https://b.example/post) 之后的文字');
    expect(issue.content).toContain(
      '[链接](https://c.example/p "家庭 👨\u200d👩\u200d👧") 与 <https://fa.wikipedia.org/wiki/می\u200cخواهم>',
    );
    expect(issue.content).toContain('见 https://d.example/a\u00a0more');
    expect(kinds(result).filter((kind) => kind === 'address')).toHaveLength(3);
  });

  it('takes the year from --date or --dates-from for a file name without one', () => {
    const text = post('OpenStack社区动态第八期(02.03-02.15)', '## Heat\nx\n');
    const byNumber = new Map([[8, { date: parseIsoDay('2014-02-15') as Date, source: 'the dated post 2014-02-15-x.md' }]]);
    const issue = imported(convert('001_cc8ac119.txt', text, { datesByNumber: byNumber }));
    expect(toIsoDay(issue.data.period.start)).toBe('2014-02-03');
    const explicit = new Map([['001_cc8ac119.txt', { date: parseIsoDay('2015-02-16') as Date, source: '--date' }]]);
    expect(toIsoDay(imported(convert('001_cc8ac119.txt', text, { datesByFile: explicit })).data.period.end)).toBe('2015-02-15');
  });
});

describe('sections as the real archive writes them', () => {
  const title = 'OpenStack社区动态第九期(02.16-03.01)';
  const sections = (result: ImportResult) => imported(result).content.slice(imported(result).content.indexOf('\n---\n') + 5);
  const unconfirmed = (result: ImportResult) => result.notes.filter((note) => note.kind === 'unconfirmed');

  it("keeps a heading's subtitle, in either kind of parentheses, and says so", () => {
    const result = convert(
      '2014-03-01-x.md',
      post(title, '## 业界动态（本期重点：Icehouse 发布）\n新闻。\n\n## 社区跟踪\n### Nova (热迁移专题)\na\n### Nova（续）\nb\n'),
    );
    expect(imported(result).data.projects).toEqual(['industry', 'nova']);
    expect(sections(result)).toBe('\n## 业界动态（本期重点：Icehouse 发布）\n\n新闻。\n\n## Nova (热迁移专题)\n\na\n\n### 续\n\nb\n');
    const messages = result.notes.map((note) => note.message).join('\n');
    expect(messages).toContain('"### Nova (热迁移专题)" → "## Nova (热迁移专题)"');
    expect(messages).toContain('a second Nova section merged into the first; its subtitle kept as the sub-heading "### 续"');
  });

  it('keeps an alias or a close spelling under 业界动态 a sub-heading there, reporting the guess it did not make', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(title, '## 业界动态\n新闻。\n### 网络\nSDN 新闻。\n### Heap\n堆新闻。\n## 社区跟踪\n### Nova\na\n'),
    );
    expect(imported(result).data.projects).toEqual(['industry', 'nova']);
    expect(sections(result)).toContain('## 业界动态\n\n新闻。\n### 网络\nSDN 新闻。\n### Heap\n堆新闻。\n\n## Nova');
    expect(unconfirmed(result)).toEqual([
      {
        kind: 'unconfirmed',
        line: 9,
        message:
          '"### 网络" inside the 业界动态 section is an alias of Neutron; it stays a sub-heading there. To start the Neutron section at it: --section 2014-03-01-x.md:9=neutron',
      },
      expect.objectContaining({ line: 11, message: expect.stringContaining('is a close spelling of Heat') }),
    ]);
  });

  it('reports a bold line that may stand for a heading, and leaves its text where it is', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(title, '## 社区跟踪\n### Nova\na\n\n**Neutron**\nb\n\n__Keystone__  \nc\n\n**重点**\nd\n'),
    );
    expect(imported(result).data.projects).toEqual(['nova']);
    expect(sections(result)).toContain('## Nova\n\na\n\n**Neutron**\nb\n\n__Keystone__  \nc\n\n**重点**\nd');
    expect(unconfirmed(result).map(({ line, message }) => [line, message.slice(0, 60)])).toEqual([
      [11, '"**Neutron**" on a line of its own may stand for a Neutron h'],
      [14, '"__Keystone__" on a line of its own may stand for a Keystone'],
    ]);
    expect(formatImportReport([{ fileName: 'x.md', result }], { from: 'a', to: 'b' })).toMatch(
      /; 2 guesses left for the editor to confirm \("unconfirmed" above\)\.$/,
    );
  });

  it('moves text to another section only where the editor confirms it with --section', () => {
    const body = '## 业界动态\n新闻。\n### 网络\nSDN 新闻。\n## 社区跟踪\n### Nova\na\n\n**Neutron**\nb\n### Heat\nh\n';
    const decisions = new Map([
      [9, 'neutron'],
      [15, 'neutron'],
      [17, 'keep'],
    ]);
    const result = convert('2014-03-01-x.md', post(title, body), { sectionsByFile: new Map([['2014-03-01-x.md', decisions]]) });
    expect(imported(result).data.projects).toEqual(['industry', 'neutron', 'nova']);
    // The bold line's Neutron text joins the first Neutron section; "### Heat" stays where it stands, under it.
    expect(sections(result)).toBe('\n## 业界动态\n\n新闻。\n\n## Neutron\n\nSDN 新闻。\n\nb\n### Heat\nh\n\n## Nova\n\na\n');
    expect(unconfirmed(result)).toEqual([]);
    expect(result.notes.filter((note) => note.kind === 'confirmed').map((note) => note.line)).toEqual([9, 15, 17]);
  });

  it("keeps every word of a heading the editor filed with --section, as the section's subtitle", () => {
    const body = '## 业界动态\n新闻。\n### Heat 模板专题\nh\n### 模板专题二\ni\n\n**Common：发布**\nc\n### Nova【热迁移】\nn\n';
    const decisions = new Map([
      [9, 'heat'],
      [11, 'heat'],
      [14, 'common'],
      [16, 'nova'],
    ]);
    const result = convert('2014-03-01-x.md', post(title, body), { sectionsByFile: new Map([['2014-03-01-x.md', decisions]]) });
    expect(sections(result)).toContain('## Heat (模板专题)\n\nh\n\n### 模板专题二\n\ni');
    expect(sections(result)).toContain('## Common (发布)\n\nc');
    expect(sections(result)).toContain('## Nova (热迁移)\n\nn');
    expect(result.notes.find((note) => note.line === 9)?.message).toBe(
      '"### Heat 模板专题" starts the Heat section as "## Heat (模板专题)" (--section 2014-03-01-x.md:9=heat)',
    );
  });

  it('reads a project heading written as raw HTML as the heading it stands for, the text after it in its section', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(title, '## 社区跟踪\n### Nova\na\n<h3>Heat</h3>\nHeat 的新闻。\n\n<h3>无关标题</h3>\n\nb\n'),
    );
    expect(imported(result).data.projects).toEqual(['nova', 'heat']);
    expect(sections(result)).toBe('\n## Nova\n\na\n\n## Heat\n\nHeat 的新闻。\n\n<h3>无关标题</h3>\n\nb\n');
    expect(result.notes.find((note) => note.line === 10)?.message).toBe('"<h3>Heat</h3>" read as the heading "### Heat"');
  });

  it('writes no section for a project heading with nothing under it, and says so at its line', () => {
    const result = convert('2014-03-01-x.md', post(title, '## 社区跟踪\n### Nova\n### Heat\nh\n### Cinder\n'));
    expect(imported(result).data.projects).toEqual(['heat']);
    expect(sections(result)).toBe('\n## Heat\n\nh\n');
    expect(result.notes.filter((note) => note.message.includes('no text under it'))).toEqual([
      { kind: 'heading', line: 8, message: 'the Nova heading has no text under it: no section written for it' },
      { kind: 'heading', line: 11, message: 'the Cinder heading has no text under it: no section written for it' },
    ]);
  });

  it('offers =keep for a heading that names no project where project headings stand, text underlined with --- too', () => {
    const body = '## 社区跟踪\n\n### Nova\n消息一。\n\n下一版本预计于4.3号发布\n---\n\n消息二。\n';
    const result = convert('2014-03-01-x.md', post(title, body));
    expect(result).toMatchObject({ ok: false, line: 12 });
    if (result.ok) return;
    expect(result.reason).toContain('--section 2014-03-01-x.md:12=keep to keep it a sub-heading of the Nova section');
    expect(result.reason).toContain('a line of "---" under text makes the text a heading');
    const kept = convert('2014-03-01-x.md', post(title, body), { sectionsByFile: new Map([['2014-03-01-x.md', new Map([[12, 'keep']])]]) });
    expect(sections(kept)).toContain('\n## Nova\n\n消息一。\n\n### 下一版本预计于4.3号发布\n\n消息二。');
  });

  it('fails on an answer for a line that holds no heading or bold line', () => {
    const decisions = new Map([['2014-03-01-x.md', new Map([[9, 'nova']])]]);
    expect(convert('2014-03-01-x.md', post(title, '## Nova\na\n'), { sectionsByFile: decisions })).toMatchObject({
      ok: false,
      line: 9,
      reason: '--section 2014-03-01-x.md:9=nova: line 9 holds no heading or bold line',
    });
  });

  it("keeps the indentation of a section's first line: an indented code block, a nested list", () => {
    const code = '    nova boot --flavor m1.small demo\n    nova list';
    const list = '   - Icehouse\n\n        - icehouse-3';
    const result = convert('2014-03-01-x.md', post(title, `## Nova\n\n${code}\n\n## Heat\n\n${list}\n`));
    expect(sections(result)).toBe(`\n## Nova\n\n${code}\n\n## Heat\n\n${list}\n`);
    const body = readIssueBody(sections(result), { resolver, page: issuePage(site, 9, 'zh-CN') });
    expect(body.sections[0]?.html).toBe('<pre tabindex="0"><code>nova boot --flavor m1.small demo\nnova list\n</code></pre>');
    expect(body.sections[1]?.html).toMatch(/^<ul>\s*<li>\s*<p>Icehouse<\/p>\s*<ul>\s*<li>icehouse-3<\/li>/);
  });

  it('reports a heading naming a project inside a list or quote, which opens no section, leaving the text where it is', () => {
    const body = '## 社区跟踪\n\n### Nova\n消息一。\n\n* ### Heat\n\n模板消息。\n\n> #### Neutron 网络\n> 引用。\n';
    const result = convert('2014-03-01-x.md', post(title, body));
    expect(imported(result).data.projects).toEqual(['nova']);
    expect(sections(result)).toContain('\n## Nova\n\n消息一。\n\n* ### Heat\n\n模板消息。\n\n> #### Neutron 网络\n> 引用。');
    expect(result.notes).toContainEqual({
      kind: 'heading',
      line: 12,
      message:
        '"### Heat" inside a list names Heat but opens no section there: what follows stays in the Nova section. To file it under Heat, take the heading out of the list, at the start of its line',
    });
    expect(result.notes.filter((note) => note.line === 16)).toEqual([]);
  });

  it('names a project in a heading that also holds an HTML anchor, the anchor kept as the first line', () => {
    const result = convert('2014-03-01-x.md', post(title, '## 业界动态\n新闻。\n\n### Nova <a name="nova"></a>\n消息。\n'));
    expect(imported(result).data.projects).toEqual(['industry', 'nova']);
    expect(sections(result)).toBe('\n## 业界动态\n\n新闻。\n\n## Nova\n\nNova <a name="nova"></a>\n\n消息。\n');
    expect(result.notes.map((note) => note.message)).toContainEqual(
      expect.stringContaining('"### Nova <a name="nova"></a>" inside the 业界动态 section names Nova: it starts the Nova section'),
    );
  });

  it('demotes a heading underlined with = or - in the introduction whole, its text kept', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(title, '编者按\n======\n本期较少。\n\n注意 *事项*\n---\n一条。\n\n## 业界动态\n新闻。\n'),
    );
    expect(sections(result)).toBe('\n### 编者按\n本期较少。\n\n### 注意 *事项*\n一条。\n\n## 业界动态\n\n新闻。\n');
    expect(result.notes).toContainEqual({
      kind: 'heading',
      line: 7,
      message: '"编者按⏎======" (a heading underlined with =) inside the introduction demoted to "### 编者按"',
    });
    expect(validateIssueFile({ file: 'zh-CN/0009.md', source: imported(result).content }, issueContext).problems).toEqual([]);
  });
});

describe("Jekyll's own fields", () => {
  it('says so when it drops a BOM or writes the title as a missing description', () => {
    const text = post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n').replace('description: 测试周报\n', '');
    const result = convert('2014-03-01-x.md', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]));
    expect(imported(result).data.description).toBe('OpenStack社区动态第九期');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { kind: 'encoding', line: 1, message: 'the UTF-8 byte order mark (BOM) some Windows editors write dropped' },
        {
          kind: 'metadata',
          message: 'no description in the front matter: the title "OpenStack社区动态第九期" written as the issue\'s description',
        },
      ]),
    );
  });

  it('imports a post Jekyll did not publish (published: false) as a draft, and says so', () => {
    const result = convert('2014-03-01-x.md', post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n', 'published: false\n'));
    const issue = imported(result);
    expect(issue.data.draft).toBe(true);
    expect(issue.content).toMatch(/^draft: true$/m);
    expect(result.notes).toContainEqual({
      kind: 'metadata',
      line: 6,
      message: 'published: false (a post the blog never showed) written as draft: true; remove it from the issue to publish it',
    });
    expect(validateIssueFile({ file: issue.path, source: issue.content }, issueContext).problems).toEqual([]);
  });

  it('takes date: as the publication day and author: as the editor, keeping both as written', () => {
    const result = convert(
      '2014-03-01-x.md',
      post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n', 'date: 2014-03-02 20:30:00 +0800\nauthor: 张三\n'),
    );
    const issue = imported(result);
    expect(toIsoDay(issue.data.published)).toBe('2014-03-02');
    expect(issue.data.attribution.editor).toBe('张三');
    expect(issue.data.legacy).toMatchObject({ date: '2014-03-02 20:30:00 +0800', author: '张三' });
    expect(result.notes).toEqual(
      expect.arrayContaining([
        {
          kind: 'date',
          line: 6,
          message: "publication date 2014-03-02 from the front matter's date: 2014-03-02 20:30:00 +0800 (the file name says 2014-03-01)",
        },
        { kind: 'editor', line: 7, message: "editor 张三 from the front matter's author: (the series' credits name 测试编辑)" },
      ]),
    );
    expect(validateIssueFile({ file: issue.path, source: issue.content }, issueContext).problems).toEqual([]);
  });

  it('reads a date: without the zeros, as Jekyll does', () => {
    const issue = imported(
      convert('2014-03-01-x.md', post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n', 'date: 2014-3-2 9:30\n')),
    );
    expect(toIsoDay(issue.data.published)).toBe('2014-03-02');
  });

  it('fails on a date: it cannot read, naming the line and the --date that settles it, which then does', () => {
    const unreadable = post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n', 'date: last Monday\n');
    expect(convert('2014-03-01-x.md', unreadable)).toMatchObject({
      ok: false,
      line: 6,
      reason: expect.stringContaining('or give the day with --date <file>=YYYY-MM-DD'),
    });
    const given = convert('2014-03-01-x.md', unreadable, {
      datesByFile: new Map([['2014-03-01-x.md', { date: new Date('2014-03-03T00:00:00Z'), source: '--date' }]]),
    });
    expect(toIsoDay(imported(given).data.published)).toBe('2014-03-03');
  });

  it('fails on a date: it cannot read, naming the line', () => {
    expect(convert('2014-03-01-x.md', post('第九期(02.16-03.01)', '## Nova\n', 'date: last Monday\n'))).toMatchObject({
      ok: false,
      line: 6,
      reason: expect.stringContaining('date: "last Monday" is not a date'),
    });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    [
      'a heading where projects stand that names none',
      post('第九期(02.16-03.01)', '## 社区跟踪\n### Nova\na\n### Docker\nb\n'),
      10,
      'heading "### Docker" stands where project headings do',
    ],
    [
      "a heading that starts with a project's name, then other words",
      post('第九期(02.16-03.01)', '## 社区跟踪\n### Nova\na\n### Heat 模板专题\nb\n'),
      10,
      'heading "### Heat 模板专题" starts with Heat\'s name, then other words; --section 2014-03-01-x.md:10=heat files it as "## Heat (模板专题)"',
    ],
    ['a title without a number', post('OpenStack社区动态(02.16-03.01)', '## Nova\na\n'), 3, 'carries no issue number'],
    [
      'a title without a period, in a file whose name has none either',
      post('OpenStack社区动态第九期', '## Nova\na\n'),
      3,
      "carries no period such as (02.03-02.15) or (0320-0410), nor does the file name (as in 2014-02-15-openstack-activity-0203-0215.md); add the period the issue covers to the post's title, as (MM.DD-MM.DD)",
    ],
    ['a period with a day that does not exist', post('OpenStack社区动态第九期(02.16-02.30)', '## Nova\na\n'), 3, 'does not exist'],
    [
      'a period whose days are swapped',
      post('OpenStack社区动态第九期(03.01-02.16)', '## Nova\na\n'),
      3,
      "the period (03.01-02.16) ends before it starts: read across a new year it would cover 352 days, longer than any issue. Fix: correct the period in the post's title (are its two days swapped?)",
    ],
    [
      'a value YAML reads as another field, with the fix',
      '---\ntitle: 第九期(02.16-03.01)\ndescription: 周报: 第九期\n---\n## Nova\n',
      3,
      'description: the value holds ": ", which YAML reads as the start of another field, so the front matter does not read (Nested mappings are not allowed in compact mappings). Fix: put the value in double quotes: description: "周报: 第九期"',
    ],
    [
      'broken YAML',
      '---\ntitle: 第九期(02.16-03.01)\ntitle: 第十期\n---\n## Nova\n',
      3,
      'broken YAML: Map keys must be unique. Fix: correct the YAML between the two "---" lines',
    ],
    ['no front matter', '## Nova\nx\n', 1, 'no Jekyll front matter'],
    ['an empty file', '', 1, 'the file is empty. Fix: remove it from the folder, or restore the post'],
    [
      'a post with no text after its front matter',
      post('第九期(02.16-03.01)', '\n  \n'),
      7,
      'the post has no text after its front matter, headings aside. Fix: remove it from the folder, or restore its text',
    ],
    [
      'a post whose text stands under no section heading',
      post('第九期(02.16-03.01)', '\n本期只有一段文字。\n\n## 社区跟踪\n'),
      8,
      "the post's text stands under no section heading (## 业界动态, ### Nova, …), and an issue holds its news in sections. Fix: write the heading of the section it belongs to above it",
    ],
    [
      'a control character pasted into the text',
      post('第九期(02.16-03.01)', '## Nova\n新\u0008闻\n'),
      8,
      'invisible control character (U+0008) at column 2',
    ],
    [
      'a front matter field with no place',
      post('第九期(02.16-03.01)', '## Nova\na\n', 'tags: [a]\nmood: happy\n'),
      7,
      'field mood has no place',
    ],
  ])('fails on %s, naming the line and reason', (_name, text, line, reason) => {
    const result = convert('2014-03-01-x.md', text);
    expect(result).toMatchObject({ ok: false, line });
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('reports the fields that only told Jekyll how to show the post, with their values, and imports it', () => {
    const result = convert(
      '2014-03-01-x.md',
      post(
        'OpenStack社区动态第九期(02.16-03.01)',
        '## Nova\na\n',
        'permalink: /blog/2014/03/01/x/\nkeywords: OpenStack, Nova\nexcerpt: 本期摘要\n',
      ),
    );
    imported(result);
    expect(result.notes.find((note) => note.kind === 'metadata')?.message).toBe(
      'Jekyll-only fields not carried over: layout: post, category: 技术, permalink: /blog/2014/03/01/x/, keywords: OpenStack, Nova, excerpt: 本期摘要',
    );
  });

  it("takes the period from the file's name, as the blog named its posts, when the title has none, and says so", () => {
    const result = convert('2014-03-01-openstack-activity-0216-0301.md', post('OpenStack社区动态第九期', '## Nova\na\n'));
    const issue = imported(result);
    expect(toIsoDay(issue.data.period.start)).toBe('2014-02-16');
    expect(toIsoDay(issue.data.period.end)).toBe('2014-03-01');
    expect(issue.data.title).toBe('OpenStack社区动态第九期');
    expect(result.notes).toContainEqual({
      kind: 'title',
      line: 3,
      message: 'the title carries no period: (0216-0301) taken from the file name',
    });
    // A period in the title wins over the name's.
    const titled = imported(
      convert('2014-03-01-openstack-activity-0101-0102.md', post('OpenStack社区动态第九期(02.16-03.01)', '## Nova\na\n')),
    );
    expect(toIsoDay(titled.data.period.start)).toBe('2014-02-16');
  });

  it('fails on 29 February outside a leap year, as on 30 February, instead of moving the period a year', () => {
    const result = convert('2015-03-01-x.md', post('OpenStack社区动态第九期(02.20-02.29)', '## Nova\na\n'));
    expect(result).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('(02.20-02.29) names a day that does not exist') });
  });

  it('fails on a file that is not UTF-8, naming the line', () => {
    const gbk = new Uint8Array([...bytes(post('第九期(02.16-03.01)', '## Nova\n')), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    expect(convert('2014-03-01-x.md', gbk)).toMatchObject({ ok: false, line: 8, reason: expect.stringContaining('not UTF-8') });
  });

  it('fails on a file name without a date when none is given', () => {
    expect(convert('seed.txt', post('第九期(02.16-03.01)', '## Nova\n'))).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringContaining('--dates-from'),
    });
  });
});

describe('the import report', () => {
  it('names every file with what it read, the failures with line and reason, and ends with a summary', () => {
    const ok = convert('2013-11-12-a.md', early);
    const failed = convert('2014-03-01-b.md', '## Nova\n');
    const report = formatImportReport(
      [
        { fileName: '2013-11-12-a.md', result: ok, write: 'written' },
        { fileName: '2014-03-01-b.md', result: failed },
      ],
      { from: 'legacy', to: 'out' },
    );
    const lines = report.split('\n');
    expect(lines[0]).toBe(
      'ok    2013-11-12-a.md -> zh-CN/0001.md (written): 第一期, 2013-11-17..2013-11-22, 21 lines, 3 sections [industry, common, nova]',
    );
    expect(report).toContain('        line-endings: CRLF line endings converted to LF');
    expect(report).toContain('FAIL  2014-03-01-b.md:1: no Jekyll front matter');
    expect(lines.at(-1)).toBe(
      'Imported 1 of 2 files from legacy into out (1 written, 0 replaced, 0 unchanged); 1 failed; 6 normalizations reported.',
    );
  });
});

describe('a project heading holding links or images', () => {
  const result = convert(
    '2013-11-12-openstack-activity-1107-1112.md',
    post(
      'OpenStack社区动态第一期(11.17-11.22)',
      [
        '## 业界动态',
        '新闻一。',
        '',
        '## 社区跟踪',
        '',
        '### [Keystone](http://k.example.com/)',
        'Keystone 内容。',
        '',
        '### Heat (见[BP](http://bp.example.com/heat))',
        'Heat 内容。',
        '',
        '### Glance ![logo](http://g.example.com/logo.png)',
        'Glance 内容。',
        '',
      ].join('\n'),
    ),
  );

  it('keeps each address, the heading as written becoming the first line of its section', () => {
    const { content } = imported(result);
    expect(content).toContain('## Keystone\n\n[Keystone](http://k.example.com/)\n\nKeystone 内容。');
    expect(content).toContain('## Heat (见BP)\n\nHeat (见[BP](http://bp.example.com/heat))\n\nHeat 内容。');
    expect(content).toContain('## Glance\n\nGlance ![logo](http://g.example.com/logo.png)\n\nGlance 内容。');
  });

  it('says so in the report, with the line', () => {
    expect(result.notes).toContainEqual({
      kind: 'heading',
      line: 15,
      message: '"### Heat (见[BP](http://bp.example.com/heat))": the heading\'s links and images kept as the section\'s first line',
    });
  });
});

describe('a project heading typed with full-width number signs', () => {
  const result = convert(
    '2013-11-12-openstack-activity-1107-1112.md',
    post(
      'OpenStack社区动态第一期(11.17-11.22)',
      ['## 业界动态', '新闻一。', '', '## 社区跟踪', '', '### Common', '公共内容。', '', '＃＃＃ Nova', 'Nova 内容。', ''].join('\n'),
    ),
  );

  it('opens the project section, not a paragraph of the one before', () => {
    const { content } = imported(result);
    expect(content).toContain('## Nova\n\nNova 内容。');
    expect(content).not.toContain('＃');
    expect(result.notes).toContainEqual({
      kind: 'heading',
      line: 15,
      message: '"＃＃＃ Nova" read as the heading "### Nova" (full-width "＃" written as "#")',
    });
  });
});

describe('HTML entities in a legacy title or description', () => {
  const result = convert(
    '2013-11-12-openstack-activity-1107-1112.md',
    post('OpenStack社区动态第一期(11.17-11.22) &amp; more', '## 业界动态\n新闻一。\n', '').replace(
      'description: 测试周报',
      'description: Nova &lt;b&gt; &#x4E2D;文 &unknown;',
    ),
  );

  it('read as the characters the legacy page showed', () => {
    const { content } = imported(result);
    expect(content).toContain('title: OpenStack社区动态第一期 & more\n');
    expect(content).toContain('description: Nova <b> 中文 &unknown;\n');
    expect(result.notes).toContainEqual({
      kind: 'title',
      line: 3,
      message: 'title: "OpenStack社区动态第一期 &amp; more" read as the page showed it, "OpenStack社区动态第一期 & more"',
    });
  });
});

describe('scripts a post loaded from elsewhere', () => {
  it('are kept as written and reported at their line, as the page will not show what they showed', () => {
    const gist = 'https://gist.github.com/someone/1234.js';
    const body = [
      '## 业界动态',
      '配置示例：',
      '',
      `<script src="${gist}"></script>`,
      '',
      `见 <script type="text/javascript" src='${gist}'></script> 之后。`,
      '',
    ];
    const result = convert('2013-11-12-openstack-activity-1107-1112.md', post('OpenStack社区动态第一期(11.17-11.22)', body.join('\n')));
    const { content } = imported(result);
    expect(content).toContain(`\n<script src="${gist}"></script>\n`);
    expect(content).toContain(`见 <script type="text/javascript" src='${gist}'></script> 之后。`);
    const scripts = result.notes.filter((note) => note.kind === 'script');
    expect(scripts.map((note) => note.line)).toEqual([10, 12]);
    expect(scripts[0]?.message).toMatch(new RegExp(`^<script src="${gist}"> kept as written, but the site runs no script`));
    expect(result.notes.filter((note) => note.kind === 'script' && note.line === undefined)).toEqual([]);
  });
});

describe("Jekyll's Liquid tags", () => {
  const withBody = (lines: string[]) =>
    convert(
      '2013-11-12-openstack-activity-1107-1112.md',
      post('OpenStack社区动态第一期(11.17-11.22)', ['## 业界动态', ...lines, ''].join('\n')),
    );

  it('become what the post showed: nothing for the setup include, a fenced block for highlight', () => {
    const result = withBody(['{% include JB/setup %}', '新闻一。', '', '{% highlight bash %}', 'nova boot {{x}}', '{% endhighlight %}']);
    if (result.ok) throw new Error('a {{ }} tag inside the code was imported');
    expect(result).toMatchObject({ line: 12, reason: expect.stringContaining('"{{x}}" is a Liquid tag, which Jekyll replaced') });
    const { content } = imported(
      withBody([
        '{% include JB/setup %}',
        '新闻一。',
        '',
        '{% highlight bash %}',
        'nova boot',
        '{% endhighlight %}',
        '{% raw %}{{ 原样 }}{% endraw %}',
      ]),
    );
    expect(content).toContain('新闻一。\n\n```bash\nnova boot\n```');
    expect(content).not.toContain('{%');
  });

  it('keep what a {% raw %} block over several lines holds, as the post showed it, its markers dropped', () => {
    const result = withBody(['{% raw %}', '模板写 {{ 原样 }}，{% if x %} 亦然', '{% endraw %}', '新闻一。']);
    expect(imported(result).content).toContain('## 业界动态\n\n模板写 {{ 原样 }}，{% if x %} 亦然\n\n新闻一。');
    expect(result.notes).toContainEqual({
      kind: 'metadata',
      line: 8,
      message: '"{% raw %}" dropped: Jekyll showed the text up to {% endraw %} as written',
    });
    expect(result.notes).toContainEqual({ kind: 'metadata', line: 10, message: '"{% endraw %}" dropped' });
    const after = withBody(['{% raw %}', '{{ 原样 }}', '{% endraw %}', '见 {{ site.url }}。']);
    expect(after).toMatchObject({ ok: false, line: 11, reason: expect.stringContaining('"{{ site.url }}" is a Liquid tag') });
    const opened = withBody(['新闻一。{% raw %}{{ 原样', '}} 之后{% endraw %}，完。']);
    expect(imported(opened).content).toContain('新闻一。{{ 原样\n}} 之后，完。');
    const unclosed = withBody(['新闻一。', '{% raw %}', '{{ 原样 }}']);
    expect(unclosed).toMatchObject({ ok: false, line: 9, reason: expect.stringContaining('{% raw %} is not closed by {% endraw %}') });
  });

  it('refuse a post with any other tag, at its line', () => {
    const result = withBody(['新闻一，见 {{ site.url }}/about。']);
    expect(result).toMatchObject({ ok: false, line: 8, reason: expect.stringContaining('"{{ site.url }}" is a Liquid tag') });
  });
});

describe('line endings', () => {
  it.each([
    ['\r\n', 'CRLF line endings converted to LF'],
    ['\r', 'CR line endings converted to LF'],
  ])('names what the file had: %j', (ending, message) => {
    const text = post('OpenStack社区动态第一期(11.17-11.22)', '## 业界动态\n新闻一。\n').replaceAll('\n', ending);
    const result = convert('2013-11-12-openstack-activity-1107-1112.md', text);
    expect(imported(result).content).toContain('## 业界动态\n\n新闻一。');
    expect(result.notes).toContainEqual({ kind: 'line-endings', message });
  });
});
