/**
 * The report of a link check: one record per link that is not simply alive (where it is written,
 * what the check found, what readers get), and a summary per issue of every distinct address it
 * links by verdict. Pure: records in, text out.
 */
import { linkVerdict, linkVerdicts, type LinkVerdict } from '../../../src/lib/link-health.ts';
import type { LinkCheck } from '../../../src/schemas/links.ts';
import type { LinkUse } from './collect.ts';

/** A link worth an editor's look, as the report lists it. */
export interface LinkRecord {
  use: LinkUse;
  verdict: Exclude<LinkVerdict, 'alive'>;
  /** The check behind the verdict; none when the address was never checked (an interrupted run). */
  check?: LinkCheck;
}

export type IssueSummary = Record<LinkVerdict, number> & { issue: number };

/** What the checks say of each use, and of each issue's distinct addresses. */
export function summarize(
  uses: readonly LinkUse[],
  checks: ReadonlyMap<string, LinkCheck>,
): { records: LinkRecord[]; issues: IssueSummary[] } {
  const verdictOf = (address: string): LinkVerdict => {
    const check = checks.get(address);
    return check ? linkVerdict(check) : 'unknown';
  };
  const records = uses.flatMap((use): LinkRecord[] => {
    const verdict = verdictOf(use.address);
    const check = checks.get(use.address);
    return verdict === 'alive' ? [] : [{ use, verdict, ...(check ? { check } : {}) }];
  });
  const byIssue = new Map<number, Set<string>>();
  for (const { issue, address } of uses) byIssue.set(issue, (byIssue.get(issue) ?? new Set()).add(address));
  const issues = [...byIssue]
    .sort(([a], [b]) => a - b)
    .map(([issue, addresses]) => {
      const summary: IssueSummary = { issue, alive: 0, moved: 0, dead: 0, unknown: 0 };
      for (const address of addresses) summary[verdictOf(address)] += 1;
      return summary;
    });
  return { records, issues };
}

/** What readers get for each verdict, as the report says it. */
const CONSEQUENCE: Record<LinkRecord['verdict'], string> = {
  moved: 'readers are sent to the new address',
  dead: 'readers are sent to the archived copy first',
  unknown: 'linked as written; checked again on the next run once old enough',
};

/** The report as lines of text: the records, grouped by verdict, then the table per issue. */
export function formatReport(records: readonly LinkRecord[], issues: readonly IssueSummary[]): string {
  const lines: string[] = [];
  for (const verdict of ['dead', 'unknown', 'moved'] as const) {
    const found = records.filter((record) => record.verdict === verdict);
    if (found.length === 0) continue;
    lines.push(`${verdict} (${found.length}): ${CONSEQUENCE[verdict]}`);
    for (const { use, check } of found) {
      const where = use.line === undefined ? use.file : `${use.file}:${use.line}`;
      const what = check ? describeCheck(check) : 'not checked';
      lines.push(`  ${where}  ${use.address}  ${what}`);
    }
    lines.push('');
  }
  const header = ['issue', ...linkVerdicts];
  const rows = issues.map((summary) => [String(summary.issue), ...linkVerdicts.map((verdict) => String(summary[verdict]))]);
  const total = ['all', ...linkVerdicts.map((verdict) => String(issues.reduce((sum, summary) => sum + summary[verdict], 0)))];
  const widths = header.map((_, column) => Math.max(...[header, ...rows, total].map((row) => row[column]?.length ?? 0)));
  const pad = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  lines.push('Distinct outside addresses per issue (both languages):', pad(header), ...rows.map(pad), pad(total));
  return lines.join('\n');
}

/** @example describeCheck({ address: 'http://a.example/', checked: '2026-01-02', status: 200, redirects: [301], final: 'https://b.example/' }) // '301 → https://b.example/ (200), checked 2026-01-02' */
function describeCheck({ status, redirects, final, checked }: LinkCheck): string {
  const path = redirects?.length && final ? `${redirects.join(' → ')} → ${final} (${status})` : String(status);
  return `${path}, checked ${checked}`;
}
