/** Skeletons editors fill in: the next issue, and a translation of an issue. Pure. */
import { Document, isScalar, parseDocument } from 'yaml';
import type { Locale } from '../../src/i18n/locales.ts';
import type { ValidIssue } from '../../src/pipeline/issue-validation.ts';
import { formatIssueLabel } from '../../src/lib/numerals.ts';
import { nextPeriod } from '../../src/lib/periods.ts';
import { addDays, localDay } from '../../src/lib/dates.ts';
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
  const fallbackStart = localDay(today);
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

/**
 * A translation's text with `source.sha256` set to `hash`, its other lines as written: the value
 * replaced where the front matter has one (block or flow form, or a placeholder such as `<hash>`),
 * else a `source` field added at its end; undefined for a text without front matter, with front
 * matter that is not YAML, or with a `source` field holding no `sha256`.
 * @example recordSourceHash('---\nnumber: 8\nsource: { sha256: <hash> }\n---\n正文', 'ab12') // '---\nnumber: 8\nsource: { sha256: ab12 }\n---\n正文'
 */
export function recordSourceHash(text: string, hash: string): string | undefined {
  const fence = /^(?:\uFEFF)?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/.exec(text);
  if (!fence) return undefined;
  const header = fence[1] ?? '';
  const start = fence[0].indexOf('\n') + 1;
  // Read as YAML, so a "sha256:" in a description or a comment is never taken for the field.
  const document = parseDocument(header);
  if (document.errors.length) return undefined;
  const written = document.getIn(['source', 'sha256'], true);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // The value alone: a block value's range ends past its line break, and an empty one is no text after the colon.
  const value = isScalar(written) && written.range ? header.slice(written.range[0], written.range[1]) : undefined;
  const updated = isScalar(written)
    ? written.range &&
      `${header.slice(0, written.range[0]).replace(/:$/, ': ')}${hash}${/\s*$/.exec(value ?? '')?.[0] ?? ''}${header.slice(written.range[1])}`
    : document.has('source')
      ? undefined
      : `${header}source:${newline}  sha256: ${hash}${newline}`;
  return updated === undefined ? undefined : `${text.slice(0, start)}${updated}${text.slice(start + header.length)}`;
}
