/** The next issue's front matter and skeleton body, from the issues so far. Pure. */
import { formatIssueLabel } from '../../src/lib/numerals.ts';
import { nextPeriod } from '../../src/lib/periods.ts';
import { addDays } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import type { Project } from '../../src/schemas/project.ts';

const OPENING_SECTIONS = ['industry', 'common'];

/** Next number, a period from the day after the latest period ends, the latest credits. */
export function scaffoldIssue(existing: readonly IssueData[], registry: readonly Project[], today = new Date()): { data: IssueData; body: string } {
  const latestNumber = existing.reduce((max, issue) => Math.max(max, issue.number), 0);
  const latestPeriod = existing.reduce<IssueData | undefined>((latest, issue) => (!latest || issue.period.end > latest.period.end ? issue : latest), undefined);
  const number = latestNumber + 1;
  const fallbackStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const period = latestPeriod ? nextPeriod(latestPeriod.period) : { start: fallbackStart, end: addDays(fallbackStart, 6) };
  const { notice: _notice, ...attribution } = latestPeriod?.attribution ?? { editor: '（编辑姓名）', source: 'https://example.org/' };
  const label = formatIssueLabel(number);
  const names = OPENING_SECTIONS.map((id) => registry.find((project) => project.id === id)?.name['zh-CN'] ?? id);
  return {
    data: {
      number,
      title: `OpenStack社区动态${label}`,
      period,
      published: period.end,
      description: `OpenStack社区动态${label}`,
      projects: OPENING_SECTIONS,
      attribution,
    },
    body: names.map((name) => `## ${name}\n\n（待补充）`).join('\n\n'),
  };
}
