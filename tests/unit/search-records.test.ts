import { describe, expect, it } from 'vitest';
import { createArchive, type ArchiveIssue } from '../../src/lib/archive.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { createSearchRecords, SEARCH_INDEX_LANGUAGE, textsOfIssue } from '../../src/lib/search-records.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { resolver } from './helpers.ts';

const data = (number: number, start: string, end: string): IssueData => ({
  number, title: `第${number}期`, description: 'd', projects: [], attribution: { editor: 'e', source: 'https://example.org/' },
  period: { start: parseIsoDay(start) as Date, end: parseIsoDay(end) as Date }, published: parseIsoDay(end) as Date,
});
const archive = createArchive([
  { data: data(7, '2014-01-17', '2014-02-02'), body: '编者按：前言。\n\n## Heat\n\nRackspace 认证\n\n## Nova\n\nnova-scheduler' },
  { data: data(8, '2014-02-03', '2014-02-15'), body: '## Nova\n\n数据库的迁移' },
], resolver);

/** Issue 8 with an English translation, as the bilingual archive will give it. */
const translated = (issue: ArchiveIssue): ArchiveIssue => ({
  ...issue,
  texts: { ...issue.texts, en: { ...issue.original, lang: 'en', status: 'translated', sections: issue.original.sections.map((section) => ({ ...section, markdown: 'database migration' })) } },
});

const sources = {
  textOf: (text: ArchiveIssue['original'], projectId?: string) => (projectId ? text.sections.find((section) => section.projectId === projectId)?.markdown ?? '' : text.intro),
  labelsOf: (issue: ArchiveIssue, locale: string, projectId?: string) => ({ issue: `${locale}:${issue.number}`, period: `${locale}:p`, ...(projectId ? { project: `${locale}:${projectId}` } : {}) }),
};

describe('search records', () => {
  const [eight, seven] = archive.issues as [ArchiveIssue, ArchiveIssue];

  it('makes one record per part of each text, with section anchors', () => {
    const records = createSearchRecords([seven], sources);
    expect(records.map((record) => record.url)).toEqual(['/issues/7/', '/issues/7/#heat', '/issues/7/#nova']);
    expect(records.map((record) => record.content)).toEqual(['编者按：前言。', 'Rackspace 认证', 'nova-scheduler']);
    expect(new Set(records.map((record) => record.language))).toEqual(new Set([SEARCH_INDEX_LANGUAGE]));
  });

  it('filters by project (sections only) and by every month the period touches', () => {
    const [intro, heat] = createSearchRecords([seven], sources);
    expect(intro?.filters).toEqual({ month: ['2014-01', '2014-02'] });
    expect(heat?.filters).toEqual({ month: ['2014-01', '2014-02'], project: ['heat'] });
  });

  it('labels an untranslated original for every locale, since every locale shows it', () => {
    const [record] = createSearchRecords([eight], sources);
    expect(record?.meta).toEqual({
      issue: '8', date: '2014-02-03', lang: 'zh-CN', project: 'nova',
      'issue.zh-CN': 'zh-CN:8', 'period.zh-CN': 'zh-CN:p', 'project.zh-CN': 'zh-CN:nova',
      'issue.en': 'en:8', 'period.en': 'en:p', 'project.en': 'en:nova',
    });
  });

  it('indexes a translation once, hidden from the other locale, and hides the original from its locale', () => {
    expect(textsOfIssue(translated(eight)).map(({ text, locales }) => [text.lang, locales])).toEqual([['zh-CN', ['zh-CN']], ['en', ['en']]]);
    const [original, english] = createSearchRecords([translated(eight)], sources);
    expect(original?.filters['hidden']).toEqual(['en']);
    expect(english).toMatchObject({ url: '/en/issues/8/#nova', content: 'database migration', meta: { lang: 'en', 'issue.en': 'en:8' }, filters: { hidden: ['zh-CN'] } });
    expect(Object.keys(english?.meta ?? {})).not.toContain('issue.zh-CN');
  });

  it('leaves out empty parts', () => {
    expect(createSearchRecords([eight], { ...sources, textOf: () => ' ' })).toEqual([]);
  });
});
