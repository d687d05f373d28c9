import { describe, expect, it } from 'vitest';
import { validateIssueFile, type ValidIssue } from '../../../src/pipeline/issue-validation.ts';
import { checkTranslations, hashIssueSource, validateTranslationFile, type ValidTranslation } from '../../../src/pipeline/translations.ts';
import { issueContext, issueSource, resolver, site } from '../helpers.ts';

const issue = validateIssueFile({ file: 'zh-CN/0009.md', source: issueSource() }, issueContext).issue as ValidIssue;
const hash = hashIssueSource({ ...issue.data, body: issue.source });

function translationSource(replace: Record<string, string> = {}): string {
  let source = `---
number: 9
title: OpenStack Community Digest, Issue 9
description: Test issue nine
translator: Test Translator
source:
  sha256: ${hash}
---

*Editor's note* A foreword.

## Industry news

One item.

## Common

Cross-project news.

## Nova

Nova news, see [bp][1].

[1]: https://blueprints.launchpad.net/nova/+spec/x
`;
  for (const [from, to] of Object.entries(replace)) source = source.replace(from, to);
  return source;
}

const translation = (replace: Record<string, string> = {}, file = 'en/0009.md') => {
  const result = validateTranslationFile({ file, source: translationSource(replace) }, 'en', { resolver, site });
  return result;
};
const valid = (replace: Record<string, string> = {}, file?: string) => translation(replace, file).translation as ValidTranslation;

describe('the source hash', () => {
  it('covers the title, description and body, not dates or credits', () => {
    const base = { title: 't', description: 'd', body: 'b' };
    expect(hashIssueSource(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIssueSource({ ...base, body: 'b\r\n' })).toBe(hashIssueSource(base));
    expect(hashIssueSource({ ...base, title: 't2' })).not.toBe(hashIssueSource(base));
    expect(hashIssueSource({ ...base, description: 'd2' })).not.toBe(hashIssueSource(base));
    expect(hashIssueSource({ ...base, body: 'b2' })).not.toBe(hashIssueSource(base));
  });
});

describe('a translation file', () => {
  it("removes explicit direction controls from its translator's name", () => {
    expect(valid({ 'translator: Test Translator': 'translator: Test \u2067Translator\u2069' }).data.translator).toBe('Test Translator');
  });

  it.each([
    ['title: OpenStack Community Digest, Issue 9', 'title:', 'title: OpenStack Community Digest, Issue 8'],
    ['description: Test issue nine', 'description: "  "', 'description: One sentence on what the issue covers'],
  ])("says %s left empty is empty, with an English example: a translation's fields are English", (field, empty, example) => {
    const name = field.slice(0, field.indexOf(':'));
    expect(translation({ [field]: empty }).problems).toEqual([
      expect.objectContaining({ field: name, message: `${name} is empty`, fix: `write its value, as in ${example}` }),
    ]);
  });

  it('refuses a value wrapped between Chinese characters, and takes English wrapped between words', () => {
    expect(translation({ 'description: Test issue nine': 'description: Test issue nine, on 华为\n  团队' }).problems).toEqual([
      expect.objectContaining({ field: 'description', line: 4, fix: 'write the value on one line' }),
    ]);
    expect(translation({ 'description: Test issue nine': 'description: Test issue\n  nine' }).problems).toEqual([]);
  });

  it("refuses Markdown in the translator's name, which the page shows as written", () => {
    expect(translation({ 'translator: Test Translator': 'translator: "[Jane](https://example.com/jane)"' }).problems).toEqual([
      expect.objectContaining({ field: 'translator', message: 'Markdown is not read here, so a link would show its marks as written' }),
    ]);
  });

  it('is valid when it matches its issue, with English headings resolved to the same projects', () => {
    const result = translation();
    expect(result.problems).toEqual([]);
    expect(result.translation?.body.sections.map((section) => section.projectId)).toEqual(['industry', 'common', 'nova']);
    expect(checkTranslations([valid()], [issue], resolver)).toEqual({ problems: [], stale: [] });
  });

  it.each([
    ['a missing translator', { 'translator: Test Translator\n': '' }, { field: 'translator', line: 1 }],
    ['a hash that is not one', { [`sha256: ${hash}`]: 'sha256: abc' }, { field: 'source.sha256', line: 7 }],
    ['a heading naming no project', { '## Nova\n': '## Novae\n' }, { field: 'body', line: 20 }],
  ])('reports %s with file, line and field', (_name, replace, expected) => {
    expect(translation(replace).problems).toContainEqual(expect.objectContaining({ file: 'en/0009.md', ...expected }));
  });
});

describe('a translation against its issue', () => {
  it('must translate an issue that exists', () => {
    const { problems } = checkTranslations([valid({ 'number: 9': 'number: 12', 'Issue 9': 'Issue 12' })], [issue], resolver);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'en/0009.md', line: 2, field: 'number', message: 'there is no issue 12 to translate' }),
    ]);
  });

  it('cannot contradict the number in its title or the period', () => {
    const { problems } = checkTranslations(
      [valid({ 'Issue 9': 'Issue 10', 'translator:': 'period: { start: 2014-02-16, end: 2014-02-28 }\ntranslator:' })],
      [issue],
      resolver,
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: 'title', line: 3, message: 'the title says issue 10 but number is 9' }),
      expect.objectContaining({ field: 'period', line: 5, message: expect.stringContaining('differs from the issue') }),
    ]);
  });

  it('cannot contradict the number in its title written in Chinese numerals either', () => {
    expect(checkTranslations([valid({ 'Issue 9': '第十期' })], [issue], resolver).problems).toEqual([
      expect.objectContaining({ field: 'title', line: 3, message: 'the title says issue 10 but number is 9' }),
    ]);
    expect(checkTranslations([valid({ 'Issue 9': '第九期' })], [issue], resolver).problems).toEqual([]);
  });

  it('accepts a repeated period that agrees', () => {
    expect(
      checkTranslations([valid({ 'translator:': 'period: { start: 2014-02-16, end: 2014-02-27 }\ntranslator:' })], [issue], resolver)
        .problems,
    ).toEqual([]);
  });

  it("names a section written a level down (`### Common`) where the issue's section is missing", () => {
    const { problems } = checkTranslations([valid({ '## Common\n': '### Common\n' })], [issue], resolver);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'body',
        line: 16,
        message: expect.stringContaining('the translation\'s "### Common" is a sub-heading, so its text stays in the section before it'),
        fix: 'write "## Common" to open the section',
      }),
    );
  });

  it('must have the same sections as its issue', () => {
    const { problems } = checkTranslations([valid({ '## Common\n\nCross-project news.\n': '## Heat\n\nHeat news.\n' })], [issue], resolver);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'body',
        line: 20,
        message: expect.stringContaining('the issue has a "Common" section (common) that the translation lacks'),
        fix: 'add a "## Common" section before line 20 (any name or alias of the project works as its heading)',
      }),
      expect.objectContaining({
        field: 'body',
        line: 16,
        message: expect.stringContaining('the translation has a "Heat" section (heat) that the issue does not'),
      }),
    ]);
  });

  it("must translate the issue's introduction: a translation without it would drop it from the page", () => {
    const { problems } = checkTranslations([valid({ "*Editor's note* A foreword.\n\n": '' })], [issue], resolver);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'body',
        line: 10,
        message: expect.stringContaining('the issue has an introduction (the text before its first section, in zh-CN/0009.md)'),
        fix: 'translate it above the first "##" heading (before line 10)',
      }),
    ]);
    const withoutIntro = validateIssueFile({ file: 'zh-CN/0009.md', source: issueSource({ '*编者按* 前言文字。\n\n': '' }) }, issueContext)
      .issue as ValidIssue;
    // A translator's note where the issue has none is the translation's own.
    expect(checkTranslations([valid()], [withoutIntro], resolver).problems).toEqual([]);
    // Nor does an introduction with nothing to read ask for one.
    const ruleOnly = validateIssueFile(
      { file: 'zh-CN/0009.md', source: issueSource({ '*编者按* 前言文字。': '&nbsp;\n\n---' }) },
      issueContext,
    ).issue as ValidIssue;
    expect(checkTranslations([valid({ "*Editor's note* A foreword.\n\n": '' })], [ruleOnly], resolver).problems).toEqual([]);
    // Nor is an introduction with nothing to read (a no-break space, a rule) a translation of one.
    for (const blank of ['&nbsp;', '---', '<!-- *编者按* 前言文字。 -->'])
      expect(checkTranslations([valid({ "*Editor's note* A foreword.": blank })], [issue], resolver).problems, blank).toEqual([
        expect.objectContaining({ line: 12, message: expect.stringContaining('the issue has an introduction') }),
      ]);
  });

  it("must give its sections in the issue's order, which its page shows them in", () => {
    const reordered = {
      '## Common\n\nCross-project news.\n\n## Nova\n\nNova news, see [bp][1].\n':
        '## Nova\n\nNova news, see [bp][1].\n\n## Common\n\nCross-project news.\n',
    };
    expect(checkTranslations([valid(reordered)], [issue], resolver).problems).toEqual([
      expect.objectContaining({
        field: 'body',
        line: 16,
        message: expect.stringContaining('the sections are not in the issue\'s order (the "Nova" section is out of place)'),
        fix: 'order the sections as the issue does: "## Industry news", "## Common", "## Nova"',
      }),
    ]);
  });

  it('translates a subtitle where the issue has one, and adds none where it has none', () => {
    const subtitled = validateIssueFile(
      { file: 'zh-CN/0009.md', source: issueSource({ '## Nova\n': '## Nova (热迁移专题)\n' }) },
      issueContext,
    ).issue as ValidIssue;
    // Translated from the issue as it is now (its hash), so the translation is held to it.
    const current = { [hash]: hashIssueSource({ ...subtitled.data, body: subtitled.source }) };
    expect(
      checkTranslations([valid({ ...current, '## Nova\n': '## Compute (live migration)\n' })], [subtitled], resolver).problems,
    ).toEqual([]);
    // Left untranslated, the subtitle still shows (marked as Chinese): the translator's call.
    expect(checkTranslations([valid({ ...current, '## Nova\n': '## Nova (热迁移专题)\n' })], [subtitled], resolver).problems).toEqual([]);
    expect(checkTranslations([valid(current)], [subtitled], resolver).problems).toEqual([
      expect.objectContaining({
        file: 'en/0009.md',
        line: 20,
        field: 'body',
        message: expect.stringContaining('the issue\'s "Nova (热迁移专题)" section has a subtitle that the translation\'s "Nova" lacks'),
        fix: 'translate the subtitle into the heading: "## Nova (<subtitle>)"',
      }),
    ]);
    expect(checkTranslations([valid({ '## Nova\n': '## Nova (live migration)\n' })], [issue], resolver).problems).toEqual([
      expect.objectContaining({
        line: 20,
        field: 'body',
        message: expect.stringContaining(
          'the translation\'s "Nova (live migration)" section has a subtitle that the issue\'s "Nova" has not',
        ),
        fix: 'write "## Nova", or add the subtitle to the Chinese issue first',
      }),
    ]);
  });

  it('says where a missing section goes: at the end when no later section of the issue is there', () => {
    const { problems } = checkTranslations([valid({ '## Nova\n\nNova news, see [bp][1].\n': '' })], [issue], resolver);
    const lines = translationSource({ '## Nova\n\nNova news, see [bp][1].\n': '' }).trimEnd().split('\n').length;
    expect(problems).toEqual([
      expect.objectContaining({
        line: lines,
        fix: 'add a "## Nova" section at the end (any name or alias of the project works as its heading)',
      }),
    ]);
  });

  it("names the missing sections in the translation's language, each with a line, when it has none", () => {
    const body = translationSource().slice(translationSource().indexOf('*Editor'));
    const { problems } = checkTranslations([valid({ [body]: 'Only a foreword.\n' })], [issue], resolver);
    const lines = translationSource({ [body]: 'Only a foreword.\n' })
      .trimEnd()
      .split('\n').length;
    expect(problems.map((problem) => [problem.line, problem.fix.replace(/ section .*/, '')])).toEqual([
      [lines, 'add a "## Industry news"'],
      [lines, 'add a "## Common"'],
      [lines, 'add a "## Nova"'],
    ]);
  });

  it('is one per issue and language', () => {
    const { problems } = checkTranslations([valid(), valid({}, 'en/0009-copy.md')], [issue], resolver);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'en/0009-copy.md',
        field: 'number',
        message: 'issue 9 already has a translation into en: en/0009.md',
      }),
    ]);
    // Whichever is read first (0009-bob.md sorts before 0009.md), the copy is the one told, not the file named by the number.
    expect(checkTranslations([valid({}, 'en/0009-bob.md'), valid()], [issue], resolver).problems).toEqual([
      expect.objectContaining({ file: 'en/0009-bob.md', message: 'issue 9 already has a translation into en: en/0009.md' }),
    ]);
  });

  it('is stale once the Chinese text changes, and only then', () => {
    const changed = validateIssueFile(
      { file: 'zh-CN/0009.md', source: issueSource({ '跨项目新闻。': '跨项目新闻，已更正。' }) },
      issueContext,
    ).issue as ValidIssue;
    expect(checkTranslations([valid()], [changed], resolver)).toEqual({
      problems: [],
      stale: [{ file: 'en/0009.md', locale: 'en', number: 9, issueFile: 'zh-CN/0009.md' }],
    });
    const redated = validateIssueFile(
      { file: 'zh-CN/0009.md', source: issueSource({ 'published: 2014-02-28': 'published: 2014-03-01' }) },
      issueContext,
    ).issue as ValidIssue;
    expect(checkTranslations([valid()], [redated], resolver).stale).toEqual([]);
  });
});

describe('a translation whose Chinese issue changed since', () => {
  // The editor adds a late section (and a subtitle) to issue 9 after it was translated.
  const grown = validateIssueFile(
    {
      file: 'zh-CN/0009.md',
      source: issueSource({
        'projects: [industry, common, nova]': 'projects: [industry, common, nova, heat]',
        '## Nova\n': '## Nova (热迁移专题)\n',
        '[1]: https': '## Heat\n\n补充的 Heat 动态。\n\n[1]: https',
      }),
    },
    issueContext,
  ).issue as ValidIssue;

  it('is stale, not wrong: the differences its update will bring are listed with it, and the check passes', () => {
    const { problems, stale } = checkTranslations([valid()], [grown], resolver);
    expect(problems).toEqual([]);
    expect(stale).toEqual([
      {
        file: 'en/0009.md',
        locale: 'en',
        number: 9,
        issueFile: 'zh-CN/0009.md',
        differences: [
          expect.objectContaining({ message: expect.stringContaining('the issue has a "Heat" section (heat) that the translation lacks') }),
          expect.objectContaining({ line: 20, message: expect.stringContaining('has a subtitle that the translation\'s "Nova" lacks') }),
        ],
      },
    ]);
  });

  it('is held to its issue again once rehashed: the differences are then problems', () => {
    const rehashed = validateTranslationFile(
      { file: 'en/0009.md', source: translationSource().replace(hash, hashIssueSource({ ...grown.data, body: grown.source })) },
      'en',
      { resolver, site },
    ).translation as ValidTranslation;
    const { problems, stale } = checkTranslations([rehashed], [grown], resolver);
    expect(stale).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('the issue has a "Heat" section'),
      expect.stringContaining('has a subtitle'),
    ]);
  });

  it('still may not contradict its number or period', () => {
    const { problems } = checkTranslations([valid({ 'Issue 9': 'Issue 10' })], [grown], resolver);
    expect(problems).toEqual([expect.objectContaining({ field: 'title', message: 'the title says issue 10 but number is 9' })]);
  });
});

describe('Chinese inside a translation', () => {
  it('is marked as Chinese for screen readers, except in code and where the editor marked it', () => {
    const section = valid({
      'Cross-project news.': 'Huawei (华为) and Icehouse I版 met; run `nova 列表` and <span lang="zh-TW">華為</span> too.',
    }).body.sections.find(({ projectId }) => projectId === 'common');
    expect(section?.html).toContain('Huawei (<span lang="zh-CN">华为</span>) and Icehouse <span lang="zh-CN">I版</span> met');
    expect(section?.html).toContain('<code>nova 列表</code>');
    expect(section?.html).toContain('<span lang="zh-TW">華為</span>');
    // The words stay the same: search reads them as written.
    expect(section?.text).toContain('Huawei (华为) and Icehouse I版 met; run nova 列表 and 華為 too.');
  });

  it('is left alone in a Chinese issue, whose page is Chinese', () => {
    expect(issue.body.sections.map(({ html }) => html).join('')).not.toContain('<span lang=');
  });
});
