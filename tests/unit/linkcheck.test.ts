/** The pure steps of `npm run links` (its network side is tested in tests/content/links.test.ts). */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { LinkCheckSchema, type LinkCheck } from '../../src/schemas/links.ts';
import type { LinkUse } from '../../scripts/lib/linkcheck/collect.ts';
import { createFailureGate } from '../../scripts/lib/linkcheck/failure-gate.ts';
import { formatHealthFile } from '../../scripts/lib/linkcheck/health-file.ts';
import { runPool } from '../../scripts/lib/linkcheck/pool.ts';
import { formatReport, summarize } from '../../scripts/lib/linkcheck/report.ts';
import { selectAddresses } from '../../scripts/lib/linkcheck/select.ts';

const check = (address: string, checked: string, fields: Partial<LinkCheck> = {}): LinkCheck => ({
  address,
  checked,
  status: 200,
  ...fields,
});
const use = (issue: number, address: string, line?: number): LinkUse => ({
  issue,
  address,
  original: address,
  file: `zh-CN/000${issue}.md`,
  ...(line ? { line } : {}),
});

describe('which addresses a run checks', () => {
  const known = new Map([
    ['https://fresh.example/', check('https://fresh.example/', '2026-01-20')],
    ['https://old.example/', check('https://old.example/', '2025-12-01')],
  ]);
  const today = parseIsoDay('2026-01-31') as Date;
  const addresses = ['https://new.example/', 'https://fresh.example/', 'https://old.example/', 'https://new.example/'];

  it('takes the new ones and those checked --max-age days ago or more, each once', () => {
    expect(selectAddresses(addresses, known, { today, maxAgeDays: 30, all: false })).toEqual([
      'https://new.example/',
      'https://old.example/',
    ]);
    expect(selectAddresses(addresses, known, { today, maxAgeDays: 11, all: false })).toEqual(addresses.slice(0, 3));
  });

  it('takes one whose check is dated after the run, as a year mistyped in the file would leave it unchecked for a year', () => {
    const ahead = new Map([['https://fresh.example/', check('https://fresh.example/', '2027-01-20')]]);
    expect(selectAddresses(['https://fresh.example/'], ahead, { today, maxAgeDays: 30, all: false })).toEqual(['https://fresh.example/']);
    const later = (day: string) => new Map([['https://fresh.example/', check('https://fresh.example/', day)]]);
    expect(selectAddresses(['https://fresh.example/'], later('2026-02-02'), { today, maxAgeDays: 30, all: false })).toHaveLength(1);
    // Tomorrow is today somewhere east of here, where a colleague may have run the check.
    expect(selectAddresses(['https://fresh.example/'], later('2026-02-01'), { today, maxAgeDays: 30, all: false })).toEqual([]);
  });

  it('takes every one with --all', () => {
    expect(selectAddresses(addresses, known, { today, maxAgeDays: 30, all: true })).toEqual(addresses.slice(0, 3));
  });
});

describe('the data file', () => {
  it('is sorted by address, fields in a fixed order, and reads back as valid checks', () => {
    const text = formatHealthFile([
      check('https://b.example/', '2026-01-02', { status: 404 }),
      { final: 'https://c.example/', redirects: [301], status: 200, checked: '2026-01-02', address: 'https://a.example/' },
    ]);
    expect(text).toMatch(/^# /);
    expect(text.replace(/^#.*\n/gm, '')).toBe(
      `- address: https://a.example/
  checked: 2026-01-02
  status: 200
  redirects:
    - 301
  final: https://c.example/
- address: https://b.example/
  checked: 2026-01-02
  status: 404
`,
    );
    expect((parse(text) as unknown[]).map((entry) => LinkCheckSchema.parse(entry).address)).toEqual([
      'https://a.example/',
      'https://b.example/',
    ]);
  });

  it('is an empty list when nothing is known', () => {
    expect(parse(formatHealthFile([]))).toEqual([]);
  });
});

describe('the pool', () => {
  it('never has more than the bounds in flight, in all and per host, and runs everything', async () => {
    const items = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'c1', 'c2', 'c3'];
    const active = new Map<string, number>();
    let running = 0;
    let most = 0;
    let mostPerHost = 0;
    const done: string[] = [];
    await runPool(
      items,
      (item) => item[0] ?? '',
      { concurrency: 3, perHost: 2 },
      async (item) => {
        const host = item[0] ?? '';
        running += 1;
        active.set(host, (active.get(host) ?? 0) + 1);
        most = Math.max(most, running);
        mostPerHost = Math.max(mostPerHost, active.get(host) ?? 0);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        active.set(host, (active.get(host) ?? 0) - 1);
        done.push(item);
      },
      new AbortController().signal,
    );
    expect(done.sort()).toEqual(items);
    expect(most).toBe(3);
    expect(mostPerHost).toBe(2);
  });

  it('starts nothing more once stopped, and settles', async () => {
    const stop = new AbortController();
    const started: string[] = [];
    await runPool(
      ['a', 'b', 'c', 'd'],
      (item) => item,
      { concurrency: 1, perHost: 1 },
      async (item) => {
        started.push(item);
        if (item === 'b') stop.abort();
      },
      stop.signal,
    );
    expect(started).toEqual(['a', 'b']);
  });
});

describe('the report', () => {
  const checks = new Map([
    ['https://alive.example/', check('https://alive.example/', '2026-01-02')],
    ['https://moved.example/', check('https://moved.example/', '2026-01-02', { redirects: [301], final: 'https://new.example/' })],
    ['https://gone.example/', check('https://gone.example/', '2026-01-02', { status: 410 })],
    ['https://flaky.example/', check('https://flaky.example/', '2026-01-02', { status: 'timeout' })],
  ]);
  const uses = [
    use(1, 'https://alive.example/', 4),
    use(1, 'https://gone.example/', 9),
    use(1, 'https://moved.example/'),
    use(8, 'https://gone.example/', 12),
    use(8, 'https://flaky.example/', 20),
    use(8, 'https://never.example/', 21),
  ];

  it('counts each issue’s distinct addresses by verdict; one never checked is unknown', () => {
    expect(summarize(uses, checks).issues).toEqual([
      { issue: 1, alive: 1, moved: 1, dead: 1, unknown: 0 },
      { issue: 8, alive: 0, moved: 0, dead: 1, unknown: 2 },
    ]);
  });

  it('lists every link to look at where it is written, then the summary', () => {
    const { records, issues } = summarize(uses, checks);
    expect(formatReport(records, issues)).toBe(
      `dead (2): readers are sent to the archived copy first
  zh-CN/0001.md:9  https://gone.example/  410, checked 2026-01-02
  zh-CN/0008.md:12  https://gone.example/  410, checked 2026-01-02

unknown (2): linked as written; checked again on the next run once old enough
  zh-CN/0008.md:20  https://flaky.example/  timeout, checked 2026-01-02
  zh-CN/0008.md:21  https://never.example/  not checked

moved (1): readers are sent to the new address
  zh-CN/0001.md  https://moved.example/  301 → https://new.example/ (200), checked 2026-01-02

Distinct outside addresses per issue (both languages):
issue  alive  moved  dead  unknown
1          1      1     1        0
8          0      0     1        2
all        1      1     2        2`,
    );
  });
});

describe('createFailureGate', () => {
  const result = (path: string, status: LinkCheck['status']): LinkCheck => ({
    address: `https://a.example/${path}`,
    checked: '2026-01-02',
    status,
  });

  it('holds failures to reach a server until one answers, then lets them through with it', () => {
    const gate = createFailureGate();
    expect(gate.admit(result('a', 'no-host'))).toEqual([]);
    expect(gate.admit(result('b', 'timeout'))).toEqual([]);
    expect(gate.held()).toHaveLength(2);
    expect(gate.admit(result('c', 404))).toEqual([result('a', 'no-host'), result('b', 'timeout'), result('c', 404)]);
    expect(gate.admit(result('d', 'no-host'))).toEqual([result('d', 'no-host')]);
    expect(gate.held()).toEqual([]);
  });

  it('counts redirects that went round as an answer', () => {
    expect(createFailureGate().admit(result('a', 'loop'))).toEqual([result('a', 'loop')]);
  });

  it('keeps every failure of a run no server answered', () => {
    const gate = createFailureGate();
    for (const status of ['no-host', 'refused', 'reset', 'error'] as const) expect(gate.admit(result(status, status))).toEqual([]);
    expect(gate.held().map(({ status }) => status)).toEqual(['no-host', 'refused', 'reset', 'error']);
  });
});
