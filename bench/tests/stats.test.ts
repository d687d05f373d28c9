import { describe, expect, it } from 'vitest';
import { median, ratio, spread } from '../lib/stats.ts';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1], 10],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input in order and refuses an empty list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('spread', () => {
  it('keeps the median, the range and the samples as taken', () => {
    expect(spread([38, 35, 36])).toEqual({ median: 36, min: 35, max: 38, samples: [38, 35, 36] });
  });
});

describe('ratio', () => {
  it('divides, and has no answer without both figures or with a zero whole', () => {
    expect(ratio(25, 50)).toBe(0.5);
    expect(ratio(undefined, 50)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
  });
});
