import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandingAliases } from '../helpers/hostile-yaml.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';
import { bucketsBetween } from '../../src/lib/activity.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { releaseMarks, releasesInMonth } from '../../src/lib/releases.ts';
import { releasesFile } from '../../src/pipeline/paths.ts';
import { loadReleaseRegistry } from '../../src/pipeline/registry.ts';
import type { Release } from '../../src/schemas/release.ts';

const releases = loadReleaseRegistry(releasesFile);
const named = (id: string) => releases.find((release) => release.id === id) as Release;

describe('the release registry', () => {
  it('holds the releases of the digest with their shorthands, days and milestones', () => {
    expect(named('havana')).toMatchObject({ name: 'Havana', shorthand: 'H版', milestones: ['havana-1', 'havana-2', 'havana-3'] });
    expect(named('icehouse').released).toEqual(parseIsoDay('2014-04-17'));
    expect(named('juno')).toMatchObject({ shorthand: 'J版', released: parseIsoDay('2014-10-16') });
  });

  it('runs from Austin on, in order, each letter of the first alphabet once', () => {
    expect(releases[0]?.id).toBe('austin');
    const days = releases.map((release) => release.released.getTime());
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const letters = releases.flatMap((release) => (release.shorthand ? [release.shorthand[0]] : []));
    expect(letters.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });
});

describe('a release registry with mistakes', () => {
  afterAll(removeTempDirs);

  it('names the file, the release and the field of every problem', () => {
    const file = path.join(tempDir('releases'), 'releases.yaml');
    writeFileSync(
      file,
      [
        '- { id: havana, name: Havana, shorthand: H版, released: 2013-10-17 }',
        '- { id: icehouse, name: Icehouse, shorthand: I, released: 2014-04-31 }',
        '- { id: juno, name: Juno, shorthand: H版, released: 2014-10-16 }',
      ].join('\n'),
    );
    const problems = (() => {
      try {
        loadReleaseRegistry(file);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(problems).toContain(`${file}:2: release icehouse, shorthand: a shorthand is one capital letter and 版`);
    expect(problems).toContain(`${file}:2: release icehouse, released: expected a real date`);
    expect(problems).toContain(`${file}:3: release juno, shorthand: H版 is already havana's`);
    expect(problems.split('\n').every((line) => line.startsWith(file))).toBe(true);
  });

  it('names the line of aliases that expand without end, instead of a stack trace', () => {
    const file = path.join(tempDir('releases'), 'releases.yaml');
    writeFileSync(file, ['- id: a', ...expandingAliases('  ')].join('\n'));
    expect(() => loadReleaseRegistry(file)).toThrow(`${file}:3: the YAML cannot be read`);
  });
});

describe('release days on charts and timelines', () => {
  it('places each release day in its column, as far in as the day falls', () => {
    const buckets = bucketsBetween('2013-11', '2014-08', 1);
    const marks = releaseMarks(buckets, releases);
    expect(marks.map(({ release, column }) => [release.id, column])).toEqual([['icehouse', 5]]);
    expect(marks[0]?.offset).toBeCloseTo(16.5 / 30, 5);
  });

  it('places release days in wider columns too', () => {
    const years = bucketsBetween('2013-01', '2015-12', 12);
    expect(releaseMarks(years, releases).map(({ release, column }) => [release.id, column])).toEqual([
      ['grizzly', 0],
      ['havana', 0],
      ['icehouse', 1],
      ['juno', 1],
      ['kilo', 2],
      ['liberty', 2],
    ]);
    expect(releaseMarks([], releases)).toEqual([]);
  });

  it('lists the releases of a month', () => {
    expect(releasesInMonth(releases, '2014-04').map((release) => release.id)).toEqual(['icehouse']);
    expect(releasesInMonth(releases, '2014-05')).toEqual([]);
  });
});
