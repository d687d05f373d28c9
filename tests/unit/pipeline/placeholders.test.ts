import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../../src/pipeline/placeholders.ts';

describe('findPlaceholders', () => {
  it("finds new-issue's marks with their lines", () => {
    const source = [
      '---',
      'attribution:',
      '  editor: （编辑姓名）',
      '  source: https://example.org/',
      '---',
      '## 业界动态',
      '',
      '（待补充）',
      '',
    ].join('\n');
    expect(findPlaceholders(source)).toEqual([
      { line: 3, text: '（编辑姓名）' },
      { line: 4, text: 'https://example.org/' },
      { line: 8, text: '（待补充）' },
    ]);
  });

  it("finds translate's TODOs in front matter and body, half-width brackets too", () => {
    const source = ['---', 'translator: "TODO: your name"', '---', '## Nova', '', 'TODO: translate.', 'Still (待补充) here.'].join('\n');
    expect(findPlaceholders(source)).toEqual([
      { line: 2, text: 'TODO' },
      { line: 6, text: 'TODO' },
      { line: 7, text: '(待补充)' },
    ]);
  });

  it('ignores the original kept in comments, and words that only contain the marks', () => {
    const source = [
      '## Nova',
      '<!-- 原文：',
      'TODO 列表（待补充）',
      '-->',
      'TODOS, mastodon, todo and https://example.org/page are text.',
    ].join('\n');
    expect(findPlaceholders(source)).toEqual([]);
  });

  it('finds nothing in finished text', () => {
    expect(findPlaceholders('---\ntitle: OpenStack社区动态第八期\n---\n## Nova\n\n热迁移的补充说明。\n')).toEqual([]);
  });
});
