import { describe, expect, it } from 'vitest';
import { busyTicks, descendantsOf, parseProcStat } from '../lib/process-tree.ts';

describe('/proc/<pid>/stat', () => {
  it('reads parent, CPU, start and resident pages, even with spaces and parentheses in the name', () => {
    const line = '4242 (node (worker) x) S 7 4242 4242 0 -1 4194304 101 0 0 0 150 30 9 9 20 0 11 0 900 3133440 2500 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 7, cpuTicks: 180, startTicks: 900, rssPages: 2500 });
  });
});

describe('/proc/stat', () => {
  it('counts busy time: all but idle and iowait', () => {
    expect(busyTicks('cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0')).toBe(161);
  });
});

describe('the process tree', () => {
  it('holds the root and its descendants, not its parent nor strangers', () => {
    const parents = new Map([
      [10, 1], // the root's parent's child: the root
      [11, 10], // Astro's esbuild
      [12, 10], // the Pagefind binary
      [13, 12], // a child of Pagefind
      [20, 1], // another engineer's build
      [21, 20],
    ]);
    expect(descendantsOf(10, parents).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(descendantsOf(99, parents)).toEqual([99]);
  });
});
