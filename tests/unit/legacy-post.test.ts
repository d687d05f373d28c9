import { describe, expect, it } from 'vitest';
import { parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import { validateIssueFile } from '../../src/pipeline/issue-validation.ts';
import { convertLegacyPost, type ImportContext, type ImportResult } from '../../scripts/lib/legacy-post.ts';
import { formatImportReport } from '../../scripts/lib/import-report.ts';
import { issueContext, resolver } from './helpers.ts';

const context: ImportContext = { resolver, attribution: { editor: '测试编辑', source: 'https://example.org/' } };
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
    expect(messages).toContain('"###Heat" read as a heading');
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

  it('takes the year from --date or --dates-from for a file name without one', () => {
    const text = post('OpenStack社区动态第八期(02.03-02.15)', '## Heat\nx\n');
    const byNumber = new Map([[8, { date: parseIsoDay('2014-02-15') as Date, source: 'the dated post 2014-02-15-x.md' }]]);
    const issue = imported(convert('001_cc8ac119.txt', text, { datesByNumber: byNumber }));
    expect(toIsoDay(issue.data.period.start)).toBe('2014-02-03');
    const explicit = new Map([['001_cc8ac119.txt', { date: parseIsoDay('2015-02-16') as Date, source: '--date' }]]);
    expect(toIsoDay(imported(convert('001_cc8ac119.txt', text, { datesByFile: explicit })).data.period.end)).toBe('2015-02-15');
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
    ['a title without a number', post('OpenStack社区动态(02.16-03.01)', '## Nova\na\n'), 3, 'carries no issue number'],
    ['a title without a period', post('OpenStack社区动态第九期', '## Nova\na\n'), 3, 'carries no period'],
    ['a period with a day that does not exist', post('OpenStack社区动态第九期(02.16-02.30)', '## Nova\na\n'), 3, 'does not exist'],
    ['broken YAML', '---\ntitle: 第九期(02.16-03.01)\ndescription: a: b\n---\n## Nova\n', 3, 'broken YAML'],
    ['no front matter', '## Nova\nx\n', 1, 'no Jekyll front matter'],
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
