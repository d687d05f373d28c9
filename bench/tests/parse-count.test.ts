import { describe, expect, it } from 'vitest';
import { sumCounts } from '../lib/parse-count.ts';

describe('the parses counted in a build', () => {
  it("add up every thread's line, by entry point", () => {
    const lines = `${JSON.stringify({ markdownToHtml: 600, mdxToJs: 2 })}\n${JSON.stringify({ markdownToHtml: 651 })}\n`;
    expect(sumCounts(lines)).toEqual({ markdownToHtml: 1251, mdxToJs: 2 });
    expect(sumCounts('')).toEqual({});
  });
});
