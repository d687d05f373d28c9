import { describe, expect, it } from 'vitest';
import { pickTypicalIssue } from '../lib/built-site.ts';

describe('the typical issue page', () => {
  it('is the one of median size', () => {
    expect(
      pickTypicalIssue([
        { number: 1, bytes: 30 },
        { number: 2, bytes: 10 },
        { number: 3, bytes: 20 },
      ]),
    ).toBe(3);
  });

  it('is the lower median for an even count, and the lower number on a tie', () => {
    expect(
      pickTypicalIssue([
        { number: 1, bytes: 40 },
        { number: 2, bytes: 10 },
        { number: 3, bytes: 20 },
        { number: 4, bytes: 30 },
      ]),
    ).toBe(3);
    expect(
      pickTypicalIssue([
        { number: 9, bytes: 10 },
        { number: 4, bytes: 10 },
        { number: 7, bytes: 10 },
      ]),
    ).toBe(7);
  });

  it('needs pages', () => {
    expect(() => pickTypicalIssue([])).toThrow(/no issue pages/);
  });
});
