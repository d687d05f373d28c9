/**
 * Links and images from a text to this site, checked against what the build will publish: an
 * issue the archive holds (not a draft, which the build leaves out), the section a link names on
 * it, a project or year with a page, a file in `public/`. A link to an issue that was never
 * written, or to a section the issue does not have, would otherwise reach readers as a dead end.
 * Pure: what the site holds comes in as `SiteContents`.
 */
import { localeCodes, type Locale } from '../i18n/locales.ts';
import { archiveYears } from '../lib/archive-years.ts';
import type { Period } from '../lib/periods.ts';
import {
  archiveMonthId,
  archivePath,
  archiveYearId,
  decodePath,
  issuePath,
  localizePath,
  readRoute,
  splitLocale,
  withoutBase,
} from '../lib/routes.ts';
import { timelinePageSize } from '../lib/timeline.ts';
import type { ContentProblem } from './problems.ts';

/** A link or image to this site, as the site writes it (a site path, base included). */
export interface SiteLink {
  href: string;
  /** 1-based line in the text, when the address is found there as written. */
  line?: number;
  /** Whether an image loads it (then it must be a file). */
  image: boolean;
}

/** An issue as links see it: whether the build leaves it out, and the sections each language's page shows. */
export interface IssueTarget {
  draft: boolean;
  sections: Readonly<Record<Locale, readonly string[]>>;
}

/** What the built site will hold, as far as a link from a text can tell. */
export interface SiteContents {
  /** The base path the site is published at (`/digest/`). */
  base: string;
  issues: ReadonlyMap<number, IssueTarget>;
  /** Projects with a timeline, and how many pages it has. */
  projectPages: ReadonlyMap<string, number>;
  /** Years with a page in the archive, and the anchors of their months (`m2014-02`). */
  years: ReadonlyMap<number, ReadonlySet<string>>;
  /** Files served as they are (`public/`, the sitemap), as locale-neutral site paths (`/favicon.svg`). */
  files: ReadonlySet<string>;
}

/** Anchors every issue page has besides its sections: the page's main content and its contents list. */
export const ISSUE_PAGE_ANCHORS = ['main', 'toc-title'];

/** What is wrong with a link, said for the editor who wrote it. */
export interface LinkProblem {
  message: string;
  fix: string;
}

/**
 * Why a link to this site leads nowhere in the build, or undefined when it leads to a page (and
 * section) or file the build publishes. A text that is itself a draft may link other drafts.
 * @example siteLinkProblem({ href: '/issues/99/', image: false }, site, false)?.message // '"/issues/99/" leads to no page: the archive has no issue 99'
 */
export function siteLinkProblem(link: SiteLink, site: SiteContents, fromDraft: boolean): LinkProblem | undefined {
  const url = new URL(link.href, 'http://site.invalid');
  const sitePath = withoutBase(url.pathname, site.base);
  // Another site on the same host (outside the base path): not this site's to check.
  if (sitePath === undefined) return undefined;
  // As the editor wrote it: Markdown percent-encodes a file's Chinese name or space (`/图片/架构.svg`).
  const shown = `"${decodePath(link.href)}"`;
  const isFile = site.files.has(decodePath(sitePath));
  if (link.image || isFile) {
    if (isFile) return undefined;
    return {
      message: `${shown} is no file of the site, so the image would not show`,
      fix: `put the image in public${decodePath(sitePath)}, or correct the address`,
    };
  }
  const { locale, path } = splitLocale(sitePath);
  // A page's own file (`/issues/8/index.html`) is the page.
  const route = readRoute(path.replace(/\/index\.html$/, '/'));
  const anchor = anchorOf(url.hash);
  switch (route?.kind) {
    case 'page': {
      // The archive's index holds a year per row and its months with issues (`#y2014`, `#m2014-02`).
      if (path !== archivePath || anchor === undefined) return undefined;
      const years = [...site.years.keys()].sort();
      if (years.some((year) => anchor === archiveYearId(year) || site.years.get(year)?.has(anchor))) return undefined;
      const months = years.flatMap((year) => [...(site.years.get(year) ?? [])].sort());
      return {
        message: `${shown} names a year or month the archive's index does not list: "#${anchor}"`,
        fix: `link one of its years (${years.map(archiveYearId).join(', ')}) or months with issues (${months.slice(0, 3).join(', ')}${months.length > 3 ? ', …' : ''}), or the index itself`,
      };
    }
    case 'issue': {
      const issue = site.issues.get(route.number);
      if (!issue) {
        return {
          message: `${shown} leads to no page: the archive has no issue ${route.number}`,
          fix: `link an issue the archive holds (${describeNumbers(reachable(site, fromDraft))}), or correct the number`,
        };
      }
      if (issue.draft && !fromDraft) {
        return {
          message: `${shown} leads to issue ${route.number}, a draft: the build leaves drafts out, so the link would lead nowhere`,
          fix: `publish issue ${route.number} first (remove "draft: true"), or add the link once it is published`,
        };
      }
      const sections = issue.sections[locale];
      if (anchor === undefined || sections.includes(anchor) || ISSUE_PAGE_ANCHORS.includes(anchor)) return undefined;
      if (sections.some((section) => anchor === `${section}-title`)) return undefined;
      return {
        message: `${shown} names a section issue ${route.number} does not have: "#${anchor}" (its sections: ${sections.join(', ')})`,
        fix: `link one of its sections (${localizePath(issuePath(route.number, sections[0]), locale)}), or the issue itself`,
      };
    }
    case 'project':
    case 'project-feed': {
      const pages = site.projectPages.get(route.id);
      if (pages === undefined) {
        return {
          message: `${shown} leads to no page: no issue has a section on "${route.id}", so the site has no page for it`,
          fix: 'link a project the archive has sections on (its id, as in src/content/projects.yaml), or correct the address',
        };
      }
      if (route.kind === 'project' && route.page > pages) {
        return {
          message: `${shown} leads to no page: the timeline of ${route.id} has ${pages} page${pages === 1 ? '' : 's'}`,
          fix: `link a page from 1 to ${pages}, or the project page itself`,
        };
      }
      return undefined;
    }
    case 'archive-year': {
      const months = site.years.get(route.year);
      if (!months) {
        return {
          message: `${shown} leads to no page: the archive has no issue in ${route.year}`,
          fix: `link a year the archive holds (${[...site.years.keys()].sort().join(', ')})`,
        };
      }
      if (anchor === undefined || months.has(anchor)) return undefined;
      return {
        message: `${shown} names a month the archive's ${route.year} page does not list: "#${anchor}"`,
        fix: `link one of its months (${[...months].sort().join(', ')}), or the year's page itself`,
      };
    }
    default:
      // A name with an extension (`/images/a.png`, `/slides.pdf`) is meant as a file.
      if (/\.[a-z0-9]+$/i.test(sitePath)) {
        return {
          message: `${shown} is no file of the site`,
          fix: `put the file in public${decodePath(sitePath)}, or correct the address`,
        };
      }
      return {
        message: `${shown} leads to no page of the site`,
        fix: `correct the address: the site's pages are ${examplePages()}; a file must be in public/`,
      };
  }
}

/** The issues a text may link: the published ones, and the drafts too from a draft. */
const reachable = (site: SiteContents, fromDraft: boolean) =>
  [...site.issues].filter(([, issue]) => fromDraft || !issue.draft).map(([number]) => number);

/** The id a fragment names, without a text directive (`#nova:~:text=…`); undefined for none. */
function anchorOf(hash: string): string | undefined {
  const fragment = decodePath(hash.slice(1)).split(':~:')[0] ?? '';
  return fragment || undefined;
}

/** Numbers as ranges: `1–8, 10`. */
function describeNumbers(numbers: readonly number[]): string {
  if (numbers.length === 0) return 'none yet';
  const sorted = [...numbers].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0] ?? 0;
  let previous = start;
  for (const number of [...sorted.slice(1), Number.NaN]) {
    if (number === previous + 1) {
      previous = number;
      continue;
    }
    ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = previous = number;
  }
  return `issues ${ranges.join(', ')}`;
}

function examplePages(): string {
  const paths = ['/issues/8/', '/projects/nova/', '/archive/2014/', '/search/', '/about/'];
  const prefixed = localeCodes.map((locale) => localizePath('/issues/8/', locale)).filter((path) => path !== '/issues/8/');
  return [...paths, ...prefixed].join(', ');
}

/** A link as a file holds it: its line in the file, and the field it is written in. */
export interface WrittenSiteLink extends SiteLink {
  field: string;
}

/** A text that links to the site: an issue or a translation. */
export interface LinkingText {
  file: string;
  draft: boolean;
  links: readonly WrittenSiteLink[];
}

/** Every link from the texts that leads nowhere in the build, as a content problem of its file, in the file's order. */
export function checkSiteLinks(texts: readonly LinkingText[], site: SiteContents): ContentProblem[] {
  return texts.flatMap(({ file, draft, links }) =>
    links
      .flatMap(({ field, line, ...link }) => {
        const problem = siteLinkProblem(link, site, draft);
        return problem ? [{ file, ...(line === undefined ? {} : { line }), field, ...problem }] : [];
      })
      .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
  );
}

/** An issue as the site's contents are worked out from: its number, period, sections, and whether it is a draft. */
export interface PublishedIssue {
  number: number;
  period: Period;
  draft: boolean;
  sections: readonly string[];
}

/**
 * What a build publishes, from the archive's issues (drafts among them, marked), their
 * translations' sections and the files served as they are.
 */
export function siteContentsOf(
  issues: readonly PublishedIssue[],
  translated: ReadonlyMap<number, Partial<Record<Locale, readonly string[]>>>,
  base: string,
  files: Iterable<string>,
): SiteContents {
  const published = issues.filter((issue) => !issue.draft);
  const sectionCounts = new Map<string, number>();
  for (const issue of published) {
    for (const id of issue.sections) sectionCounts.set(id, (sectionCounts.get(id) ?? 0) + 1);
  }
  const years = new Map(
    archiveYears(published).map(({ year, months }) => [year, new Set(months.map(({ month }) => archiveMonthId(month)))] as const),
  );
  return {
    base,
    issues: new Map(
      issues.map((issue) => {
        const ownSections = translated.get(issue.number) ?? {};
        const sections = Object.fromEntries(localeCodes.map((locale) => [locale, ownSections[locale] ?? issue.sections])) as Record<
          Locale,
          readonly string[]
        >;
        return [issue.number, { draft: issue.draft, sections }];
      }),
    ),
    projectPages: new Map([...sectionCounts].map(([id, count]) => [id, Math.ceil(count / timelinePageSize)])),
    years,
    files: new Set(files),
  };
}
