import { describe, expect, it } from 'vitest';
import { createArchive, type ArchiveIssue } from '../../../src/lib/archive.ts';
import { parseIsoDay } from '../../../src/lib/dates.ts';
import { SEARCH_INDEX_LANGUAGE, splitParts } from '../../../src/lib/search/contract.ts';
import { createSearchRecords, foldApostrophes, foldWidth, textsOfIssue } from '../../../src/lib/search/index/records.ts';
import type { IssueData } from '../../../src/schemas/issue.ts';
import { issueEntry } from '../helpers.ts';

const data = (number: number, start: string, end: string): IssueData => ({
  number,
  title: `第${number}期`,
  description: 'd',
  projects: [],
  attribution: { editor: 'e', source: 'https://example.org/' },
  period: { start: parseIsoDay(start) as Date, end: parseIsoDay(end) as Date },
  published: parseIsoDay(end) as Date,
});
const archive = createArchive([
  issueEntry(data(7, '2014-01-17', '2014-02-02'), '编者按：前言。\n\n## Heat\n\nRackspace 认证\n\n## Nova\n\nnova-scheduler'),
  issueEntry(data(8, '2014-02-03', '2014-02-15'), '## Nova\n\n数据库的迁移'),
]);

/** Issue 8 with an English translation, as the bilingual archive will give it. */
const translated = (issue: ArchiveIssue): ArchiveIssue => ({
  ...issue,
  texts: {
    ...issue.texts,
    en: {
      ...issue.original,
      lang: 'en',
      status: 'translated',
      sections: issue.original.sections.map((section) => ({ ...section, html: '<p>database migration</p>', text: 'database migration' })),
    },
  },
});

const labelsOf = (issue: ArchiveIssue, locale: string) => ({ issue: `${locale}:${issue.number}`, period: `${locale}:p` });

/** An issue whose texts hold only blanks where the given projects' sections (or, without any, every part) were. */
const blanked = (issue: ArchiveIssue, projects?: readonly string[]): ArchiveIssue => {
  const blank = (text: ArchiveIssue['original']) => ({
    ...text,
    ...(projects ? {} : { intro: { html: '', text: ' ' } }),
    sections: text.sections.map((section) => (!projects || projects.includes(section.projectId) ? { ...section, text: ' ' } : section)),
  });
  return { ...issue, original: blank(issue.original), texts: { 'zh-CN': blank(issue.texts['zh-CN']), en: blank(issue.texts.en) } };
};

describe('search records', () => {
  const [eight, seven] = archive.issues as [ArchiveIssue, ArchiveIssue];

  it('makes one record per text, its parts joined, with where each section starts', () => {
    const records = createSearchRecords([seven], labelsOf);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.url).toBe('/issues/7/');
    expect(record?.content).toBe('编者按：前言。 Rackspace 认证 nova-scheduler');
    expect(record?.language).toBe(SEARCH_INDEX_LANGUAGE);
    expect(splitParts(record?.content ?? '', record?.meta ?? {})).toEqual([
      { start: 0, end: 7, text: '编者按：前言。' },
      { projectId: 'heat', start: 8, end: 20, text: 'Rackspace 认证' },
      { projectId: 'nova', start: 21, end: 35, text: 'nova-scheduler' },
    ]);
  });

  it("searches a section's subtitle with its words", () => {
    const subtitled = createArchive([issueEntry(data(9, '2014-02-16', '2014-02-27'), '## Nova (热迁移专题)\n\n迁移的进展')]);
    const [record] = createSearchRecords(subtitled.issues, labelsOf);
    expect(splitParts(record?.content ?? '', record?.meta ?? {})).toEqual([
      { projectId: 'nova', start: 0, end: 11, text: '热迁移专题 迁移的进展', bodyStart: 6 },
    ]);
  });

  it('filters by every project with a section and by every month the period touches', () => {
    const [record] = createSearchRecords([seven], labelsOf);
    expect(record?.filters).toEqual({ month: ['2014-01', '2014-02'], project: ['heat', 'nova'] });
  });

  it('leaves empty sections out of the content and of the project filter', () => {
    const [record] = createSearchRecords([blanked(seven, ['heat'])], labelsOf);
    expect(record?.filters['project']).toEqual(['nova']);
    expect(Object.keys(record?.meta ?? {}).filter((key) => key.startsWith('section.'))).toEqual(['section.nova']);
  });

  it('labels an untranslated original for every locale, since every locale shows it', () => {
    const [record] = createSearchRecords([eight], labelsOf);
    expect(record?.meta).toEqual({
      issue: '8',
      date: '2014-02-03',
      lang: 'zh-CN',
      'section.nova': '0',
      'issue.zh-CN': 'zh-CN:8',
      'period.zh-CN': 'zh-CN:p',
      'issue.en': 'en:8',
      'period.en': 'en:p',
    });
    expect(record?.filters['hidden']).toBeUndefined();
  });

  it('indexes a translation once, hidden from the other locale, and hides the original from its locale', () => {
    expect(textsOfIssue(translated(eight)).map(({ text, locales }) => [text.lang, locales])).toEqual([
      ['zh-CN', ['zh-CN']],
      ['en', ['en']],
    ]);
    const [original, english] = createSearchRecords([translated(eight)], labelsOf);
    expect(original?.filters['hidden']).toEqual(['en']);
    expect(english).toMatchObject({
      url: '/en/issues/8/',
      content: 'database migration',
      meta: { lang: 'en', 'issue.en': 'en:8', 'section.nova': '0' },
      filters: { hidden: ['zh-CN'], project: ['nova'] },
    });
    expect(Object.keys(english?.meta ?? {})).not.toContain('issue.zh-CN');
  });

  it('marks a translation possibly out of date, as its page and listings do, and only that one', () => {
    const current = translated(eight);
    const stale = { ...current, texts: { ...current.texts, en: { ...current.texts.en, status: 'stale' as const } } };
    expect(createSearchRecords([stale], labelsOf).map((record) => record.meta['stale'])).toEqual([undefined, '1']);
    expect(createSearchRecords([current, seven], labelsOf).map((record) => record.meta['stale'])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("opens each section with the project's name in the text's language, as its page shows it", () => {
    const names: Record<string, Record<string, string>> = { heat: { 'zh-CN': 'Heat', en: 'Heat' }, nova: { 'zh-CN': '诺瓦', en: 'Nova' } };
    const [record] = createSearchRecords([seven], labelsOf, (projectId, lang) => names[projectId]?.[lang] ?? projectId);
    expect(record?.content).toBe('编者按：前言。 Heat Rackspace 认证 诺瓦 nova-scheduler');
    expect(splitParts(record?.content ?? '', record?.meta ?? {}).map((part) => [part.projectId, part.bodyStart])).toEqual([
      [undefined, undefined],
      ['heat', 5],
      ['nova', 3],
    ]);
    const [, english] = createSearchRecords([translated(eight)], labelsOf, (projectId, lang) => names[projectId]?.[lang] ?? projectId);
    expect(english?.content).toBe('Nova database migration');
  });

  it("puts a section's subtitle after its name, in its heading as the page shows it", () => {
    const subtitled = createArchive([issueEntry(data(9, '2014-02-16', '2014-02-27'), '## Nova (热迁移专题)\n\n迁移的进展')]);
    const [record] = createSearchRecords(subtitled.issues, labelsOf, () => 'Nova');
    expect(splitParts(record?.content ?? '', record?.meta ?? {})).toEqual([
      { projectId: 'nova', start: 0, end: 16, text: 'Nova 热迁移专题 迁移的进展', bodyStart: 11 },
    ]);
  });

  it('indexes a right single quotation mark as the apostrophe, one for one', () => {
    const quoted = createArchive([issueEntry(data(9, '2014-02-16', '2014-02-27'), "## Nova\n\nNova’s scheduler, can't")]);
    const [record] = createSearchRecords(quoted.issues, labelsOf, () => 'Nova');
    expect(record?.content).toBe("Nova Nova's scheduler, can't");
  });

  it('leaves out texts with nothing to index', () => {
    expect(createSearchRecords([blanked(eight)], labelsOf)).toEqual([]);
  });
});

describe('foldWidth', () => {
  it('writes full-width Latin letters and digits half-width, one for one, and leaves the rest', () => {
    const written = 'ｆｉｌｅｓｙｓｔｅｍ，第２版：ＮＯＶＡ　云计算（Ｖ３）';
    expect(foldWidth(written)).toBe('filesystem，第2版：NOVA　云计算（V3）');
    expect(foldWidth(written)).toHaveLength(written.length);
  });
});

describe('foldApostrophes', () => {
  it('writes each right single quotation mark as an apostrophe and leaves the rest', () => {
    expect(foldApostrophes('‘Icehouse’ can’t, OpenStack’s')).toBe("‘Icehouse' can't, OpenStack's");
  });
});
