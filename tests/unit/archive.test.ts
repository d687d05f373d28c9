import { describe, expect, it } from 'vitest';
import { createArchive, translationCoverage } from '../../src/lib/archive.ts';
import { hashIssueSource } from '../../src/pipeline/translations.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { resolver } from './helpers.ts';

const entry = (number: number, end: string, body: string) => ({
  data: {
    number,
    title: 't',
    description: 'd',
    projects: [],
    attribution: { editor: 'e', source: 'https://example.org/' },
    period: { start: parseIsoDay(end) as Date, end: parseIsoDay(end) as Date },
    published: parseIsoDay(end) as Date,
  } satisfies IssueData,
  body,
});

describe('the archive', () => {
  const archive = createArchive(
    [entry(1, '2013-11-22', '## Nova\na'), entry(8, '2014-02-15', '## Heat\nb\n## Nova\nc'), entry(7, '2014-02-02', '## Heat\nd')],
    resolver,
  );

  it('lists issues newest first', () => {
    expect(archive.issues.map((issue) => issue.number)).toEqual([8, 7, 1]);
  });

  it('links each issue to its neighbours', () => {
    expect(archive.neighbors(7)).toMatchObject({ previous: { number: 1 }, next: { number: 8 } });
    expect(archive.neighbors(8).next).toBeUndefined();
    expect(archive.neighbors(1).previous).toBeUndefined();
  });

  it("gathers a project's sections, newest first", () => {
    expect(archive.sectionsOf('nova').map(({ issue, section }) => [issue.number, section.markdown])).toEqual([
      [8, 'c'],
      [1, 'a'],
    ]);
    expect(archive.projectIds().sort()).toEqual(['heat', 'nova']);
  });
});

describe('texts per locale', () => {
  const entries = [entry(1, '2013-11-22', '## Nova\na'), entry(7, '2014-02-02', '## Heat\nd'), entry(8, '2014-02-15', '## Heat\nb')];
  const translationOf = (number: number, sha256: string) => ({
    locale: 'en' as const,
    data: { number, title: `Issue ${number}`, description: 'English', translator: 'T', source: { sha256 } },
    body: '## Heat\nEnglish text',
  });
  const issue8 = entries[2] as (typeof entries)[number];
  const current = hashIssueSource({ ...issue8.data, body: issue8.body });
  const archive = createArchive(entries, resolver, [translationOf(8, current), translationOf(7, 'f'.repeat(64))]);

  it('gives Chinese readers the original and English readers a translation, a stale one, or the original', () => {
    const statuses = archive.issues.map((issue) => [issue.number, issue.texts['zh-CN'].status, issue.texts.en.status, issue.texts.en.lang]);
    expect(statuses).toEqual([
      [8, 'original', 'translated', 'en'],
      [7, 'original', 'stale', 'en'],
      [1, 'original', 'untranslated', 'zh-CN'],
    ]);
    expect(archive.get(8)?.texts.en.sections[0]?.markdown).toBe('English text');
    expect(archive.get(1)?.texts.en.sections[0]?.markdown).toBe('a');
  });

  it('counts coverage per language', () => {
    expect(translationCoverage(archive.issues, 'en')).toEqual({ total: 3, translated: 1, stale: 1, untranslated: 1 });
    expect(translationCoverage(archive.issues, 'zh-CN')).toEqual({ total: 3, translated: 0, stale: 0, untranslated: 0 });
  });
});
