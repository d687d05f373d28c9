/**
 * The archive as pages, feeds and the search index see it: issues newest first, each in every
 * locale's text, neighbours, and every project's sections across issues. Pure: built from the
 * collections' entries, already validated and rendered.
 */
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import type { IssueEntryData, RenderedPart, RenderedSection, TranslationEntryData } from '../schemas/entry.ts';
import { archiveYears } from './archive-years.ts';
import { localizeSiteLinks } from './html-site-paths.ts';

/** How a text relates to the reader's language. */
export type TextStatus = 'original' | 'translated' | 'stale' | 'untranslated';

/** An issue's words in one language: what pages, feeds and the search index show. */
export interface IssueText {
  /** The language the text is written in (Chinese when a translation is missing). */
  lang: Locale;
  /** `original` Chinese, a current translation (`translated`), a `stale` one, or the original shown as an `untranslated` fallback. */
  status: TextStatus;
  title: string;
  description: string;
  /** Who translated it, for a translation. */
  translator?: string;
  /** Still being written (`draft: true`): only `npm run dev` has it. */
  draft?: boolean;
  /** The text before the first section, if any. */
  intro?: RenderedPart;
  sections: RenderedSection[];
}

/** An issue's front matter and rendered credit statement, with its texts per locale. */
export interface ArchiveIssue extends Omit<IssueEntryData, 'body'> {
  /** The Chinese original. */
  original: IssueText;
  /** What readers of each locale get: the original, a translation, or the original as a fallback. */
  texts: Record<Locale, IssueText>;
}

export interface ProjectSection {
  issue: ArchiveIssue;
  section: RenderedSection;
}

/** Issues the home page lists after the latest one; the archive lists every issue, one page per year. */
export const homeRecentCount = 10;

export interface Archive {
  /** Newest first. */
  issues: ArchiveIssue[];
  get(number: number): ArchiveIssue | undefined;
  /** The issues before (older) and after (newer) this one. */
  neighbors(number: number): { previous?: ArchiveIssue; next?: ArchiveIssue };
  /** A project's sections, newest issue first. */
  sectionsOf(projectId: string): ProjectSection[];
  /** Ids of projects with at least one section. */
  projectIds(): string[];
}

/**
 * Builds the archive from the issues and translations the collections hold; `base` is the path the
 * site is published at, for the links of an original shown in place of a missing translation.
 */
export function createArchive(entries: readonly IssueEntryData[], translations: readonly TranslationEntryData[] = [], base = '/'): Archive {
  const translated = new Map(translations.map((entry) => [`${entry.locale}:${entry.number}`, entry]));
  const textOf = (lang: Locale, status: TextStatus, entry: IssueEntryData | TranslationEntryData): IssueText => ({
    lang,
    status,
    title: entry.title,
    description: entry.description,
    ...('translator' in entry ? { translator: entry.translator } : {}),
    ...(entry.draft ? { draft: true } : {}),
    ...(entry.body.intro ? { intro: entry.body.intro } : {}),
    sections: entry.body.sections,
  });
  const issues = entries
    .map((entry): ArchiveIssue => {
      const { body: _body, ...data } = entry;
      const original = textOf(defaultLocale, 'original', entry);
      const texts = Object.fromEntries(
        localeCodes.map((locale) => {
          if (locale === defaultLocale) return [locale, original];
          const translation = translated.get(`${locale}:${data.number}`);
          return [locale, translation ? textOf(locale, translation.status, translation) : fallback(original, locale, base)];
        }),
      ) as Record<Locale, IssueText>;
      return { ...data, original, texts };
    })
    .sort((a, b) => b.number - a.number);
  const index = new Map(issues.map((issue, position) => [issue.number, position]));
  const byProject = new Map<string, ProjectSection[]>();
  for (const issue of issues) {
    for (const section of issue.original.sections) {
      const list = byProject.get(section.projectId) ?? [];
      list.push({ issue, section });
      byProject.set(section.projectId, list);
    }
  }
  return {
    issues,
    get: (number) => issues[index.get(number) ?? -1],
    neighbors(number) {
      const position = index.get(number);
      if (position === undefined) return {};
      const previous = issues[position + 1];
      const next = issues[position - 1];
      return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
    },
    sectionsOf: (projectId) => byProject.get(projectId) ?? [],
    projectIds: () => [...byProject.keys()],
  };
}

/** The original shown on another locale's pages, marked untranslated, its links leading to that locale's pages. */
function fallback(original: IssueText, locale: Locale, base: string): IssueText {
  const localized = <Part extends RenderedPart>(part: Part): Part => ({ ...part, html: localizeSiteLinks(part.html, locale, base) });
  return {
    ...original,
    status: 'untranslated',
    ...(original.intro ? { intro: localized(original.intro) } : {}),
    sections: original.sections.map(localized),
  };
}

/**
 * One project's section of an issue in the reader's language where a translation has it, else the
 * original's, marked untranslated; and the language of the issue page that shows it, for links to
 * its anchor (a translation that lacks the section, as a stale one may, has no such anchor).
 */
export function getSectionText(
  issue: ArchiveIssue,
  locale: Locale,
  projectId: string,
): { text: IssueText; section?: RenderedSection; shownIn: Locale } {
  const translated = issue.texts[locale];
  const section = translated.sections.find((candidate) => candidate.projectId === projectId);
  if (section) return { text: translated, section, shownIn: locale };
  const original = issue.original.sections.find((candidate) => candidate.projectId === projectId);
  return { text: { ...issue.original, status: 'untranslated' }, ...(original ? { section: original } : {}), shownIn: defaultLocale };
}

export interface Coverage {
  total: number;
  translated: number;
  stale: number;
  untranslated: number;
}

/** How much of the archive readers of `locale` get in their own language. */
export function translationCoverage(issues: readonly ArchiveIssue[], locale: Locale): Coverage {
  const count = (status: TextStatus) => issues.filter((issue) => issue.texts[locale].status === status).length;
  return { total: issues.length, translated: count('translated'), stale: count('stale'), untranslated: count('untranslated') };
}

/**
 * The share translated, in whole percent, rounded but never to all or none while it is not: 999 of
 * 1,000 would round to 100% beside one issue still to translate, 1 of 300 to 0% beside one done.
 * @example translatedPercent({ total: 1000, translated: 999, stale: 0, untranslated: 1 }) // 99
 */
export function translatedPercent({ total, translated }: Coverage): number {
  const percent = total ? Math.round((translated / total) * 100) : 0;
  return translated && translated < total ? Math.min(99, Math.max(1, percent)) : percent;
}

/**
 * Coverage year by year, newest first, each year as the archive files its issues: a page that
 * lists every issue would grow without end, and each year's archive page marks every issue's status.
 */
export function translationCoverageByYear(issues: readonly ArchiveIssue[], locale: Locale): { year: number; coverage: Coverage }[] {
  return archiveYears(issues).map(({ year, months }) => ({
    year,
    coverage: translationCoverage(
      months.flatMap(({ items }) => items),
      locale,
    ),
  }));
}
