import { describe, expect, it } from 'vitest';
import { createArchive, getSectionText, translatedPercent, translationCoverage, translationCoverageByYear } from '../../src/lib/archive.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { noLinkRules, planOutsideLink } from '../../src/lib/outside-links.ts';
import type { IssueEntryData, TranslationEntryData } from '../../src/schemas/entry.ts';

const day = (text: string) => parseIsoDay(text) as Date;
const section = (projectId: string, html: string) => ({ projectId, heading: projectId, html, text: html });

const issue = (number: number, end: string, sections: ReturnType<typeof section>[]): IssueEntryData => ({
  number,
  title: 't',
  description: 'd',
  projects: sections.map(({ projectId }) => projectId),
  attribution: { editor: 'e', source: 'https://example.org/' },
  period: { start: day(end), end: day(end) },
  published: day(end),
  body: { sections },
  sourceLink: planOutsideLink('https://example.org/', end, noLinkRules),
});

const translation = (
  number: number,
  status: TranslationEntryData['status'],
  sections: ReturnType<typeof section>[],
): TranslationEntryData => ({
  number,
  locale: 'en',
  status,
  title: `Issue ${number}`,
  description: 'English',
  translator: 'T',
  source: { sha256: 'f'.repeat(64) },
  body: { sections },
});

describe('the archive', () => {
  const archive = createArchive([
    issue(1, '2013-11-22', [section('nova', 'a')]),
    issue(8, '2014-02-15', [section('heat', 'b'), section('nova', 'c')]),
    issue(7, '2014-02-02', [section('heat', 'd')]),
  ]);

  it('lists issues newest first', () => {
    expect(archive.issues.map((entry) => entry.number)).toEqual([8, 7, 1]);
  });

  it('links each issue to its neighbours', () => {
    expect(archive.neighbors(7)).toMatchObject({ previous: { number: 1 }, next: { number: 8 } });
    expect(archive.neighbors(8).next).toBeUndefined();
    expect(archive.neighbors(1).previous).toBeUndefined();
  });

  it("gathers a project's sections, newest first", () => {
    expect(archive.sectionsOf('nova').map(({ issue: entry, section: part }) => [entry.number, part.html])).toEqual([
      [8, 'c'],
      [1, 'a'],
    ]);
    expect(archive.projectIds().sort()).toEqual(['heat', 'nova']);
  });
});

describe('texts per locale', () => {
  const archive = createArchive(
    [
      issue(1, '2013-11-22', [section('nova', 'a')]),
      issue(7, '2014-02-02', [section('heat', 'd')]),
      issue(8, '2014-02-15', [section('heat', 'b')]),
    ],
    [translation(8, 'translated', [section('heat', 'English text')]), translation(7, 'stale', [section('heat', 'Older English')])],
  );

  it('gives Chinese readers the original and English readers a translation, a stale one, or the original', () => {
    const statuses = archive.issues.map((entry) => [entry.number, entry.texts['zh-CN'].status, entry.texts.en.status, entry.texts.en.lang]);
    expect(statuses).toEqual([
      [8, 'original', 'translated', 'en'],
      [7, 'original', 'stale', 'en'],
      [1, 'original', 'untranslated', 'zh-CN'],
    ]);
    expect(archive.get(8)?.texts.en.sections[0]?.html).toBe('English text');
    expect(archive.get(1)?.texts.en.sections[0]?.html).toBe('a');
  });

  it('carries the translator of a translation, and none for an original', () => {
    expect(archive.get(8)?.texts.en.translator).toBe('T');
    expect(archive.get(8)?.texts['zh-CN'].translator).toBeUndefined();
    expect(archive.get(1)?.texts.en.translator).toBeUndefined();
  });

  it("falls back to the original's section, marked untranslated, where a translation lacks one", () => {
    const eight = archive.get(8);
    if (!eight) throw new Error('issue 8 missing');
    expect(getSectionText(eight, 'en', 'heat')).toMatchObject({ text: { status: 'translated' }, section: { html: 'English text' } });
    const withNova = { ...eight, original: { ...eight.original, sections: [...eight.original.sections, section('nova', '原文')] } };
    expect(getSectionText(withNova, 'en', 'nova')).toMatchObject({
      text: { status: 'untranslated', lang: 'zh-CN' },
      section: { html: '原文' },
      shownIn: 'zh-CN',
    });
    expect(getSectionText(eight, 'en', 'heat').shownIn).toBe('en');
  });

  it('counts coverage per language', () => {
    expect(translationCoverage(archive.issues, 'en')).toEqual({ total: 3, translated: 1, stale: 1, untranslated: 1 });
    expect(translationCoverage(archive.issues, 'zh-CN')).toEqual({ total: 3, translated: 0, stale: 0, untranslated: 0 });
  });

  it.each([
    [0, 0, 0],
    [0, 14, 0],
    [2, 14, 14],
    [1, 300, 1],
    [994, 1000, 99],
    [999, 1000, 99],
    [1000, 1000, 100],
  ])('gives %i translated of %i as %i percent, never all or none while it is not', (translated, total, percent) => {
    expect(translatedPercent({ total, translated, stale: 0, untranslated: total - translated })).toBe(percent);
  });

  it('counts coverage per year, newest first, filing each issue in the year its period ends', () => {
    const byYear = translationCoverageByYear(archive.issues, 'en').map(({ year, coverage }) => [year, coverage]);
    expect(byYear).toEqual([
      [2014, { total: 2, translated: 1, stale: 1, untranslated: 0 }],
      [2013, { total: 1, translated: 0, stale: 0, untranslated: 1 }],
    ]);
  });
});

describe('an original shown in place of a missing translation', () => {
  it("has its links to the site's pages lead to that language's pages, files staying as written", () => {
    const linked = section('nova', '<p><a href="/digest/issues/19/#heat">本期</a> <a href="/digest/files/a.pdf">幻灯片</a></p>');
    const archive = createArchive([issue(19, '2014-06-01', [linked])], [], '/digest/');
    const nineteen = archive.get(19);
    if (!nineteen) throw new Error('issue 19 missing');
    expect(nineteen.texts.en.sections[0]?.html).toBe(
      '<p><a href="/digest/en/issues/19/#heat">本期</a> <a href="/digest/files/a.pdf">幻灯片</a></p>',
    );
    expect(nineteen.texts.en.status).toBe('untranslated');
    expect(nineteen.texts['zh-CN'].sections[0]?.html).toBe(linked.html);
    expect(getSectionText(nineteen, 'en', 'nova').section?.html).toBe(nineteen.texts.en.sections[0]?.html);
  });
});
