import { describe, expect, it } from 'vitest';
import { parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { recordSourceHash, scaffoldIssue, scaffoldTranslation } from '../../scripts/lib/scaffold.ts';
import { issueFileName, serializeIssue } from '../../scripts/lib/issue-writer.ts';
import { validateIssueFile } from '../../src/pipeline/issue-validation.ts';
import { findPlaceholders } from '../../src/pipeline/placeholders.ts';
import { issueContext, issueSource, registry } from './helpers.ts';

const issue = (number: number, start: string, end: string): IssueData => ({
  number,
  title: `t${number}`,
  description: 'd',
  projects: ['nova'],
  period: { start: parseIsoDay(start) as Date, end: parseIsoDay(end) as Date },
  published: parseIsoDay(end) as Date,
  attribution: { editor: '编辑', source: 'https://example.org/digest/', notice: '声明' },
});

describe('the next issue', () => {
  const { data, body } = scaffoldIssue([issue(7, '2014-01-17', '2014-02-02'), issue(8, '2014-02-03', '2014-02-15')], registry);

  it('takes the next number and the week after the latest period', () => {
    expect(data.number).toBe(9);
    expect(data.title).toBe('OpenStack社区动态第九期');
    expect(`${toIsoDay(data.period.start)}..${toIsoDay(data.period.end)}`).toBe('2014-02-16..2014-02-22');
  });

  it('keeps the credits but not the old credit statement', () => {
    expect(data.attribution).toEqual({ editor: '编辑', source: 'https://example.org/digest/' });
  });

  it('writes a draft the site accepts, named by its number, whose placeholders stop it once it is no draft', () => {
    const source = serializeIssue(data, body);
    expect(issueFileName(data.number)).toBe('0009.md');
    expect(source).toMatch(/^draft: true$/m);
    expect(validateIssueFile({ file: '0009.md', source }, issueContext).problems).toEqual([]);
    const published = validateIssueFile({ file: '0009.md', source: source.replace('draft: true\n', '') }, issueContext).problems;
    expect(published.map(({ field, message }) => `${field}: ${message.split(' is ')[0]}`)).toEqual([
      'body: "（待补充）"',
      'body: "（待补充）"',
    ]);
  });

  it('asks for the credits on an empty archive, as placeholders', () => {
    const first = scaffoldIssue([], registry, new Date(Date.UTC(2026, 11, 4)));
    const source = serializeIssue(first.data, first.body).replace('draft: true\n', '');
    const fields = validateIssueFile({ file: '0001.md', source }, issueContext).problems.map(({ field }) => field);
    expect(fields).toEqual(['attribution.editor', 'attribution.source', 'body', 'body']);
  });

  it("starts an empty archive's first period on the editor's own day, not Greenwich's", () => {
    const zone = process.env['TZ'];
    try {
      // 07:30 on 6 December in Beijing is still 5 December in Greenwich.
      process.env['TZ'] = 'Asia/Shanghai';
      expect(toIsoDay(scaffoldIssue([], registry, new Date('2026-12-05T23:30:00Z')).data.period.start)).toBe('2026-12-06');
      process.env['TZ'] = 'America/Los_Angeles';
      expect(toIsoDay(scaffoldIssue([], registry, new Date('2026-12-06T05:00:00Z')).data.period.start)).toBe('2026-12-05');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});

describe('a translation scaffold', () => {
  it("asks for each section's subtitle to be translated with it", () => {
    const source = issueSource({ '## Nova': '## Nova (热迁移专题)' });
    const { issue } = validateIssueFile({ file: 'zh-CN/0009.md', source }, issueContext);
    if (!issue) throw new Error('fixture issue is invalid');
    const scaffold = scaffoldTranslation(issue, registry, 'en', 'f'.repeat(64));
    expect(scaffold).toContain('\n## Nova (TODO: translate the subtitle "热迁移专题")\n');
    expect(scaffold).toContain('\n## Common\n');
  });

  it('is a draft, whose TODOs stop it once it is no draft', () => {
    const { issue } = validateIssueFile({ file: 'zh-CN/0009.md', source: issueSource({}) }, issueContext);
    if (!issue) throw new Error('fixture issue is invalid');
    const scaffold = scaffoldTranslation(issue, registry, 'en', 'f'.repeat(64));
    expect(scaffold).toMatch(/^draft: true$/m);
    const lines = scaffold.replace('draft: true\n', '').split('\n');
    const marked = lines.flatMap((line, index) => (line.includes('TODO') ? [index + 1] : []));
    expect(findPlaceholders(scaffold.replace('draft: true\n', '')).map(({ line }) => line)).toEqual(marked);
  });
});

describe('recordSourceHash', () => {
  const hash = 'f'.repeat(64);
  const old = '0'.repeat(64);
  it.each([
    [
      'the block form',
      `---\nnumber: 8\nsource:\n  sha256: ${old}\n---\n正文 sha256: x\n`,
      `---\nnumber: 8\nsource:\n  sha256: ${hash}\n---\n正文 sha256: x\n`,
    ],
    [
      'the flow form the check suggests',
      '---\nnumber: 8\nsource: { sha256: <hash> }\n---\n正文\n',
      `---\nnumber: 8\nsource: { sha256: ${hash} }\n---\n正文\n`,
    ],
    ['a quoted value', `---\nsource:\n  sha256: "${old}"\n---\n`, `---\nsource:\n  sha256: ${hash}\n---\n`],
    ['a block value', `---\nsource:\n  sha256: >-\n    ${old}\n---\nbody`, `---\nsource:\n  sha256: ${hash}\n---\nbody`],
    [
      'a block value before another field',
      `---\nsource:\n  sha256: |\n    ${old}\n  other: 1\n---\n`,
      `---\nsource:\n  sha256: ${hash}\n  other: 1\n---\n`,
    ],
    ['an empty value', '---\nsource:\n  sha256:\n---\n', `---\nsource:\n  sha256: ${hash}\n---\n`],
    [
      'the field, not "sha256:" in a description or a comment before it',
      `---\ndescription: "Swift checks sha256: hashes"\n# old sha256: ${old}\nsource:\n  sha256: ${old} # from March\n---\n`,
      `---\ndescription: "Swift checks sha256: hashes"\n# old sha256: ${old}\nsource:\n  sha256: ${hash} # from March\n---\n`,
    ],
    [
      'no source field',
      '---\r\nnumber: 8\r\ntitle: T\r\n---\r\n正文\r\n',
      `---\r\nnumber: 8\r\ntitle: T\r\nsource:\r\n  sha256: ${hash}\r\n---\r\n正文\r\n`,
    ],
  ])('updates %s, leaving every other line as written', (_form, text, expected) => {
    expect(recordSourceHash(text, hash)).toBe(expected);
  });

  it('gives nothing for a text without front matter, or a source field without sha256', () => {
    expect(recordSourceHash('正文\n', hash)).toBeUndefined();
    expect(recordSourceHash('---\nsource: https://x.example/\n---\n', hash)).toBeUndefined();
    expect(recordSourceHash('---\nsource: { sha: 1 }\n---\n', hash)).toBeUndefined();
    expect(recordSourceHash('---\ntitle: [unclosed\n---\n', hash)).toBeUndefined();
  });
});
