/**
 * The archive as pages see it: issues newest first, neighbours, years, and every project's
 * sections across issues. Pure: built from plain issue records and the project resolver.
 */
import type { IssueData } from '../schemas/issue.ts';
import { splitIssueBody, type BodySection } from './issue-body.ts';
import type { ProjectResolver } from './projects.ts';

export interface ArchiveIssue extends IssueData {
  /** Markdown before the first section. */
  intro: string;
  sections: BodySection[];
  /** Link definitions every part of the body may use. */
  definitions: string;
}

export interface ProjectSection {
  issue: ArchiveIssue;
  section: BodySection;
}

export interface YearGroup<T> {
  year: number;
  items: T[];
}

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

/** Builds the archive from issue data and bodies. */
export function createArchive(entries: readonly { data: IssueData; body: string }[], resolver: ProjectResolver): Archive {
  const issues = entries
    .map(({ data, body }): ArchiveIssue => {
      const { intro, sections, definitions } = splitIssueBody(body, resolver);
      return { ...data, intro, sections, definitions };
    })
    .sort((a, b) => b.number - a.number);
  const index = new Map(issues.map((issue, position) => [issue.number, position]));
  const byProject = new Map<string, ProjectSection[]>();
  for (const issue of issues) {
    for (const section of issue.sections) {
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

/**
 * Groups items by the year `yearOf` gives, keeping their order; years newest first.
 * @example groupByYear([{ y: 2014 }, { y: 2013 }], (item) => item.y) // [{ year: 2014, ... }, { year: 2013, ... }]
 */
export function groupByYear<T>(items: readonly T[], yearOf: (item: T) => number): YearGroup<T>[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const year = yearOf(item);
    const group = groups.get(year);
    if (group) group.push(item);
    else groups.set(year, [item]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, grouped]) => ({ year, items: grouped }));
}
