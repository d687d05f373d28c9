import { describe, expect, it } from 'vitest';
import {
  archiveMonthPath,
  archiveYearPath,
  issuePath,
  localeStaticPaths,
  localizePath,
  projectPagePath,
  projectPath,
  splitLocale,
} from '../../src/lib/routes.ts';

describe('localized paths', () => {
  it.each([
    ['/', 'zh-CN', '/'],
    ['/', 'en', '/en/'],
    ['/issues/8/', 'en', '/en/issues/8/'],
    ['/issues/8/#heat', 'en', '/en/issues/8/#heat'],
    ['/projects/nova/', 'zh-CN', '/projects/nova/'],
  ] as const)('places %s under %s as %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
    expect(splitLocale(expected)).toEqual({ locale, path });
  });

  it('does not mistake a path that merely starts with the prefix', () => {
    expect(splitLocale('/english/')).toEqual({ locale: 'zh-CN', path: '/english/' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
  });

  it('builds issue and project paths with anchors', () => {
    expect(issuePath(8)).toBe('/issues/8/');
    expect(issuePath(8, 'heat')).toBe('/issues/8/#heat');
    expect(projectPath('nova')).toBe('/projects/nova/');
  });

  it('gives each locale one static path, the default one unprefixed', () => {
    expect(localeStaticPaths(() => ({})).map((path) => path.params.locale)).toEqual([undefined, 'en']);
  });

  it('numbers timeline pages after the first, which is the project page', () => {
    expect(projectPagePath('nova', 1)).toBe(projectPath('nova'));
    expect(projectPagePath('nova', 2)).toBe('/projects/nova/page/2/');
    expect(localizePath(projectPagePath('nova', 3), 'en')).toBe('/en/projects/nova/page/3/');
  });

  it("gives each year of the archive its page, and each month an anchor on its year's page", () => {
    expect(archiveYearPath(2014)).toBe('/archive/2014/');
    expect(archiveMonthPath('2014-02')).toBe('/archive/2014/#m2014-02');
    expect(localizePath(archiveMonthPath('2013-11'), 'en')).toBe('/en/archive/2013/#m2013-11');
  });
});
