/** The search records of this build: the archive's texts, rendered once, as Pagefind records. */
import { formatIssueLabel, formatPeriod } from '../i18n/format.ts';
import { createSearchRecords, type SearchRecord } from '../lib/search-records.ts';
import { htmlToText } from '../lib/search-text.ts';
import { getSite, renderIssuePart } from './archive.ts';

/** Every record, for the index written at the end of the build. */
export async function getSearchRecords(): Promise<SearchRecord[]> {
  const { archive, resolver } = await getSite();
  return createSearchRecords(archive.issues, {
    textOf: (text, projectId) => htmlToText(renderIssuePart(text, projectId)),
    labelsOf: (issue, locale, projectId) => ({
      issue: formatIssueLabel(issue.number, locale),
      period: formatPeriod(issue.period, locale),
      ...(projectId ? { project: resolver.get(projectId)?.name[locale] ?? projectId } : {}),
    }),
  });
}
