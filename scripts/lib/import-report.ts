/** The importer's report: per file what was read, where it went and what was normalized; then one summary line. */
import { toIsoDay } from '../../src/lib/dates.ts';
import { formatIssueLabel } from '../../src/lib/numerals.ts';
import type { ImportResult } from './legacy-post.ts';

export interface FileOutcome {
  fileName: string;
  result: ImportResult;
  /** What happened on disk to an imported file. */
  write?: 'written' | 'replaced' | 'unchanged';
}

/** Formats the report; deterministic, so re-runs print the same text. */
export function formatImportReport(outcomes: readonly FileOutcome[], where: { from: string; to: string }): string {
  return [...outcomes.map(formatOutcome), formatImportSummary(outcomes, where)].join('\n');
}

/** One file's lines of the report: where it went (`ok`) or why not (`FAIL`), then what was normalized. */
export function formatOutcome({ fileName, result, write }: FileOutcome): string {
  const lines: string[] = [];
  if (result.ok) {
    const { data, path } = result.issue;
    const period = `${toIsoDay(data.period.start)}..${toIsoDay(data.period.end)}`;
    lines.push(
      `ok    ${fileName} -> ${path} (${write ?? 'not written'}): ${formatIssueLabel(data.number)}, ${period}, ${result.lines} lines, ${data.projects.length} sections [${data.projects.join(', ')}]`,
    );
  } else {
    lines.push(`FAIL  ${fileName}:${result.line}: ${result.reason}`);
  }
  for (const note of [...result.notes].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
    lines.push(`        ${note.line === undefined ? '' : `line ${note.line}: `}${note.kind}: ${note.message}`);
  }
  return lines.join('\n');
}

/** The report's last line: how many files went where, and the guesses left. */
export function formatImportSummary(outcomes: readonly FileOutcome[], where: { from: string; to: string }): string {
  const imported = outcomes.filter((outcome) => outcome.result.ok);
  const count = (write: FileOutcome['write']) => imported.filter((outcome) => outcome.write === write).length;
  const all = outcomes.flatMap((outcome) => outcome.result.notes);
  const guesses = all.filter((note) => note.kind === 'unconfirmed').length;
  const left =
    guesses === 0 ? '' : `; ${guesses === 1 ? '1 guess' : `${guesses} guesses`} left for the editor to confirm ("unconfirmed" above)`;
  return (
    `Imported ${imported.length} of ${outcomes.length} files from ${where.from} into ${where.to} ` +
    `(${count('written')} written, ${count('replaced')} replaced, ${count('unchanged')} unchanged); ` +
    `${outcomes.length - imported.length} failed; ${all.length - guesses} normalizations reported${left}.`
  );
}
