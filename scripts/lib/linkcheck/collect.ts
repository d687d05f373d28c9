/**
 * The outside links of an issues folder as the site links them, read through the content pipeline
 * (so exactly the links pages show, after known moves), each with where it is written.
 */
import { readFile } from 'node:fs/promises';
import type { LoadedContent } from '../../../src/pipeline/content-files.ts';
import type { OutsideLinkPlan } from '../../../src/lib/outside-links.ts';

/** One place an outside address is linked. */
export interface LinkUse {
  /** The address checked: as linked, after known moves. */
  address: string;
  /** The address as the text gives it. */
  original: string;
  /** The issue the text belongs to. */
  issue: number;
  file: string;
  /** 1-based line of the file where the address is written, when it is found there as written. */
  line?: number;
}

/** Every use of every outside address in the issues and translations read. */
export async function collectLinkUses({ issues, translations }: LoadedContent): Promise<LinkUse[]> {
  const texts = [
    ...issues.map((issue) => ({ file: issue.file, issue: issue.data.number, links: issue.links })),
    ...translations.map((translation) => ({ file: translation.file, issue: translation.data.number, links: translation.body.links })),
  ];
  const uses = await Promise.all(
    texts.map(async ({ file, issue, links }) => {
      const lines = (await readFile(file, 'utf8')).split('\n');
      return unique(links).map((plan) => {
        const line = lineOf(lines, plan);
        return { address: plan.checked, original: plan.original, issue, file, ...(line ? { line } : {}) };
      });
    }),
  );
  return uses.flat();
}

function unique(links: readonly OutsideLinkPlan[]): OutsideLinkPlan[] {
  return [...new Map(links.map((plan) => [plan.checked, plan])).values()];
}

/** The first line holding the address as written (the parser may have encoded or normalized it). */
function lineOf(lines: readonly string[], { original }: OutsideLinkPlan): number | undefined {
  const forms = new Set([original, safeDecode(original), original.replace(/\/$/, ''), safeDecode(original).replace(/\/$/, '')]);
  const index = lines.findIndex((line) => [...forms].some((form) => line.includes(form)));
  return index < 0 ? undefined : index + 1;
}

function safeDecode(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}
