import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateArchive } from '../../scripts/lib/synthetic-archive.ts';
import { adjacentYears, archiveYears, yearCalendar, yearSpan } from '../../src/lib/archive-years.ts';
import { registry } from './helpers.ts';

const issue = (number: number, start: string, end: string) => ({ number, period: { start: new Date(start), end: new Date(end) } });

describe('the years an archive spans', () => {
  it('runs from its oldest year to its newest, or names its one year', () => {
    expect(yearSpan([{ year: 2014 }, { year: 2013 }])).toBe('2013–2014');
    expect(yearSpan([{ year: 2017 }, { year: 2015 }, { year: 2013 }])).toBe('2013–2017');
    expect(yearSpan([{ year: 2014 }])).toBe('2014');
    expect(yearSpan([])).toBe('');
  });
});

describe('the archive by year', () => {
  // Newest first, as the archive holds them; issue 3 ends in January, so it is filed under 2014.
  const issues = [
    issue(5, '2015-03-01', '2015-03-07'),
    issue(4, '2014-02-03', '2014-02-15'),
    issue(3, '2013-12-28', '2014-01-04'),
    issue(2, '2013-12-20', '2013-12-27'),
    issue(1, '2013-11-17', '2013-11-23'),
  ];

  it('files each issue under the year and month its period ends, newest first, with counts', () => {
    const years = archiveYears(issues);
    expect(years.map(({ year, count }) => ({ year, count }))).toEqual([
      { year: 2015, count: 1 },
      { year: 2014, count: 2 },
      { year: 2013, count: 2 },
    ]);
    expect(years[1]?.months.map(({ month, items }) => ({ month, issues: items.map((item) => item.number) }))).toEqual([
      { month: '2014-02', issues: [4] },
      { month: '2014-01', issues: [3] },
    ]);
  });

  it('lays each year out as twelve months, January first, empty months counted as 0', () => {
    const [, , year2013] = archiveYears(issues);
    if (!year2013) throw new Error('no 2013');
    const calendar = yearCalendar(year2013);
    expect(calendar.map((cell) => cell.month)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2013-${String(index + 1).padStart(2, '0')}`),
    );
    expect(calendar.filter((cell) => cell.count > 0)).toEqual([
      { month: '2013-11', count: 1 },
      { month: '2013-12', count: 1 },
    ]);
  });

  it('finds the newer and older years beside a year, skipping years without issues', () => {
    const years = [{ year: 2020 }, { year: 2016 }, { year: 2015 }];
    expect(adjacentYears(years, 2016)).toEqual({ newer: { year: 2020 }, older: { year: 2015 } });
    expect(adjacentYears(years, 2020)).toEqual({ older: { year: 2016 } });
    expect(adjacentYears(years, 2015)).toEqual({ newer: { year: 2016 } });
  });

  it('keeps every page to one year of issues at 1,000 synthetic issues: never more than 53 on one page', () => {
    const generated = generateArchive(1000, 1, registry)
      .filter((file) => file.path.startsWith('zh-CN/'))
      .map((file) => parse(file.content.split(/^---$/m)[1] ?? '') as { number: number; period: { start: string; end: string } })
      .map((data) => issue(data.number, data.period.start, data.period.end));
    const years = archiveYears(generated);
    expect(years.reduce((sum, year) => sum + year.count, 0)).toBe(1000);
    expect(years.length).toBeGreaterThanOrEqual(19);
    expect(Math.max(...years.map((year) => year.count))).toBeLessThanOrEqual(53);
  });
});
