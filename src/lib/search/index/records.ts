/**
 * The search index as records: one per (issue, text), where a text is the Chinese original or a
 * translation. A record's content is the plain text of the text's parts (introduction, then each
 * project section), rendered by the content pipeline with their HTML, joined; its meta says where
 * each section starts (`../contract.ts`), so results can still name and link the section that
 * matched. Each record carries the locales whose pages show that text, so every text is indexed
 * once and each language's search finds exactly what its pages show. Pagefind's cost (indexing,
 * its metadata file, the hits of a query) grows with the number of records: one per text, not per
 * section. Pure: labels come in as a function.
 */
import { defaultLocale, localeCodes, type Locale } from '../../../i18n/locales.ts';
import type { ArchiveIssue, IssueText } from '../../archive.ts';
import { toIsoDay } from '../../dates.ts';
import { monthsOfPeriod } from '../../months.ts';
import { issuePath, localizePath } from '../../routes.ts';
import { joinParts, labelKey, SEARCH_INDEX_LANGUAGE, searchFilters, SECTION_META_PREFIX, type SearchLabels } from '../contract.ts';

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

/** Labels of an issue in a locale (formatted by the caller). */
export type LabelsOf = (issue: ArchiveIssue, locale: Locale) => SearchLabels;

/** The heading of a project's section in a text of this language: the project's name. */
export type HeadingOf = (projectId: string, lang: Locale) => string;

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
 * Every record of the archive: each text of each issue once, its parts joined, each section after
 * its heading (so a section is found by its project's name, as the page shows it above the text).
 * No Pagefind sort key: a sort costs every first search a download proportional to the archive;
 * newest-first walks the month filter instead.
 */
/**
 * Full-width Latin letters and digits as their ASCII forms (`ｆｉｌｅ` → `file`), one character for
 * one, so the parts' offsets hold: the page folds every query so (NFKC), and Pagefind finds only
 * the form it indexed, so a word typed full-width by an input method could never be found.
 * @example foldWidth('Ｎｏｖａ３号，') // 'Nova3号，'
 */
export function foldWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/**
 * The right single quotation mark and the ASCII apostrophe, as the archive writes them both
 * (`can’t`, `don't`) and readers type either (a phone's keyboard writes `don’t`): Pagefind holds
 * the two spellings as different words, so the index holds the second only and the vocabulary
 * ships the pair, for the page to fold a query alike (`foldQuery`).
 */
export const apostropheVariant: readonly [string, string] = ['\u2019', "'"];

/**
 * Every right single quotation mark as an apostrophe, one character for one (see `apostropheVariant`).
 * @example foldApostrophes('OpenStack’s') // "OpenStack's"
 */
export function foldApostrophes(text: string): string {
  return text.replaceAll(apostropheVariant[0], apostropheVariant[1]);
}

export function createSearchRecords(issues: readonly ArchiveIssue[], labelsOf: LabelsOf, headingOf?: HeadingOf): SearchRecord[] {
  return issues.flatMap((issue) => {
    const months = monthsOfPeriod(issue.period);
    const date = toIsoDay(issue.period.start);
    return textsOfIssue(issue).flatMap(({ text, locales }): SearchRecord[] => {
      const joined = joinParts([
        { text: text.intro?.text ?? '', ...(text.intro?.breaks ? { breaks: text.intro.breaks } : {}) },
        ...text.sections.map(({ projectId, subtitle, text: sectionText, breaks }) => {
          // The heading as the page shows it: the project's name (not as the editor wrote it), then
          // the section's subtitle, which is searched too; a subtitle alone stands as the text.
          const heading = [headingOf?.(projectId, text.lang), sectionText.trim() ? subtitle : undefined].filter(Boolean).join(' ');
          const body = sectionText.trim() ? sectionText : (subtitle ?? '');
          return { projectId, text: body, ...(heading ? { heading } : {}), ...(breaks && sectionText.trim() ? { breaks } : {}) };
        }),
      ]);
      if (!joined.content) return [];
      const projects = text.sections.flatMap(({ projectId }) => (`${SECTION_META_PREFIX}${projectId}` in joined.meta ? [projectId] : []));
      const meta: Record<string, string> = { issue: String(issue.number), date, lang: text.lang, ...joined.meta };
      // A translation possibly out of date says so on its page and in listings, so on its result too.
      if (text.status === 'stale') meta['stale'] = '1';
      for (const locale of locales) {
        const { issue: name, period } = labelsOf(issue, locale);
        meta[labelKey('issue', locale)] = name;
        meta[labelKey('period', locale)] = period;
      }
      const hidden = localeCodes.filter((locale) => !locales.includes(locale));
      return [
        {
          url: localizePath(issuePath(issue.number), locales[0] ?? defaultLocale),
          content: foldApostrophes(foldWidth(joined.content)),
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
