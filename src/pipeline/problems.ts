/**
 * Content problems: what the build, `npm run check` and the importer report. Each names the
 * file, the line where one is known, the field, what is wrong and how to fix it.
 */
import path from 'node:path';

export interface ContentProblem {
  /** Path of the file, as the reader would open it. */
  file: string;
  /** 1-based line in the file. */
  line?: number;
  /** The front-matter field (`period.end`) or `body`. */
  field: string;
  message: string;
  fix: string;
}

/**
 * One line per problem, in the `file:line` form editors and terminals link.
 * @example formatProblem({ file: 'a.md', line: 4, field: 'period.end', message: 'm', fix: 'f' }) // 'a.md:4  period.end: m. Fix: f.'
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}  ${problem.field}: ${stripStop(problem.message)}. Fix: ${stripStop(problem.fix)}.`;
}

/** The report for a set of problems, with a count first. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
  return [`${count}:`, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}

function stripStop(text: string): string {
  return text.replace(/[.。]\s*$/, '');
}

/**
 * The 1-based line of an offset into a piece of text that starts on `line` of its file.
 * @example lineAt('a\nb\nc', 4, 7) // 9
 */
export function lineAt(text: string, index: number, line: number): number {
  return line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
}

/** Files whose text the dev server's error overlay shows: Markdown and YAML, which it highlights. */
const SHOWN_AS_TEXT = /\.(md|ya?ml)$/i;

/**
 * Where the dev server's error overlay opens the content's problems (its code frame and "Open in
 * editor"): the first problem at a line of a Markdown or YAML file, written relative to the
 * project `root`, as Astro puts any other path below the project. Astro reads the file and
 * highlights it by its extension: one it knows no language for (an SVG, an image, a host's file)
 * fails the overlay, and the page stays blank. A problem without a line (a symbolic link out of
 * the folder, which may lead to a secret) is not opened.
 * @example overlayLocation([{ file: '/tmp/c/zh-CN/0008.md', line: 2, ... }], '/home/me/digest') // { file: '../../../tmp/c/zh-CN/0008.md', line: 2, column: 1 }
 */
export function overlayLocation(
  problems: readonly ContentProblem[],
  root: string,
): { file: string; line: number; column: number } | undefined {
  const shown = problems.find((problem) => problem.line !== undefined && SHOWN_AS_TEXT.test(problem.file));
  if (shown?.line === undefined) return undefined;
  return { file: path.relative(root, path.resolve(root, shown.file)), line: shown.line, column: 1 };
}
