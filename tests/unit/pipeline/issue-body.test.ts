import { describe, expect, it } from 'vitest';
import { splitIssueBody } from '../../../src/pipeline/issue-body.ts';
import { resolver } from '../helpers.ts';

describe('splitting an issue body', () => {
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
    '### Nova 的小节',
    '',
    '小节文字',
    '',
    '## Quantum',
    '',
    'Neutron 内容',
    '',
    '[a]: https://example.org/a',
  ].join('\n');
  const result = splitIssueBody(body, resolver);

  it('keeps the text before the first section as the introduction', () => {
    expect(result.intro).toBe('*编者按* 前言。\n\n### 小标题也属于前言');
  });

  it('makes one section per ## heading, resolved to registry ids', () => {
    expect(result.sections.map((section) => [section.projectId, section.heading, section.line])).toEqual([
      ['industry', '业界动态', 5],
      ['nova', 'nova', 9],
      ['neutron', 'Quantum', 21],
    ]);
  });

  it('keeps code and sub-headings inside their section', () => {
    expect(result.sections[1]?.markdown).toContain('## Heat inside code is not a section');
    expect(result.sections[1]?.markdown).toContain('### Nova 的小节');
  });

  it('collects link definitions for every part to use', () => {
    expect(result.definitions).toBe('[a]: https://example.org/a');
    expect(result.problems).toEqual([]);
  });

  it('reports unknown, level-1 and repeated headings with their lines', () => {
    const { problems } = splitIssueBody('## Nova\n\nx\n\n# Big\n\n## Nuetron\n\n## Foo\n\n## nova\n', resolver);
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

  it('treats a body without sections as all introduction', () => {
    expect(splitIssueBody('只有文字', resolver)).toMatchObject({ intro: '只有文字', sections: [] });
  });
});
