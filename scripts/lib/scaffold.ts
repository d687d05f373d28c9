/** Skeletons editors fill in: the next issue, and a translation of an issue. Pure. */
import { Document } from 'yaml';
import type { Locale } from '../../src/i18n/locales.ts';
import type { ValidIssue } from '../../src/pipeline/issue-validation.ts';
import { formatIssueLabel } from '../../src/lib/numerals.ts';
import { nextPeriod } from '../../src/lib/periods.ts';
import { addDays } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import type { Project } from '../../src/schemas/project.ts';
import { placeholders } from '../../src/pipeline/placeholders.ts';

const OPENING_SECTIONS = ['industry', 'common'];

/** Next number, a period from the day after the latest period ends, the latest credits; a draft until the editor says otherwise. */
export function scaffoldIssue(
  existing: readonly IssueData[],
  registry: readonly Project[],
  today = new Date(),
): { data: IssueData; body: string } {
  const latestNumber = existing.reduce((max, issue) => Math.max(max, issue.number), 0);
  const latestPeriod = existing.reduce<IssueData | undefined>(
    (latest, issue) => (!latest || issue.period.end > latest.period.end ? issue : latest),
    undefined,
  );
  const number = latestNumber + 1;
  const fallbackStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const period = latestPeriod ? nextPeriod(latestPeriod.period) : { start: fallbackStart, end: addDays(fallbackStart, 6) };
  const { notice: _notice, ...attribution } = latestPeriod?.attribution ?? { editor: placeholders.editorName, source: placeholders.source };
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
      draft: true,
    },
    body: names.map((name) => `## ${name}\n\n${placeholders.pendingText}`).join('\n\n'),
  };
}

/** A translation file to fill in, as a draft: the source hash, one heading per section, the original in comments. */
export function scaffoldTranslation(issue: ValidIssue, registry: readonly Project[], locale: Locale, sha256: string): string {
  const document = new Document({
    number: issue.data.number,
    title: `OpenStack Community Digest, Issue ${issue.data.number}`,
    description: `${placeholders.todo}: one sentence on issue ${issue.data.number}`,
    translator: `${placeholders.todo}: your name`,
    source: { sha256 },
    draft: true,
  });
  const original = (markdown: string) => `<!-- ${markdown.replaceAll('--', '- -')} -->`;
  const intro = issue.body.intro?.markdown;
  const parts = [
    ...(intro ? [`${placeholders.todo}: translate the introduction.\n\n${original(intro)}`] : []),
    ...issue.body.sections.map((section) => {
      const name = registry.find((project) => project.id === section.projectId)?.name[locale] ?? section.projectId;
      const subtitle = section.subtitle ? ` (${placeholders.todo}: translate the subtitle "${section.subtitle}")` : '';
      return `## ${name}${subtitle}\n\n${placeholders.todo}: translate.\n\n${original(section.markdown)}`;
    }),
  ];
  return `---\n${document.toString({ lineWidth: 0 })}---\n\n${parts.join('\n\n')}\n`;
}
