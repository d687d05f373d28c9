/** A stand-in for Pagefind for the page-side search tests, over records written as parts. */
import { joinParts } from '../../../src/lib/search/contract.ts';
import type { PagefindFragment, PagefindInstance } from '../../../src/lib/search/page/engine.ts';

/** One issue text as indexed: its sections by project id (`intro` for the introduction). */
export interface FakeRecord {
  issue: number;
  date: string;
  months: string[];
  hidden?: string[];
  parts: Record<string, string>;
  /** Section headings by project id, as the index writes them before each section's text. */
  headings?: Record<string, string>;
}

/**
 * A stand-in for Pagefind: every record whose text holds all terms (anywhere), or for a quoted
 * term the words next to each other, is a hit; filters as Pagefind applies them, on the record's
 * projects (every section it has).
 */
export function fakePagefind(records: FakeRecord[]) {
  const calls: Record<string, unknown>[] = [];
  /** Each fragment read: its issue, and how many calls came before it. */
  const reads: { issue: number; afterCalls: number }[] = [];
  const indexed = records.map((record) => {
    const { content, meta } = joinParts(
      Object.entries(record.parts).map(([id, text]) =>
        id === 'intro' ? { text } : { projectId: id, text, ...(record.headings?.[id] ? { heading: record.headings[id] } : {}) },
      ),
    );
    return { ...record, content, meta, projects: Object.keys(record.parts).filter((id) => id !== 'intro') };
  });
  type Indexed = (typeof indexed)[number];
  const passes = (record: Indexed, filters: Record<string, unknown>) => {
    const not = filters['not'] as { hidden?: string } | undefined;
    if (not?.hidden && record.hidden?.includes(not.hidden)) return false;
    // As Pagefind reads them, an empty `any` is no filter at all.
    const project = filters['project'] as { any?: string[] } | undefined;
    if (project?.any?.length && !record.projects.some((id) => project.any?.includes(id))) return false;
    const month = filters['month'];
    if (typeof month === 'string' && !record.months.includes(month)) return false;
    const any = (month as { any?: string[] } | undefined)?.any;
    return !(any?.length && !record.months.some((value) => any.includes(value)));
  };
  const instance: PagefindInstance = {
    async search(term, { filters }) {
      calls.push({ term, ...filters });
      const words = (term ?? '')
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase()
        .split(' ');
      // `null`: a search by filters alone.
      const holds = (content: string) =>
        term === null ||
        (term.startsWith('"') ? [' ', ''].some((gap) => content.includes(words.join(gap))) : words.every((word) => content.includes(word)));
      const matching = indexed.filter((record) => holds(record.content.toLowerCase()));
      const results = matching
        .filter((record) => passes(record, filters))
        .map((record, index) => ({
          id: String(record.issue),
          score: 1 / (index + 1),
          words: [0],
          data: async (): Promise<PagefindFragment> => {
            reads.push({ issue: record.issue, afterCalls: calls.length });
            return {
              url: `/issues/${record.issue}/`,
              content: record.content,
              meta: { issue: String(record.issue), date: record.date, ...record.meta },
              filters: { month: record.months, project: record.projects },
            };
          },
        }));
      const counts = (name: 'project' | 'month') => {
        const values: Record<string, number> = {};
        for (const record of matching.filter((candidate) => passes(candidate, { ...filters, [name]: undefined }))) {
          for (const value of name === 'project' ? record.projects : record.months) values[value] = (values[value] ?? 0) + 1;
        }
        return values;
      };
      return { results, filters: { project: counts('project'), month: counts('month') } };
    },
    async preload(term, { filters }) {
      calls.push({ preload: term, ...filters });
    },
  };
  return { instance, calls, reads };
}
