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

/**
 * Runs axe-core in the page (through the debugging protocol, so the page's CSP does not block it),
 * on the whole document or on the elements `selector` matches, all rules but those in `skip`.
 */
export async function axeViolations(page: Page, selector?: string, skip: readonly string[] = []): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    async ({ include, off }) => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Violation[] }> } }).axe;
      const rules = Object.fromEntries(off.map((rule) => [rule, { enabled: false }]));
      return (await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'], rules })).violations;
    },
    { include: selector, off: [...skip] },
  );
  return found.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
