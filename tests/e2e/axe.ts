/** axe-core run in a page of the built site, reported as one line per violation. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The rules a page's colours decide: all that can change when only its colour scheme does. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Runs axe-core in the page (through the debugging protocol, so the page's CSP does not block it),
 * on the whole document or on the elements `selector` matches, all rules but those in `skip`, or
 * only those in `only`.
 */
export async function axeViolations(
  page: Page,
  selector?: string,
  skip: readonly string[] = [],
  only?: readonly string[],
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(
    async ({ include, off, on }) => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Violation[] }> } }).axe;
      const rules = Object.fromEntries(off.map((rule) => [rule, { enabled: false }]));
      const options = on ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: on } } : { resultTypes: ['violations'], rules };
      return (await axe.run(include ? { include: [include] } : document, options)).violations;
    },
    { include: selector, off: [...skip], on: only ? [...only] : undefined },
  );
  return found.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
