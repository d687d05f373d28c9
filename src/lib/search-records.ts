/**
 * The search index as records: one per (issue, text), where a text is the Chinese original or a
 * translation. A record's content is the text's parts (introduction, then each project section)
 * joined, and its meta says where each section starts (`search-parts.ts`), so results can still
 * name and link the section that matched. Each record carries the locales whose pages show that
 * text, so every text is indexed once and each language's search finds exactly what its pages
 * show. Pagefind's cost (indexing, its metadata file, the hits of a query) grows with the number
 * of records: one per text, not per section. Pure: texts and labels come in as functions.
 */
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import type { ArchiveIssue, IssueText } from './archive.ts';
import { toIsoDay } from './dates.ts';
import { monthsOfPeriod } from './months.ts';
import { issuePath, localizePath } from './routes.ts';
import { joinParts, SECTION_META_PREFIX } from './search-parts.ts';

/**
 * The Pagefind index every record goes into. Pagefind segments Chinese only in an index marked
 * Chinese, and its browser runtime loads one WebAssembly stemmer for every index on a page; one
 * index segmented as Chinese (Latin words stay words, unstemmed) serves both languages with one
 * download. The real language of each text is in `meta.lang`.
 */
export const SEARCH_INDEX_LANGUAGE = 'zh-cn';

/** Where the index is written and served from, under the site root. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Filter names shared by the index and the search page. A filter costs a download proportional
 * to the records carrying it, so the locale split is an exclusion carried only by texts some
 * locale does not show (translations, and originals that have one), not a tag on every record.
 */
export const searchFilters = {
  /** Locales whose pages do not show the record's text; absent when every locale shows it. */
  hidden: 'hidden',
  /** Every project with a section (with some text) in the record's text. */
  project: 'project',
  /** Every `YYYY-MM` month the issue's period touches. */
  month: 'month',
} as const;

/** What a result shows of its issue, in one locale (project names come from the search page's filters). */
export interface SearchLabels {
  /** The issue's name, e.g. 第八期 or Issue 8. */
  issue: string;
  period: string;
}

/** A Pagefind custom record (`index.addCustomRecord`). */
export interface SearchRecord {
  /**
   * Path of the first page showing the text: `/issues/8/` for the original, `/en/issues/8/` for a
   * translation. Pagefind keys records by URL, so the texts of one issue need distinct ones; the
   * search page maps it onto the reader's locale and adds the anchor of the section that matched.
   */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchRecordSources {
  /** The plain text of one part of a text: the introduction, or the section of `projectId`. */
  textOf(text: IssueText, projectId?: string): string;
  /** Labels of an issue in a locale. */
  labelsOf(issue: ArchiveIssue, locale: Locale): SearchLabels;
}

/** Meta keys of the labels for a locale. @example labelKey('period', 'en') // 'period.en' */
export function labelKey(label: keyof SearchLabels, locale: Locale): string {
  return `${label}.${locale}`;
}

/** The distinct texts of an issue and the locales that show each one. */
export function textsOfIssue(issue: ArchiveIssue): { text: IssueText; locales: Locale[] }[] {
  const original = { text: issue.original, locales: [] as Locale[] };
  const translations: { text: IssueText; locales: Locale[] }[] = [];
  for (const locale of localeCodes) {
    const text = issue.texts[locale];
    if (locale === defaultLocale || text.status === 'untranslated') original.locales.push(locale);
    else translations.push({ text, locales: [locale] });
  }
  return [original, ...translations];
}

/**
 * Every record of the archive: each text of each issue once, its parts joined.
 * No Pagefind sort key: a sort costs every first search a download proportional to the archive;
 * newest-first walks the month filter instead.
 */
export function createSearchRecords(issues: readonly ArchiveIssue[], sources: SearchRecordSources): SearchRecord[] {
  return issues.flatMap((issue) => {
    const months = monthsOfPeriod(issue.period);
    const date = toIsoDay(issue.period.start);
    return textsOfIssue(issue).flatMap(({ text, locales }): SearchRecord[] => {
      const sections = text.sections.map(({ projectId }) => ({ projectId, text: sources.textOf(text, projectId) }));
      const joined = joinParts([{ text: sources.textOf(text) }, ...sections]);
      if (!joined.content) return [];
      const projects = sections.flatMap(({ projectId }) => (`${SECTION_META_PREFIX}${projectId}` in joined.meta ? [projectId] : []));
      const meta: Record<string, string> = { issue: String(issue.number), date, lang: text.lang, ...joined.meta };
      for (const locale of locales) {
        const { issue: name, period } = sources.labelsOf(issue, locale);
        meta[labelKey('issue', locale)] = name;
        meta[labelKey('period', locale)] = period;
      }
      const hidden = localeCodes.filter((locale) => !locales.includes(locale));
      return [
        {
          url: localizePath(issuePath(issue.number), locales[0] ?? defaultLocale),
          content: joined.content,
          language: SEARCH_INDEX_LANGUAGE,
          meta,
          filters: {
            [searchFilters.month]: months,
            ...(projects.length ? { [searchFilters.project]: projects } : {}),
            ...(hidden.length ? { [searchFilters.hidden]: hidden } : {}),
          },
        },
      ];
    });
  });
}
