import { describe, expect, it } from 'vitest';
import { fullOutDir, isFullRun, parseBenchArgs, parseSizes, partialOutDir } from '../lib/options.ts';

describe('--sizes', () => {
  it('reads the corpus and numbers of issues, once each', () => {
    expect(parseSizes('corpus,1000, 5000')).toEqual(['corpus', 1000, 5000]);
    expect(parseSizes('1000,1000')).toEqual([1000]);
  });

  it.each(['', 'corpus,abc', '0', '-5', '1e3'])('refuses %j', (text) => {
    expect(() => parseSizes(text)).toThrow(/--sizes/);
  });
});

describe('the command line', () => {
  it('measures everything by default and writes the committed report', () => {
    expect(parseBenchArgs([])).toEqual({
      sizes: ['corpus', 1000, 5000],
      runs: 3,
      peer: true,
      keep: false,
      networkOnly: false,
      outDir: fullOutDir,
    });
  });

  it('writes a quick run beside the committed report, never over it', () => {
    const quick = parseBenchArgs(['--sizes', 'corpus', '--runs', '1', '--no-peer']);
    expect(quick).toMatchObject({ sizes: ['corpus'], runs: 1, peer: false, outDir: partialOutDir });
    expect(parseBenchArgs(['--runs', '1']).outDir).toBe(partialOutDir);
    expect(parseBenchArgs(['--no-peer']).outDir).toBe(partialOutDir);
    expect(parseBenchArgs(['--runs', '5']).outDir).toBe(fullOutDir);
    expect(parseBenchArgs(['--sizes', 'corpus', '--out', '/tmp/x']).outDir).toBe('/tmp/x');
  });

  it('measures only the network, beside the peer at its size, and never over the committed report', () => {
    expect(parseBenchArgs(['--network-only'])).toMatchObject({
      sizes: [1000],
      runs: 3,
      peer: true,
      networkOnly: true,
      outDir: partialOutDir,
    });
    expect(parseBenchArgs(['--sizes', '1000', '--runs', '1', '--network-only'])).toMatchObject({ sizes: [1000], runs: 1 });
    expect(() => parseBenchArgs(['--network-only', '--no-peer'])).toThrow(/--network-only/);
    expect(() => parseBenchArgs(['--network-only', '--sizes', 'corpus'])).toThrow(/--network-only/);
  });

  it('refuses a bad number of runs and unknown options', () => {
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--runs', '2.5'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--size', '1000'])).toThrow();
  });

  it('counts a run as full only with every default size, enough runs and the peer', () => {
    expect(isFullRun({ sizes: [5000, 1000, 'corpus', 200], runs: 3, peer: true })).toBe(true);
    expect(isFullRun({ sizes: [1000, 5000], runs: 3, peer: true })).toBe(false);
  });
});
