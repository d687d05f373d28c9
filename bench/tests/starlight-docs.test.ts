import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starlightHomePages, toStarlightDoc } from '../lib/starlight-docs.ts';
import { issueSource } from '../../tests/unit/helpers.ts';

const frontmatterOf = (content: string) => parse(content.split('---\n')[1] ?? '') as Record<string, unknown>;

describe('issues as Starlight docs', () => {
  it('puts Chinese issues at the root locale with their title and description, body unchanged', () => {
    const source = issueSource();
    const doc = toStarlightDoc('zh-CN/0009.md', source);
    expect(doc.path).toBe('issues/0009.md');
    expect(frontmatterOf(doc.content)).toEqual({ title: 'OpenStack社区动态第九期', description: '第九期的测试内容' });
    expect(doc.content.endsWith(source.split(/^---$/m).slice(2).join('---'))).toBe(true);
  });

  it('puts translations under en/, quoting what YAML needs quoted', () => {
    const doc = toStarlightDoc('en/0009.md', '---\nnumber: 9\ntitle: "Issue 9: #1 news"\ndescription: Synthetic\n---\n\n## Nova\n\nText\n');
    expect(doc.path).toBe('en/issues/0009.md');
    expect(frontmatterOf(doc.content)).toEqual({ title: 'Issue 9: #1 news', description: 'Synthetic' });
    expect(doc.content).toMatch(/---\n\n## Nova\n\nText\n$/);
  });

  it('refuses files outside the locale folders and without a title', () => {
    expect(() => toStarlightDoc('fr/0009.md', '---\ntitle: x\n---\n')).toThrow(/not under/);
    expect(() => toStarlightDoc('zh-CN/0009.md', '---\nnumber: 9\n---\n')).toThrow(/no title/);
    expect(() => toStarlightDoc('zh-CN/0009.md', 'no front matter')).toThrow(/front matter/);
  });

  it('adds a home page per locale', () => {
    expect(starlightHomePages(1000).map((page) => page.path)).toEqual(['index.md', 'en/index.md']);
  });
});
