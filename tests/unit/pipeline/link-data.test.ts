import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMove } from '../../../src/lib/link-moves.ts';
import { readLinkData } from '../../../src/pipeline/link-data.ts';
import { linkMovesFile } from '../../../src/pipeline/paths.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'digest-link-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads an issues folder holding `health` as its link-health.yaml, with `moves` as the moves file. */
async function read(health: string | undefined, moves?: string) {
  const issues = mkdtempSync(path.join(dir, 'issues-'));
  if (health !== undefined) writeFileSync(path.join(issues, 'link-health.yaml'), health);
  const movesFile = path.join(issues, 'moves.yaml');
  if (moves !== undefined) writeFileSync(movesFile, moves);
  return readLinkData(issues, movesFile);
}

describe('the link data files', () => {
  it('are optional', async () => {
    const { rules, problems } = await read(undefined);
    expect(problems).toEqual([]);
    expect(rules.moves).toEqual([]);
    expect(rules.checks.size).toBe(0);
  });

  it('hold the moves the digest’s own links need', async () => {
    const { rules, problems } = await readLinkData(dir, linkMovesFile);
    expect(problems).toEqual([]);
    expect(findMove('https://review.openstack.org/#/c/53870/', rules.moves)?.address).toBe('https://review.opendev.org/#/c/53870/');
    expect(findMove('http://git.openstack.org/cgit/openstack/nova-specs', rules.moves)?.address).toBe(
      'https://opendev.org/openstack/nova-specs',
    );
    expect(findMove('https://etherpad.openstack.org/p/stable-havana-ideas', rules.moves)?.address).toBe(
      'https://etherpad.opendev.org/p/stable-havana-ideas',
    );
  });

  it('report each broken entry with its line, field and fix, keeping the others', async () => {
    const { rules, problems } = await read(
      `- address: https://a.example/
  checked: 2026-01-02
  status: 200
- address: https://b.example/
  checked: 2026-02-30
  status: gone
- address: https://a.example/
  checked: 2026-01-03
  status: 404
`,
      `- from: review.openstack.org/{rest*}
  to: https://review.opendev.org/{rest*}
  moved: 2019-04-19
  source: https://lists.example/
- from: https://git.example/{x}
  to: https://new.example/{y}
  moved: April 2019
  source: lists
- from: git.example/{x}
  to: https://new.example/{y}
  moved: 2019
  source: https://lists.example/
`,
    );
    expect(problems.map(({ file, ...problem }) => ({ ...problem, file: path.basename(file) }))).toEqual([
      expect.objectContaining({
        file: 'moves.yaml',
        line: 5,
        field: 'from',
        message: 'expected a host and path without scheme, e.g. review.openstack.org/{rest*}',
      }),
      expect.objectContaining({
        file: 'moves.yaml',
        line: 7,
        field: 'moved',
        message: 'expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-04-19)',
      }),
      expect.objectContaining({ file: 'moves.yaml', line: 8, field: 'source' }),
      { file: 'moves.yaml', line: 9, field: 'from', message: 'to uses {y}, which from does not define', fix: 'correct the patterns' },
      expect.objectContaining({
        file: 'link-health.yaml',
        line: 5,
        field: 'checked',
        message: 'expected the day of the check, YYYY-MM-DD',
      }),
      expect.objectContaining({ file: 'link-health.yaml', line: 6, field: 'status' }),
      expect.objectContaining({ file: 'link-health.yaml', line: 7, field: 'address', message: 'https://a.example/ is listed twice' }),
    ]);
    expect(rules.moves).toHaveLength(1);
    expect([...rules.checks.keys()]).toEqual(['https://a.example/']);
  });

  it('read an address as pages link it, however an editor wrote it', async () => {
    const { rules, problems } = await read(`- address: HTTP://Wiki.OpenStack.org/wiki/维基
  checked: 2026-01-02
  status: 404
`);
    expect(problems).toEqual([]);
    const address = 'http://wiki.openstack.org/wiki/%E7%BB%B4%E5%9F%BA';
    expect([...rules.checks.keys()]).toEqual([address]);
    expect(rules.checks.get(address)?.address).toBe(address);
  });

  it('report an entry that an earlier one keeps from ever applying', async () => {
    const entry = (from: string, to: string) => `- from: ${from}\n  to: ${to}\n  moved: 2019\n  source: https://lists.example/\n`;
    const { rules, problems } = await read(
      '',
      entry('review.openstack.org/{rest*}', 'https://review.opendev.org/{rest*}') +
        entry('review.openstack.org/#/c/{change}/', 'https://review.opendev.org/c/{change}') +
        entry('git.openstack.org/cgit/openstack/{repo}', 'https://opendev.org/openstack/{repo}') +
        entry('git.openstack.org/cgit/{namespace}/{repo}', 'https://opendev.org/{namespace}/{repo}') +
        entry('git.openstack.org/cgit/openstack/nova', 'https://opendev.org/openstack/nova'),
    );
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/moves\.yaml$/),
        line: 5,
        field: 'from',
        message: 'never applies: the entry at line 1 (review.openstack.org/{rest*}) comes first and matches every address it names',
        fix: 'put the narrower entry first, or remove it',
      },
      expect.objectContaining({
        line: 17,
        message:
          'never applies: the entry at line 9 (git.openstack.org/cgit/openstack/{repo}) comes first and matches every address it names',
      }),
    ]);
    // Each still in its place: a wider one after a narrower one is how overlapping moves are written.
    expect(rules.moves).toHaveLength(5);
  });

  it('leave a link-health file out when it is a symbolic link leading out of the issues folder, as the listing says', async () => {
    const outside = path.join(dir, 'elsewhere.yaml');
    writeFileSync(outside, '- address: https://a.example/\n  status: 404\n  checked: 2026-01-02\n');
    const issues = mkdtempSync(path.join(dir, 'issues-'));
    symlinkSync(outside, path.join(issues, 'link-health.yaml'));
    const { rules, problems } = await readLinkData(issues, path.join(issues, 'moves.yaml'));
    expect(rules.checks.size).toBe(0);
    expect(problems).toEqual([]);
    // A link within the folder is read.
    const inside = mkdtempSync(path.join(dir, 'issues-'));
    writeFileSync(path.join(inside, 'checks.yaml'), readFileSync(outside));
    symlinkSync('checks.yaml', path.join(inside, 'link-health.yaml'));
    expect((await readLinkData(inside, path.join(inside, 'moves.yaml'))).rules.checks.size).toBe(1);
  });

  it('report broken YAML with its line', async () => {
    const { problems } = await read('- address: https://a.example/\n  checked: 2026-01-02\n  address: https://b.example/\n');
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: 'file', fix: 'correct the YAML' })]);
  });
});
