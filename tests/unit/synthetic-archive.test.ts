import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRandom, generateArchive } from '../../scripts/lib/synthetic-archive.ts';
import { hashIssueSource } from '../../src/pipeline/translations.ts';
import { issueContext, registry } from './helpers.ts';
import { validateIssueFile } from '../../src/pipeline/issue-validation.ts';

describe('the synthetic archive', () => {
  const files = generateArchive(40, 1, registry);
  const issues = files.filter((file) => file.path.startsWith('zh-CN/'));

  it('is the same bytes for the same seed, and another archive for another seed', () => {
    expect(generateArchive(40, 1, registry)).toEqual(files);
    expect(generateArchive(40, 2, registry)).not.toEqual(files);
    expect(createRandom(7)()).toBe(createRandom(7)());
  });

  it('starts a larger archive with the issues of a smaller one (the benchmark compares the same pages)', () => {
    expect(generateArchive(80, 1, registry).slice(0, files.length)).toEqual(files);
  });

  it('has valid issues of 4 to 8 sections and 5 to 10 KB', () => {
    expect(issues).toHaveLength(40);
    for (const file of issues) {
      const { issue, problems } = validateIssueFile({ file: file.path, source: file.content }, issueContext);
      expect(problems).toEqual([]);
      expect(issue?.data.projects.length).toBeGreaterThanOrEqual(4);
      expect(issue?.data.projects.length).toBeLessThanOrEqual(8);
      const body = file.content.split(/^---$/m).slice(2).join('---');
      expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(5_000);
      expect(Buffer.byteLength(body)).toBeLessThan(11_000);
    }
  });

  it('translates about a quarter of the issues, against the hash of their current Chinese text', () => {
    const translations = files.filter((file) => file.path.startsWith('en/'));
    expect(translations.length).toBeGreaterThanOrEqual(4);
    expect(translations.length).toBeLessThanOrEqual(18);
    for (const translation of translations) {
      const issue = issues.find((file) => file.path === translation.path.replace('en/', 'zh-CN/'));
      const [, zhFront = '', ...zhBody] = issue?.content.split(/^---$/m) ?? [];
      const zh = parse(zhFront) as { title: string; description: string };
      const [, enFront = ''] = translation.content.split(/^---$/m);
      const sha256 = (parse(enFront) as { source: { sha256: string } }).source.sha256;
      expect(sha256).toBe(hashIssueSource({ title: zh.title, description: zh.description, body: zhBody.join('---').replace(/^\n/, '') }));
    }
  });
});
