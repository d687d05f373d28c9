/**
 * The archive as pages see it: issues newest first, neighbours, years, and every project's
 * sections across issues. Pure: built from plain issue records and the project resolver.
 */
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import type { IssueData } from '../schemas/issue.ts';
import type { TranslationData } from '../schemas/translation.ts';
import { splitIssueBody, type BodySection } from '../pipeline/issue-body.ts';
import type { ProjectResolver } from './projects.ts';
import { hashIssueSource } from '../pipeline/translations.ts';

/** How a text relates to the reader's language. */
export type TextStatus = 'original' | 'translated' | 'stale' | 'untranslated';

/** An issue's words in one language: what pages, feeds and the search index show. */
export interface IssueText {
  /** The language the text is written in (Chinese when a translation is missing). */
  lang: Locale;
  /** `original` Chinese, a current `translation`, a `stale` one, or the original shown as an `untranslated` fallback. */
  status: TextStatus;
  title: string;
  description: string;
  /** Markdown before the first section. */
  intro: string;
  sections: BodySection[];
  /** Link definitions every part of the body may use. */
  definitions: string;
}

export interface ArchiveIssue extends IssueData {
  /** The Chinese original. */
  original: IssueText;
  /** What readers of each locale get: the original, a translation, or the original as a fallback. */
  texts: Record<Locale, IssueText>;
}

export interface ProjectSection {
  issue: ArchiveIssue;
  section: BodySection;
}

/** Issues the home page lists after the latest one; the archive page lists them all. */
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

export interface TranslationEntry {
  locale: Locale;
  data: TranslationData;
  body: string;
}

/** Builds the archive from issues and their translations (validated already). */
export function createArchive(
  entries: readonly { data: IssueData; body: string }[],
  resolver: ProjectResolver,
  translations: readonly TranslationEntry[] = [],
): Archive {
  const translated = new Map(translations.map((entry) => [`${entry.locale}:${entry.data.number}`, entry]));
  const textOf = (
    lang: Locale,
    status: TextStatus,
    { title, description }: { title: string; description: string },
    body: string,
  ): IssueText => {
    const { intro, sections, definitions } = splitIssueBody(body, resolver);
    return { lang, status, title, description, intro, sections, definitions };
  };
  const issues = entries
    .map(({ data, body }): ArchiveIssue => {
      const original = textOf(defaultLocale, 'original', data, body);
      const sourceHash = hashIssueSource({ ...data, body });
      const texts = Object.fromEntries(
        localeCodes.map((locale) => {
          if (locale === defaultLocale) return [locale, original];
          const translation = translated.get(`${locale}:${data.number}`);
          if (!translation) return [locale, { ...original, status: 'untranslated' }];
          const status = translation.data.source.sha256 === sourceHash ? 'translated' : 'stale';
          return [locale, textOf(locale, status, translation.data, translation.body)];
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

/** One project's section of an issue, in the reader's language where a translation has it. */
export function getSectionText(issue: ArchiveIssue, locale: Locale, projectId: string): { text: IssueText; section?: BodySection } {
  const text = issue.texts[locale];
  const section = text.sections.find((candidate) => candidate.projectId === projectId);
  return section ? { text, section } : { text };
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
