/**
 * The search records of an archive, made by the issues loader from the same entries the pages
 * render (one read and one render of every file) and handed to the index through the content hub,
 * with the names the registries give releases and projects, from which the index writes the
 * archive's search vocabulary.
 */
import { formatIssueLabel, formatPeriod } from '../i18n/format.ts';
import type { Archive } from '../lib/archive.ts';
import { createSearchRecords, type SearchRecord } from '../lib/search/index/records.ts';
import type { SearchConcept } from '../lib/search/names.ts';
import type { Project } from '../schemas/project.ts';

/** What the loaders hand to the index: the records, and the releases and projects search knows by name. */
export interface SearchHandoff {
  records: SearchRecord[];
  concepts: SearchConcept[];
}

/** Every search record of the archive, labelled in each locale, each section under its project's name. */
export function searchRecordsOf(archive: Archive, projects: readonly Project[]): SearchRecord[] {
  const names = new Map(projects.map((project) => [project.id, project.name]));
  return createSearchRecords(
    archive.issues,
    (issue, locale) => ({
      issue: formatIssueLabel(issue.number, locale),
      period: formatPeriod(issue.period, locale),
    }),
    (projectId, lang) => names.get(projectId)?.[lang] ?? projectId,
  );
}
