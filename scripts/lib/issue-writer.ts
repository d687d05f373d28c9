/** Writes issue files the way the editor scripts and the importer all do: same key order, same YAML style. */
import { Document, isSeq } from 'yaml';
import { toIsoDay } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';

/** The file name of issue `number` inside a locale folder; the content folder's read checks it. */
export { issueFileName } from '../../src/pipeline/folder.ts';

/** Serializes front matter and body into an issue file (LF line endings, one trailing newline). */
export function serializeIssue(frontmatter: IssueData, body: string): string {
  const plain = {
    number: frontmatter.number,
    title: frontmatter.title,
    period: { start: toIsoDay(frontmatter.period.start), end: toIsoDay(frontmatter.period.end) },
    published: toIsoDay(frontmatter.published),
    description: frontmatter.description,
    projects: frontmatter.projects,
    attribution: frontmatter.attribution,
    ...(frontmatter.legacy ? { legacy: frontmatter.legacy } : {}),
    ...(frontmatter.draft ? { draft: true } : {}),
  };
  const document = new Document(plain);
  const projects = document.get('projects', true);
  if (isSeq(projects)) projects.flow = true;
  // Blank lines go; the first line's indentation stays (a body may open with an indented code block).
  const text = body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${text}\n`;
}
