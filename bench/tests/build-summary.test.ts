import { describe, expect, it } from 'vitest';
import { summarizeBuilds } from '../lib/build-summary.ts';
import type { BuildRun } from '../lib/results.ts';

const run = (wallMs: number, log: Partial<BuildRun['log']> = {}): BuildRun => ({
  wallMs,
  peakRssBytes: wallMs * 1000,
  cpuMs: wallMs,
  otherCpuMs: 0,
  log: { waitedForIndex: false, ...log },
});

describe('several builds', () => {
  it('give medians and ranges of wall time, memory, rendering and index', () => {
    const summary = summarizeBuilds([
      run(38, { renderMs: 20, indexMs: 30 }),
      run(35, { renderMs: 19, indexMs: 31 }),
      run(36, { renderMs: 22, indexMs: 29 }),
    ]);
    expect(summary.wallMs).toMatchObject({ median: 36, min: 35, max: 38 });
    expect(summary.peakRssBytes.median).toBe(36_000);
    expect(summary.renderMs?.median).toBe(20);
    expect(summary.indexMs?.median).toBe(30);
    expect(summary.error).toBeUndefined();
  });

  it('leave out a split some run did not log, and keep a failure', () => {
    const summary = summarizeBuilds([run(10, { renderMs: 5 }), run(12)], 'exit 1');
    expect(summary.renderMs).toBeUndefined();
    expect(summary.error).toBe('exit 1');
    expect(summarizeBuilds([], 'exit 137').runs).toEqual([]);
  });
});
