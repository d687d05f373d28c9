import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  archiveMonthPath,
  archiveYearPath,
  issuePath,
  localeStaticPaths,
  localizePath,
  notFoundFile,
  projectPagePath,
  projectPath,
  readRoute,
  splitLocale,
  withBase,
  withoutBase,
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

describe('a base path (a site published under a path)', () => {
  it.each([
    ['/en/issues/8/#nova', '/digest/', '/digest/en/issues/8/#nova'],
    ['/', '/digest/', '/digest/'],
    ['/issues/8/', '/', '/issues/8/'],
    ['/rss.xml', '/a/b/', '/a/b/rss.xml'],
  ])('places %s under %s as %s, and takes it off again', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
    expect(withoutBase(expected, base)).toBe(path);
  });

  it('finds nothing of the site outside its base path', () => {
    expect(withoutBase('/digest', '/digest/')).toBe('/');
    expect(withoutBase('/digestive/', '/digest/')).toBeUndefined();
    expect(withoutBase('/en/', '/digest/')).toBeUndefined();
  });

  it('makes absolute URLs inside the base path, never at the host root', () => {
    expect(absoluteUrl('/en/rss.xml', new URL('https://x.github.io/digest/'))).toBe('https://x.github.io/digest/en/rss.xml');
    expect(absoluteUrl('/', new URL('https://x.github.io/digest/'))).toBe('https://x.github.io/digest/');
    expect(absoluteUrl('/issues/8/#heat', new URL('https://d.example/'))).toBe('https://d.example/issues/8/#heat');
  });

  it("names each locale's 404 page where hosts look for it", () => {
    expect(notFoundFile('zh-CN')).toBe('/404.html');
    expect(notFoundFile('en')).toBe('/en/404.html');
  });
});

describe('reading a path back into the page it names', () => {
  it.each([
    ['/', { kind: 'page' }],
    ['/search/', { kind: 'page' }],
    ['/rss.xml', { kind: 'page' }],
    ['/issues/8/', { kind: 'issue', number: 8 }],
    ['/issues/8', { kind: 'issue', number: 8 }],
    ['/projects/nova/', { kind: 'project', id: 'nova', page: 1 }],
    ['/projects/nova/page/12/', { kind: 'project', id: 'nova', page: 12 }],
    ['/projects/nova/rss.xml', { kind: 'project-feed', id: 'nova' }],
    ['/archive/2014/', { kind: 'archive-year', year: 2014 }],
  ])('%s', (path, route) => {
    expect(readRoute(path)).toEqual(route);
  });

  it.each(['/isues/8/', '/issues/08/', '/issues/0/', '/issues/8/x/', '/projects/nova/page/1/', '/archive/14/', '/images/a.png'])(
    'finds no page at %s',
    (path) => {
      expect(readRoute(path)).toBeUndefined();
    },
  );
});
