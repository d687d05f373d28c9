import { describe, expect, it } from 'vitest';
import { checkIssueSet, validateIssueFile, type ValidIssue } from '../../../src/pipeline/issue-validation.ts';
import { validateTranslationFile } from '../../../src/pipeline/translations.ts';
import { issueContext, issueSource } from '../helpers.ts';
import { formatIssueLabel } from '../../../src/lib/numerals.ts';

const validate = (source: string, file = 'issues/zh-CN/0009.md') => validateIssueFile({ file, source }, issueContext);

describe('validating one issue file', () => {
  it('accepts the valid control issue', () => {
    const { issue, problems } = validate(issueSource());
    expect(problems).toEqual([]);
    expect(issue?.data).toMatchObject({ number: 9, projects: ['industry', 'common', 'nova'] });
    expect(issue?.data.period.start.toISOString()).toBe('2014-02-16T00:00:00.000Z');
  });

  it('checks the credit statement as it checks the body, naming its line in the file', () => {
    const { issue, problems } = validate(
      issueSource({
        '  source: https://example.org/blog/\n':
          '  source: https://example.org/blog/\n  notice: |\n    声明：本文由测试团队出品。\n    运行 nova show <server> 查看。\n',
      }),
    );
    expect(issue).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'attribution.notice',
        line: 15,
        message: expect.stringContaining('"<server>" reads as an HTML tag'),
      }),
    ]);
  });

  it("refuses a number too large for an issue with one problem, not with YAML's 1e+23 in other messages", () => {
    const { issue, problems } = validate(issueSource({ 'number: 9\n': 'number: 99999999999999999999999\n' }));
    expect(issue).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ field: 'number', line: 2, message: 'expected an issue number up to 99999' })]);
  });

  it("names a field left empty, with what to write, rather than the schema's words", () => {
    const { problems } = validate(issueSource({ 'editor: 测试编辑': 'editor:' }));
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'attribution.editor',
        message: 'attribution.editor is empty',
        fix: 'write its value, as in editor: 孔令贤 (under attribution)',
      }),
    ]);
    expect(validate(issueSource({ 'description: 第九期的测试内容': "description: ' '" })).problems).toEqual([
      expect.objectContaining({
        field: 'description',
        message: 'description is empty',
        fix: 'write its value, as in description: 一句话介绍本期内容',
      }),
    ]);
  });

  it.each([
    ['editor: 测试编辑', 'editor: "[测试编辑](https://weibo.com/x)"', 'attribution.editor', 'a link', 'editor: 测试编辑'],
    [
      '  source: https://example.org/blog/',
      '  organization: "**华为**团队"\n  source: https://example.org/blog/',
      'attribution.organization',
      'bold',
      '  organization: 华为团队',
    ],
    [
      'description: 第九期的测试内容',
      'description: 第九期，见 <https://www.openstack.org/>',
      'description',
      'a link',
      'description: 第九期，见 https://www.openstack.org/ 官网',
    ],
    ['title: OpenStack社区动态第九期', 'title: OpenStack社区动态**第九期**', 'title', 'bold', 'title: OpenStack社区动态第九期'],
  ])('refuses Markdown in a field shown as plain text (%s → %s), and takes the text written alone', (from, to, field, kind, fixed) => {
    const { problems } = validate(issueSource({ [from]: to }));
    expect(problems).toEqual([
      expect.objectContaining({
        field,
        message: `Markdown is not read here, so ${kind} would show its marks as written`,
        fix: expect.stringContaining('write the text alone'),
      }),
    ]);
    expect(validate(issueSource({ [from]: to.includes('organization') ? `${fixed}\n${from}` : fixed })).problems).toEqual([]);
  });

  it.each([
    [
      'description: 第九期的测试内容',
      'description: Nova &amp; Neutron 的测试内容',
      'description',
      'an HTML entity (&amp;)',
      'the character itself',
    ],
    [
      'title: OpenStack社区动态第九期',
      'title: OpenStack社区动态第九期&#xFF1A;特辑',
      'title',
      'an HTML entity (&#xFF1A;)',
      'the character itself',
    ],
    ['description: 第九期的测试内容', 'description: 第九期<br>测试内容', 'description', 'an HTML tag (<br>)', 'without the tags'],
    ['description: 第九期的测试内容', 'description: 第九期的<b>测试</b>内容', 'description', 'an HTML tag (<b>)', 'without the tags'],
    [
      '  editor: 测试编辑',
      '  editor: <a href="https://example.org/jane">测试编辑</a>',
      'attribution.editor',
      'an HTML tag (<a href="https://example.org/jane">)',
      'without the tags',
    ],
  ])('refuses HTML in a field shown as plain text (%s → %s), which would show as written', (from, to, field, kind, fix) => {
    expect(validate(issueSource({ [from]: to })).problems).toEqual([
      expect.objectContaining({
        field,
        message: `HTML is not read here, so ${kind} would show as written`,
        fix: expect.stringContaining(fix),
      }),
    ]);
  });

  it('leaves angle brackets, ampersands and a tag named in prose in a plain field alone', () => {
    expect(
      validate(issueSource({ 'description: 第九期的测试内容': 'description: a < b & c > d，Heat 的 <output> 字段与 AT&T; R&D' })).problems,
    ).toEqual([]);
  });

  it.each([
    'description: 第九期的描述，\n  接着写的第二行。',
    'description: |\n  第九期的描述，\n  接着写的第二行。',
    'description: "第九期的描述，\n  接着写的第二行。"',
  ])('refuses a value wrapped between Chinese characters, which would show a space there (%s)', (written) => {
    expect(validate(issueSource({ 'description: 第九期的测试内容': written })).problems).toEqual([
      {
        file: 'issues/zh-CN/0009.md',
        line: 8,
        field: 'description',
        message:
          'description is written over several lines, which YAML joins with a space (a "|" block keeps the line break, shown as a space): pages and feeds would show a space between Chinese characters',
        fix: 'write the value on one line',
      },
    ]);
  });

  it('takes a value wrapped between words, joined by an escape, or a credit statement wrapped as a block of Markdown', () => {
    const written = {
      'description: 第九期的测试内容': 'description: 第九期的测试内容 about Nova\n  and Neutron, 还有\n  Heat',
      'title: OpenStack社区动态第九期': 'title: "OpenStack社区动态\\\n  第九期"',
      '  source: https://example.org/blog/': '  source: https://example.org/blog/\n  notice: |\n    声明：本博客由\n    华为团队维护。',
    };
    const { issue, problems } = validate(issueSource(written));
    expect(problems).toEqual([]);
    expect(issue?.data.title).toBe('OpenStack社区动态第九期');
  });

  it.each([
    [
      '  editor: 测试编辑',
      '  editor: 测试编辑\n  organization: 360',
      'attribution.organization',
      12,
      'YAML reads 360 as a number, not text',
      'organization: "360"',
    ],
    [
      'description: 第九期的测试内容',
      'description: 2014',
      'description',
      8,
      'YAML reads 2014 as a number, not text',
      'description: "2014"',
    ],
    [
      'description: 第九期的测试内容',
      'description: 0x1F',
      'description',
      8,
      'YAML reads 0x1F as a number, not text',
      'description: "0x1F"',
    ],
    [
      'description: 第九期的测试内容',
      'description: true',
      'description',
      8,
      'YAML reads true as true or false, not text',
      'description: "true"',
    ],
    [
      'description: 第九期的测试内容',
      'description: [草稿]',
      'description',
      8,
      'YAML reads [草稿] as a list, not text',
      'description: "[草稿]"',
    ],
    ['published: 2014-02-28', 'published: 20140228', 'published', 7, 'expected a date written YYYY-MM-DD (e.g. 2014-02-15)', ''],
  ])(
    'says a text field YAML reads as a number, a truth value or a list is to be quoted, a date keeping its own message (%s → %s)',
    (from, to, field, line, message, fix) => {
      expect(validate(issueSource({ [from]: to })).problems).toEqual([
        expect.objectContaining({
          file: 'issues/zh-CN/0009.md',
          line,
          field,
          message,
          ...(fix ? { fix: `put the value in quotes, as written: ${fix}` } : {}),
        }),
      ]);
    },
  );

  it('leaves Python names and multiplications in a plain field alone', () => {
    expect(
      validate(issueSource({ 'description: 第九期的测试内容': 'description: 修复 nova/__init__.py 与 2**10 的问题' })).problems,
    ).toEqual([]);
  });

  it.each(['"9"', "'9'", '９', '" 9 "'])('gives a number written as text (number: %s) the number to write', (written) => {
    const { problems } = validate(issueSource({ 'number: 9': `number: ${written}` }));
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'number',
        message: expect.stringContaining('YAML reads a number in quotes or in full-width digits as text'),
        fix: 'write number: 9 (no quotes, half-width digits)',
      }),
    ]);
    expect(validateTranslationFile({ file: 'en/0009.md', source: `---\nnumber: ${written}\n---\n` }, 'en', issueContext).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'number', fix: 'write number: 9 (no quotes, half-width digits)' })]),
    );
  });

  it('says what to write in a front matter with no fields, for an issue and a translation', () => {
    const fix = 'write the fields between the two "---" lines (see "Content fields" in README.md)';
    expect(validate('---\n---\n\n## Nova\n\nx\n').problems).toEqual([
      expect.objectContaining({ line: 1, field: 'front matter', message: 'front matter is empty', fix }),
    ]);
    expect(validateTranslationFile({ file: 'en/0009.md', source: '---\n---\n\n## Nova\n\nx\n' }, 'en', issueContext).problems).toEqual([
      expect.objectContaining({ line: 1, field: 'front matter', message: 'front matter is empty', fix }),
    ]);
  });

  it('removes explicit direction controls from titles, summaries and names, where they can only spoof', () => {
    const { issue } = validate(
      issueSource({ 'description: 第九期的测试内容': 'description: 第九期\u202Egnp.exe', 'editor: 测试编辑': 'editor: \u202E测试编辑' }),
    );
    expect(issue?.data.description).toBe('第九期gnp.exe');
    expect(issue?.data.attribution.editor).toBe('测试编辑');
  });

  it.each([
    [
      'a missing field',
      { 'published: 2014-02-28\n': '' },
      { field: 'published', line: 1, message: 'the required field published is missing', fix: 'add published: 2014-02-15' },
    ],
    [
      'an end before the start',
      { 'end: 2014-02-27': 'end: 2014-02-01' },
      { field: 'period.end', line: 6, message: 'the period ends before it starts' },
    ],
    ['an impossible date', { 'start: 2014-02-16': 'start: 2014-02-30' }, { field: 'period.start', line: 5 }],
    [
      'a leap day in a year without one',
      { 'start: 2014-02-16': 'start: 2014-02-29' },
      {
        field: 'period.start',
        line: 5,
        message: 'expected a real date written YYYY-MM-DD (e.g. 2014-02-15): 2014 has no February 29 (February 2014 has 28 days)',
      },
    ],
    [
      'a day past the end of its month',
      { 'end: 2014-02-27': 'end: 2014-04-31' },
      {
        field: 'period.end',
        line: 6,
        message: 'expected a real date written YYYY-MM-DD (e.g. 2014-02-15): 2014 has no April 31 (April 2014 has 30 days)',
      },
    ],
    [
      'a month past December',
      { 'published: 2014-02-28': 'published: 2014-13-01' },
      { field: 'published', line: 7, message: 'expected a real date written YYYY-MM-DD (e.g. 2014-02-15): there is no month 13' },
    ],
    [
      'a day without the zeros of its month and day',
      { 'published: 2014-02-28': 'published: 2014-2-8' },
      {
        field: 'published',
        line: 7,
        message: 'expected a date written YYYY-MM-DD (hyphens, two digits for the month and the day)',
        fix: 'write 2014-02-08',
      },
    ],
    [
      'a day with a time and zone',
      { 'published: 2014-02-28': 'published: 2014-02-28T10:00:00+08:00' },
      {
        field: 'published',
        line: 7,
        message: "expected the day alone, written YYYY-MM-DD: a digest's days have no time or time zone",
        fix: 'write 2014-02-28',
      },
    ],
    [
      'a day with a stray letter after it, which is no time to drop',
      { 'published: 2014-02-28': 'published: 2014-02-2x' },
      {
        field: 'published',
        line: 7,
        message: 'expected a real date written YYYY-MM-DD (e.g. 2014-02-15): "x" after the day is no part of one',
        fix: 'correct published (e.g. published: 2014-02-15)',
      },
    ],
    [
      'a period written on one line, as the check writes periods',
      { 'period:\n  start: 2014-02-16\n  end: 2014-02-27': 'period: 2014-02-16..2014-02-27' },
      {
        field: 'period',
        line: 4,
        message: 'expected the period as its first and last day, start and end',
        fix: 'write period: { start: 2014-02-16, end: 2014-02-27 }',
      },
    ],
    [
      'a period into January with the year of December',
      { 'start: 2014-02-16': 'start: 2014-12-28', 'end: 2014-02-27': 'end: 2014-01-10' },
      {
        field: 'period.end',
        line: 6,
        message: 'the period ends before it starts: crossing a new year, its end is in the year after its start',
        fix: "write period.end: 2015-01-10, or period.start: 2013-12-28 if the start's year is the wrong one",
      },
    ],
    [
      'a publication weeks before the period it reports on (a January issue still dated the year before)',
      { 'published: 2014-02-28': 'published: 2013-12-28' },
      {
        field: 'published',
        line: 7,
        message: 'published 2013-12-28 is 50 days before the period it reports on starts (2014-02-16)',
        fix: 'check the year and month of published',
      },
    ],
    [
      'a publication a year after its period (the year mistyped)',
      { 'published: 2014-02-28': 'published: 2015-02-28' },
      {
        field: 'published',
        line: 7,
        message: 'published 2015-02-28 is 366 days after the period it reports on ends (2014-02-27)',
        fix: 'check the year and month of published',
      },
    ],
    ['a number that is not positive', { 'number: 9': 'number: 0' }, { field: 'number', line: 2 }],
    [
      'a number written in words',
      { 'number: 9': 'number: nine' },
      { field: 'number', line: 2, message: 'expected the issue number as a positive whole number (e.g. 8)' },
    ],
    [
      'an unknown project',
      { 'projects: [industry, common, nova]': 'projects: [industry, common, nova, docker]' },
      { field: 'projects.3', line: 9, message: 'unknown project "docker"' },
    ],
    [
      'a title that disagrees with the number',
      { 'title: OpenStack社区动态第九期': 'title: OpenStack社区动态第十期' },
      { field: 'title', line: 3, message: 'the title says issue 10 but number is 9' },
    ],
    ['a misspelled field', { 'description:': 'descripton:' }, { field: 'descripton', line: 8, message: 'unknown field descripton' }],
    [
      'a source that is not a web address',
      { 'source: https://example.org/blog/': 'source: my blog' },
      { field: 'attribution.source', line: 12 },
    ],
    [
      'broken YAML',
      { 'description: 第九期的测试内容': 'description: 第九期: 测试内容' },
      {
        field: 'front matter',
        line: 8,
        message: expect.stringContaining('description: the value holds ": "'),
        fix: 'put the value in double quotes: description: "第九期: 测试内容"',
      },
    ],
    [
      'a key given twice',
      { 'published: 2014-02-28': 'published: 2014-02-28\npublished: 2014-03-01' },
      { field: 'front matter', line: 8, message: expect.stringContaining('unique') },
    ],
    ['no front matter at all', { '---\nnumber': 'number' }, { field: 'front matter', line: 1 }],
    [
      'a heading that names no project',
      { '## Nova\n': '## Novaa Compute\n' },
      { field: 'body', line: 25, message: 'heading "## Novaa Compute" matches no project or alias' },
    ],
    [
      'a second section for one project, naming the first by its line in the file',
      { '[1]: https://blueprints': '## Nova\n\n又一段。\n\n[1]: https://blueprints' },
      { field: 'body', line: 29, message: 'a second Nova section (the first is at line 25)' },
    ],
    [
      'a section not listed in projects',
      { 'projects: [industry, common, nova]': 'projects: [industry, common]' },
      { field: 'projects', line: 25, fix: 'add nova to projects' },
    ],
    [
      'a listed project without a section',
      { 'projects: [industry, common, nova]': 'projects: [industry, common, nova, heat]' },
      { field: 'projects', line: 9, message: 'projects lists heat but the body has no "## Heat" section' },
    ],
    [
      "a listed project's section written a level down, as the legacy posts wrote it, naming that heading",
      { '## Nova\n': '### Nova\n' },
      {
        field: 'body',
        line: 25,
        message: 'projects lists nova but "### Nova" is a sub-heading, so its news stays in the section before it',
        fix: 'write "## Nova" to open the Nova section',
      },
    ],
  ])('rejects %s, naming file, line and field', (_name, replace, expected) => {
    const { issue, problems } = validate(issueSource(replace));
    expect(issue).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'issues/zh-CN/0009.md', ...expected }));
  });
});

describe('a period crossing a new year typed with one year', () => {
  // 2013-12-27..2014-01-09, published 2014-01-10, with one of the period's years typed wrong.
  it.each([
    [
      'the end typed with the start’s year',
      '2013-12-27',
      '2013-01-09',
      "write period.end: 2014-01-09, or period.start: 2012-12-27 if the start's year is the wrong one",
    ],
    [
      'the start typed with the end’s year',
      '2014-12-27',
      '2014-01-09',
      "write period.end: 2015-01-09, or period.start: 2013-12-27 if the start's year is the wrong one",
    ],
  ])('is reported alone, without blaming the day it was published (%s)', (_case, start, end, fix) => {
    const { problems } = validate(
      issueSource({
        'start: 2014-02-16': `start: ${start}`,
        'end: 2014-02-27': `end: ${end}`,
        'published: 2014-02-28': 'published: 2014-01-10',
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'period.end', line: 6, fix })]);
  });
});

describe('rules across issues', () => {
  const valid = (replace: Record<string, string>, file: string): ValidIssue => {
    const { issue } = validate(issueSource(replace), file);
    if (!issue) throw new Error('fixture invalid');
    return issue;
  };
  const nine = valid({}, 'a/0009.md');
  /** Issue `number` of a period, published the day it ends unless said. */
  const at = (number: number, start: string, end: string, published = end) =>
    valid(
      {
        'number: 9': `number: ${number}`,
        第九期: formatIssueLabel(number),
        'start: 2014-02-16': `start: ${start}`,
        'end: 2014-02-27': `end: ${end}`,
        'published: 2014-02-28': `published: ${published}`,
      },
      `a/00${number}.md`,
    );

  it('accepts neighbours that share a boundary day', () => {
    const ten = valid(
      { 'number: 9': 'number: 10', 第九期: '第十期', 'start: 2014-02-16': 'start: 2014-02-27', 'end: 2014-02-27': 'end: 2014-03-05' },
      'a/0010.md',
    );
    expect(checkIssueSet([nine, ten])).toEqual([]);
  });

  it('rejects a duplicate number, naming both files', () => {
    const again = valid({ 'start: 2014-02-16': 'start: 2014-03-16', 'end: 2014-02-27': 'end: 2014-03-27' }, 'a/0009-copy.md');
    // Only as a duplicate, whichever of the two comes first: not as out of order too.
    expect(checkIssueSet([again, nine])).toEqual([
      expect.objectContaining({ file: 'a/0009.md', line: 2, field: 'number', message: expect.stringContaining('is also a/0009-copy.md') }),
    ]);
    expect(checkIssueSet([nine, again])).toEqual([
      expect.objectContaining({ file: 'a/0009-copy.md', line: 2, field: 'number', message: expect.stringContaining('is also a/0009.md') }),
    ]);
  });

  it('rejects an issue dated out of line with the numbers around it, naming the one whose year is off', () => {
    const typo = at(11, '2041-03-10', '2041-03-20');
    expect(checkIssueSet([at(10, '2014-03-01', '2014-03-08'), typo, at(12, '2014-03-21', '2014-03-30')])).toEqual([
      expect.objectContaining({
        file: 'a/0011.md',
        field: 'period.start',
        message: expect.stringContaining(
          'the period 2041-03-10..2041-03-20 starts after that of 第十二期 (2014-03-21..2014-03-30, a/0012.md), though 第十一期 comes before it',
        ),
        fix: 'check the year of period.start and period.end (and of published), or the number',
      }),
    ]);
    expect(checkIssueSet([at(10, '2014-03-01', '2014-03-08'), at(11, '2013-03-10', '2013-03-20')])).toEqual([
      expect.objectContaining({ file: 'a/0011.md', message: expect.stringContaining('starts before that of 第十期') }),
    ]);
    // The newest issue, typed a year early: named, not the one before it.
    expect(
      checkIssueSet([at(10, '2014-03-01', '2014-03-08'), at(11, '2014-03-10', '2014-03-20'), at(12, '2013-03-21', '2013-03-30')]),
    ).toEqual([expect.objectContaining({ file: 'a/0012.md', message: expect.stringContaining('starts before that of 第十一期') })]);
  });

  it('rejects the newest or oldest issue dated years away from the one numbered next to it, and lets a pause pass', () => {
    const series = [at(10, '2014-03-01', '2014-03-08'), at(11, '2014-03-10', '2014-03-20')];
    expect(checkIssueSet([...series, at(12, '2041-03-21', '2041-03-30')])).toEqual([
      expect.objectContaining({
        file: 'a/0012.md',
        field: 'period.start',
        message: expect.stringContaining(
          'the period 2041-03-21..2041-03-30 starts 27 years after that of 第十一期 (2014-03-10..2014-03-20, a/0011.md), the issue numbered next to it',
        ),
        fix: 'check the year of period.start and period.end (and of published)',
      }),
    ]);
    expect(checkIssueSet([at(9, '2010-08-01', '2010-08-07'), ...series])).toEqual([
      expect.objectContaining({ file: 'a/009.md', message: expect.stringContaining('starts 3 years before that of 第十期') }),
    ]);
    // A pause of two years, then the series goes on.
    expect(checkIssueSet([...series, at(12, '2016-03-21', '2016-03-30')])).toEqual([]);
  });

  it('rejects an issue published out of line with the numbers around it, naming the one whose day is off', () => {
    const twelve = at(12, '2014-03-21', '2014-03-30', '2014-03-30');
    // A month typed wrong: 04-08 for 03-08, after the next issue came out.
    expect(checkIssueSet([at(10, '2014-03-01', '2014-03-08', '2014-04-08'), at(11, '2014-03-10', '2014-03-20', '2014-03-20')])).toEqual([
      expect.objectContaining({
        file: 'a/0010.md',
        line: 7,
        field: 'published',
        message:
          'published 2014-04-08 is after 第十一期 (published 2014-03-20, a/0011.md), though 第十期 comes before it: feeds would list the issues out of order',
        fix: 'check the year and month of published, or the number',
      }),
    ]);
    // 03-02 for 04-02: before the issue before it came out.
    expect(
      checkIssueSet([at(11, '2014-03-10', '2014-03-20', '2014-03-20'), twelve, at(13, '2014-03-31', '2014-04-01', '2014-03-02')]),
    ).toEqual([
      expect.objectContaining({ file: 'a/0013.md', message: expect.stringContaining('is before 第十二期 (published 2014-03-30') }),
    ]);
    // Two issues out on one day are in order.
    expect(checkIssueSet([at(11, '2014-03-10', '2014-03-20', '2014-03-30'), twelve])).toEqual([]);
  });

  it('rejects a period starting on the first day of a one-day issue that ends on the boundary of an earlier one', () => {
    // 第十一期 covers the one day of 第十期 again: both start on 03-10, which the day 第九期 ends on.
    const issues = [at(9, '2014-03-01', '2014-03-10'), at(10, '2014-03-10', '2014-03-10'), at(11, '2014-03-10', '2014-03-17')];
    const expected = [
      expect.objectContaining({
        file: 'a/0011.md',
        field: 'period.start',
        message: expect.stringContaining('overlaps 第十期 (2014-03-10..2014-03-10'),
      }),
    ];
    expect(checkIssueSet(issues)).toEqual(expected);
    // Whatever order the folder gives the files in.
    expect(checkIssueSet([...issues].reverse())).toEqual(expected);
  });

  it('tells a period overlapping a one-day issue to start the day after it, not on its one day', () => {
    const [problem, ...more] = checkIssueSet([at(9, '2016-02-29', '2016-02-29'), at(10, '2016-02-29', '2016-03-06')]);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: 'a/0010.md', field: 'period.start', message: expect.stringContaining('overlaps 第九期') });
    expect(problem?.fix).toBe("start on or after 2016-03-01, or correct the other issue's period");
    // Following the fix clears the problem.
    expect(checkIssueSet([at(9, '2016-02-29', '2016-02-29'), at(10, '2016-03-01', '2016-03-06')])).toEqual([]);
  });

  it('rejects overlapping periods, naming both issues', () => {
    const ten = valid(
      { 'number: 9': 'number: 10', 第九期: '第十期', 'start: 2014-02-16': 'start: 2014-02-20', 'end: 2014-02-27': 'end: 2014-03-05' },
      'a/0010.md',
    );
    expect(checkIssueSet([ten, nine])).toEqual([
      expect.objectContaining({
        file: 'a/0010.md',
        line: 5,
        field: 'period.start',
        message: expect.stringContaining('overlaps 第九期'),
        fix: expect.stringContaining('2014-02-27'),
      }),
    ]);
  });
});
