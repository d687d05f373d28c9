import { describe, expect, it } from 'vitest';
import { checkSiteLinks, siteContentsOf, siteLinkProblem, type SiteContents } from '../../../src/pipeline/site-links.ts';

/** A site of three issues (12 a draft), written out by hand: what the checks are measured against. */
const site: SiteContents = {
  base: '/',
  issues: new Map([
    [10, { draft: false, sections: { 'zh-CN': ['industry', 'nova'], en: ['industry', 'nova'] } }],
    [11, { draft: false, sections: { 'zh-CN': ['nova', 'neutron'], en: ['nova', 'neutron'] } }],
    [12, { draft: true, sections: { 'zh-CN': ['heat'], en: ['heat'] } }],
  ]),
  projectPages: new Map([
    ['industry', 1],
    ['nova', 2],
    ['neutron', 1],
  ]),
  years: new Map([[2014, new Set(['m2014-02', 'm2014-03'])]]),
  files: new Set(['/favicon.svg', '/sitemap.xml']),
};
const underPath: SiteContents = { ...site, base: '/digest/' };

const leadsSomewhere = (href: string, contents = site, fromDraft = false, image = false) =>
  siteLinkProblem({ href, image }, contents, fromDraft) === undefined;

describe('links from a text to the site', () => {
  it.each([
    '/',
    '/search/?q=nova',
    '/issues/',
    '/issues/10/',
    '/issues/10',
    '/issues/10/index.html#nova',
    '/issues/11/#neutron',
    '/issues/11/#neutron-title',
    '/issues/11/#main',
    '/issues/10/#nova:~:text=Nova',
    '/issues/10/#:~:text=Nova',
    '/en/issues/10/#industry',
    '/projects/nova/',
    '/projects/nova/page/2/',
    '/projects/nova/rss.xml',
    '/en/projects/neutron/',
    '/archive/2014/',
    '/archive/2014/#m2014-03',
    '/archive/#y2014',
    '/en/archive/#m2014-02',
    '/favicon.svg',
    '/sitemap.xml',
    '/rss.xml',
    '/en/rss.xml',
    '/en/about/',
  ])('lead somewhere: %s', (href) => {
    expect(leadsSomewhere(href)).toBe(true);
  });

  it.each([
    ['/issues/99/', 'the archive has no issue 99', 'issues 10–11'],
    ['/en/issues/99/', 'the archive has no issue 99', 'issues 10–11'],
    ['/issues/11/#glance', 'names a section issue 11 does not have: "#glance" (its sections: nova, neutron)', '/issues/11/#nova'],
    ['/en/issues/11/#heat', 'names a section issue 11 does not have', '/en/issues/11/#nova'],
    ['/issues/12/', 'issue 12, a draft: the build leaves drafts out', 'remove "draft: true"'],
    ['/projects/swift/', 'no issue has a section on "swift"', 'projects.yaml'],
    ['/projects/nova/page/3/', 'the timeline of nova has 2 pages', 'from 1 to 2'],
    ['/archive/2009/', 'the archive has no issue in 2009', '(2014)'],
    ['/archive/2014/#m2014-05', 'names a month the archive\'s 2014 page does not list: "#m2014-05"', 'm2014-02, m2014-03'],
    [
      '/archive/#y1999',
      'names a year or month the archive\'s index does not list: "#y1999"',
      'its years (y2014) or months with issues (m2014-02, m2014-03)',
    ],
    ['/en/archive/#m2014-05', 'names a year or month the archive\'s index does not list: "#m2014-05"', 'its years (y2014)'],
    ['/isues/10/', 'leads to no page of the site', 'a file must be in public/'],
    ['/images/a.png', 'is no file of the site', 'put the file in public/images/a.png'],
  ])('lead nowhere: %s', (href, message, fix) => {
    const problem = siteLinkProblem({ href, image: false }, site, false);
    expect(problem?.message).toContain(`"${href}"`);
    expect(problem?.message).toContain(message);
    expect(problem?.fix).toContain(fix);
  });

  it('lets a draft link another draft, which the build leaves out with it', () => {
    expect(leadsSomewhere('/issues/12/#heat', site, true)).toBe(true);
    expect(siteLinkProblem({ href: '/issues/99/', image: false }, site, true)?.fix).toContain('issues 10–12');
  });

  it('wants a file for an image, even where a page is', () => {
    expect(leadsSomewhere('/favicon.svg', site, false, true)).toBe(true);
    expect(siteLinkProblem({ href: '/issues/10/', image: true }, site, false)?.message).toBe(
      '"/issues/10/" is no file of the site, so the image would not show',
    );
  });

  it('finds a file whose name holds Chinese or a space, as Markdown encodes its address, and names a missing one as written', () => {
    const withNames: SiteContents = { ...site, files: new Set(['/图片/架构.svg', '/docs/my slides.pdf']) };
    expect(leadsSomewhere('/%E5%9B%BE%E7%89%87/%E6%9E%B6%E6%9E%84.svg', withNames, false, true)).toBe(true);
    expect(leadsSomewhere('/docs/my%20slides.pdf', withNames)).toBe(true);
    const missing = siteLinkProblem({ href: '/%E5%9B%BE%E7%89%87/%E6%B5%81%E7%A8%8B.svg', image: true }, withNames, false);
    expect(missing?.message).toBe('"/图片/流程.svg" is no file of the site, so the image would not show');
    expect(missing?.fix).toBe('put the image in public/图片/流程.svg, or correct the address');
  });

  it('reads paths under the base path of a site published under one, and leaves the rest of the host alone', () => {
    expect(leadsSomewhere('/digest/issues/10/#nova', underPath)).toBe(true);
    expect(leadsSomewhere('/digest/favicon.svg', underPath, false, true)).toBe(true);
    expect(siteLinkProblem({ href: '/digest/issues/99/', image: false }, underPath, false)?.message).toContain('no issue 99');
    expect(leadsSomewhere('/other-site/page/', underPath)).toBe(true);
  });

  it('reports each link that leads nowhere as a problem of its file, line and field', () => {
    const problems = checkSiteLinks(
      [
        {
          file: 'zh-CN/0010.md',
          draft: false,
          links: [
            { href: '/issues/11/', line: 20, image: false, field: 'body' },
            { href: '/issues/99/', line: 22, image: false, field: 'body' },
            { href: '/images/x.png', image: true, field: 'attribution.notice' },
          ],
        },
      ],
      site,
    );
    expect(problems.map(({ file, line, field }) => [file, line, field])).toEqual([
      ['zh-CN/0010.md', 22, 'body'],
      ['zh-CN/0010.md', undefined, 'attribution.notice'],
    ]);
  });
});

describe("the site's contents, from the issues", () => {
  const period = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
  const contents = siteContentsOf(
    [
      { number: 1, period: period('2013-12-20', '2014-01-02'), draft: false, sections: ['nova'] },
      { number: 2, period: period('2014-01-03', '2014-01-16'), draft: false, sections: ['nova', 'heat'] },
      { number: 3, period: period('2015-01-03', '2015-01-16'), draft: true, sections: ['swift'] },
    ],
    new Map([[2, { en: ['heat', 'nova'] }]]),
    '/',
    ['/favicon.svg'],
  );

  it('files each issue in the year and month its period ends, drafts left out', () => {
    expect([...contents.years].map(([year, months]) => [year, [...months]])).toEqual([[2014, ['m2014-01']]]);
  });

  it('gives a project a page when a published issue has a section on it', () => {
    expect([...contents.projectPages]).toEqual([
      ['nova', 1],
      ['heat', 1],
    ]);
  });

  it("knows each language's sections: the translation's, else the original's", () => {
    expect(contents.issues.get(2)?.sections).toEqual({ 'zh-CN': ['nova', 'heat'], en: ['heat', 'nova'] });
    expect(contents.issues.get(1)?.sections).toEqual({ 'zh-CN': ['nova'], en: ['nova'] });
    expect(contents.issues.get(3)?.draft).toBe(true);
  });
});
