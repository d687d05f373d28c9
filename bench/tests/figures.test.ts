import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs, formatRatio, formatSpread, markdownTable } from '../lib/figures.ts';
import { spread } from '../lib/stats.ts';

describe('figures in the report', () => {
  it.each([
    [999, '999 B'],
    [15_360, '15.4 KB'],
    [106_368_431, '106.4 MB'],
    [24e9, '24.00 GB'],
  ])('%d bytes read %s (KB of 1,000)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [2.44, '2.4 ms'],
    [143.4, '143 ms'],
    [9_999, '9999 ms'],
    [36_841, '36.8 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it('show a range only for repeated measurements', () => {
    expect(formatSpread(spread([3, 1, 2]), String)).toBe('2 (1–3)');
    expect(formatSpread(spread([7]), String)).toBe('7');
    expect(formatCount(7495)).toBe('7,495');
    expect(formatRatio(0.6912)).toBe('0.69');
  });

  it('make Markdown tables with pipes escaped', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
