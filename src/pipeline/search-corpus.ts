/**
 * The archive as the search sees it, read outside Astro: issues and translations from an issues
 * folder, the plain text of every part made the way pages make it (rendered Markdown, sanitized,
 * as text), and the records the index is built from. The search index step of the build and the
 * recall measurement both start here.
 */
import { formatIssueLabel, formatPeriod } from '../i18n/format.ts';
import { createArchive, type Archive, type IssueText, type TranslationEntry } from '../lib/archive.ts';
import type { ValidIssue } from './issue-validation.ts';
import { needsRendering, mdastToText, parseMarkdown, renderMarkdown } from './markdown.ts';
import { formatProblems } from './problems.ts';
import { createProjectResolver, type ProjectResolver } from '../lib/projects.ts';
import { createSearchRecords, type SearchRecord } from '../lib/search/index/records.ts';
import { htmlToText } from '../lib/search/page/matcher.ts';
import type { Project } from '../schemas/project.ts';
import { loadContentFiles } from './content-files.ts';

export interface SearchCorpus {
  archive: Archive;
  resolver: ProjectResolver;
  /** The plain text of a part of a text (introduction, or the section of `projectId`), as indexed. */
  textOf(text: IssueText, projectId?: string): string;
}

/** Reads an issues folder as the build does; throws, listing the problems, on invalid content. */
export async function readSearchCorpus(issuesDir: string, registry: readonly Project[], site: URL): Promise<SearchCorpus> {
  const { issues, translations, problems } = await loadContentFiles(issuesDir, registry);
  if (problems.length) throw new Error(formatProblems(problems));
  return createSearchCorpus(issues, createProjectResolver(registry), site, translations);
}

/** The corpus of issues (and translations) already read and validated. */
export function createSearchCorpus(
  issues: readonly Pick<ValidIssue, 'data' | 'body'>[],
  resolver: ProjectResolver,
  site: URL,
  translations: readonly TranslationEntry[] = [],
): SearchCorpus {
  const archive = createArchive(
    issues.map(({ data, body }) => ({ data, body })),
    resolver,
    translations.map(({ locale, data, body }) => ({ locale, data, body })),
  );
  const cache = new WeakMap<IssueText, Map<string, string>>();
  return {
    archive,
    resolver,
    textOf(text, projectId) {
      let parts = cache.get(text);
      if (!parts) cache.set(text, (parts = new Map()));
      let plain = parts.get(projectId ?? '');
      if (plain === undefined) {
        const markdown =
          projectId === undefined ? text.intro : (text.sections.find((section) => section.projectId === projectId)?.markdown ?? '');
        plain = markdown ? plainText(`${markdown}\n\n${text.definitions}`, site) : '';
        parts.set(projectId ?? '', plain);
      }
      return plain;
    },
  };
}

/**
 * The text a reader sees of a part: read off the syntax tree, or, where raw HTML or images make
 * rendering decide what is visible, off the page's own sanitized HTML.
 */
function plainText(markdown: string, site: URL): string {
  const tree = parseMarkdown(markdown);
  return needsRendering(tree) ? htmlToText(renderMarkdown(markdown, { site })) : mdastToText(tree);
}

/** Every search record of the corpus, labelled in each locale. */
export function searchRecordsOf({ archive, textOf }: SearchCorpus): SearchRecord[] {
  return createSearchRecords(archive.issues, {
    textOf,
    labelsOf: (issue, locale) => ({ issue: formatIssueLabel(issue.number, locale), period: formatPeriod(issue.period, locale) }),
  });
}
