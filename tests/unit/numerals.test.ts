import { describe, expect, it } from 'vitest';
import {
  formatChineseNumeral,
  formatIssueLabel,
  parseChineseNumeral,
  parseEnglishIssueNumber,
  parseIssueNumber,
} from '../../src/lib/numerals.ts';

const table: [string, number][] = [
  ['一', 1],
  ['八', 8],
  ['十', 10],
  ['十一', 11],
  ['十八', 18],
  ['二十', 20],
  ['二十一', 21],
  ['九十九', 99],
  ['一百', 100],
  ['一百零一', 101],
  ['一百一十', 110],
  ['一百一十一', 111],
  ['二百零三', 203],
  ['九百九十九', 999],
  ['一千', 1000],
  ['一千零一', 1001],
  ['一千零一十', 1010],
  ['一千一百', 1100],
  ['二千零二十四', 2024],
  ['九千九百九十九', 9999],
  ['一万', 10_000],
  ['一万零一', 10_001],
  ['一万零一十', 10_010],
  ['一万二千三百四十五', 12_345],
];

describe('Chinese numerals', () => {
  it.each(table)('parses %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(table)('writes %s for %i', (text, value) => {
    expect(formatChineseNumeral(value)).toBe(text);
  });

  it('round-trips every number an archive can reach', () => {
    for (let value = 1; value <= 12_000; value++) {
      expect(parseChineseNumeral(formatChineseNumeral(value))).toBe(value);
    }
  });

  it.each([
    ['两百', 200],
    ['贰拾', 20],
    ['一〇', undefined],
    ['12', 12],
    ['廿', 20],
    ['廿一', 21],
    ['卅五', 35],
    ['卌', 40],
    ['一百廿三', 123],
    ['廿十', undefined],
    // 十 after 零 is one ten, as 十 alone is: never the 零 times ten it would be as a digit.
    ['一千零十', 1010],
    ['一千零十五', 1015],
    ['一万零十', 10_010],
    // 十 right after 百 or 千, as 110 is said.
    ['一百十', 110],
    ['一百十五', 115],
  ])('reads the variant %s', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', 'abc', '十十', '二三', '百一', '一千千', '万'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it('refuses numbers it cannot write', () => {
    expect(() => formatChineseNumeral(-1)).toThrow(RangeError);
    expect(() => formatChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('issue numbers in titles', () => {
  it.each([
    ['OpenStack社区动态第一期(11.17-11.22)', 1],
    ['OpenStack社区动态第八期(02.03-02.15)', 8],
    ['OpenStack社区动态第十一期(0320-0410)', 11],
    ['OpenStack社区动态第二百零三期', 203],
    ['OpenStack社区动态第一千期', 1000],
    ['第 12 期', 12],
    ['OpenStack社区动态第廿一期', 21],
    ['OpenStack社区动态第一百十期', 110],
    ['第２１期', 21],
  ])('finds the number in %s', (title, number) => {
    expect(parseIssueNumber(title)).toBe(number);
  });

  it.each([
    ['OpenStack Community Digest, Issue 8', 8],
    ['OpenStack Community Digest, Issue #21', 21],
    ['Digest issue No. 21', 21],
    ['ISSUE ＃２１', 21],
    ['Issue number 3 (February 3 – 15, 2014)', 3],
    ['Issues and answers', undefined],
  ])('finds the number in the English title %s', (title, number) => {
    expect(parseEnglishIssueNumber(title)).toBe(number);
  });

  it('finds none where there is none', () => {
    expect(parseIssueNumber('OpenStack社区动态(02.03-02.15)')).toBeUndefined();
  });

  it('labels issues as titles do', () => {
    expect([1, 11, 203, 1000].map(formatIssueLabel)).toEqual(['第一期', '第十一期', '第二百零三期', '第一千期']);
  });
});
