/**
 * An issue body: an introduction (anything before the first section), then one `##`
 * section per registry project. This splits a body at its section headings; every
 * line outside those headings lands in exactly one part.
 */
import type { Definition, Heading, RootContent } from 'mdast';
import { headingText, parseMarkdown } from './markdown.ts';
import type { ProjectResolver } from '../lib/projects.ts';

export interface BodySection {
  /** Registry id of the project the heading names. */
  projectId: string;
  /** The heading's text as written. */
  heading: string;
  /** 1-based line of the heading within the body. */
  line: number;
  /** The section's Markdown, heading excluded. */
  markdown: string;
}

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
  fix: string;
}

export interface IssueBody {
  /** Markdown before the first section (a foreword, an editor's note). */
  intro: string;
  sections: BodySection[];
  /** Link reference definitions (`[1]: url`); Markdown scopes them to the whole body. */
  definitions: string;
  problems: BodyProblem[];
}

/** Splits a body into introduction and sections, reporting headings that name no project. */
export function splitIssueBody(markdown: string, resolver: ProjectResolver): IssueBody {
  const tree = parseMarkdown(markdown);
  const problems: BodyProblem[] = [];
  const boundaries: { node: Heading; projectId: string }[] = [];
  const seen = new Map<string, number>();

  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth > 2) continue;
    const text = headingText(node).trim();
    const line = node.position?.start.line ?? 0;
    if (node.depth === 1) {
      problems.push({
        line,
        message: `"# ${text}" is a level-1 heading`,
        fix: 'use "## <project>" for a section or "###" for a sub-heading',
      });
      continue;
    }
    const match = resolver.resolve(text);
    if (!match) {
      const suggestion = resolver.suggest(text);
      problems.push({
        line,
        message: `heading "## ${text}" matches no project or alias`,
        fix: suggestion
          ? `did you mean "${suggestion.name.en}" (${suggestion.id})? Fix the heading, or add "${text}" to its aliases in src/content/projects.yaml`
          : 'use a project name from src/content/projects.yaml, or add this name there as a project or an alias',
      });
      continue;
    }
    const first = seen.get(match.project.id);
    if (first !== undefined) {
      problems.push({
        line,
        message: `a second ${match.project.name.en} section (the first is at line ${first})`,
        fix: 'merge the two sections into one',
      });
      continue;
    }
    seen.set(match.project.id, line);
    boundaries.push({ node, projectId: match.project.id });
  }

  const offsetOf = (node: RootContent, edge: 'start' | 'end') => node.position?.[edge].offset ?? 0;
  const firstStart = boundaries[0] ? offsetOf(boundaries[0].node, 'start') : markdown.length;
  const sections = boundaries.map(({ node, projectId }, index) => {
    const next = boundaries[index + 1];
    return {
      projectId,
      heading: headingText(node).trim(),
      line: node.position?.start.line ?? 0,
      markdown: trimBlankLines(markdown.slice(offsetOf(node, 'end'), next ? offsetOf(next.node, 'start') : markdown.length)),
    };
  });
  const definitions = collectDefinitions(tree.children)
    .map((node) => markdown.slice(offsetOf(node, 'start'), offsetOf(node, 'end')))
    .join('\n');

  return { intro: trimBlankLines(markdown.slice(0, firstStart)), sections, definitions, problems };
}

function collectDefinitions(nodes: readonly RootContent[]): Definition[] {
  return nodes.flatMap((node) => {
    if (node.type === 'definition') return [node];
    return 'children' in node ? collectDefinitions(node.children as RootContent[]) : [];
  });
}

/** Drops blank lines at either end, keeping indentation of the first real line. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}
