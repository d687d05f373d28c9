/**
 * The link checks as a committed data file: one entry per address, sorted by address, fields in a
 * fixed order, so a re-run changes only the lines of what it checked again. Written whole to a
 * temporary file and renamed, so a run stopped mid-write leaves the previous file intact.
 */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { LinkCheck } from '../../../src/schemas/links.ts';

const HEADER = `# The last check of every outside address the issues link, written by \`npm run links\`
# (README.md, "Links to other sites"); builds read it offline. Sorted by address.
`;

/**
 * The file's text for a set of checks.
 * @example formatHealthFile([{ address: 'https://a.example/', checked: '2026-01-02', status: 200 }]) // '# The last check…\n- address: https://a.example/\n  checked: 2026-01-02\n  status: 200\n'
 */
export function formatHealthFile(checks: Iterable<LinkCheck>): string {
  const entries = [...checks]
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
    .map(({ address, checked, status, redirects, final }) => ({
      address,
      checked,
      status,
      ...(redirects?.length ? { redirects } : {}),
      ...(final ? { final } : {}),
    }));
  return `${HEADER}${entries.length ? stringify(entries, { lineWidth: 0, flowCollectionPadding: false }) : '[]\n'}`;
}

/** Replaces the file with these checks, atomically. */
export async function writeHealthFile(file: string, checks: Iterable<LinkCheck>): Promise<void> {
  // Hidden, so that a build meanwhile does not report it as a stray file of the issues folder.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, formatHealthFile(checks));
  await rename(temporary, file);
}
