/**
 * RSS feeds as data: the whole digest and one feed per project, in each locale. Pure: the caller
 * passes the archive (its texts rendered once by the content pipeline), the site URL and the
 * strings; `@astrojs/rss` writes the XML. Nothing here reads the clock, so two builds of the
 * same content give the same feeds.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { formatIssueDescription, formatIssueLabel, formatPeriod } from '../i18n/format.ts';
import { getLocaleInfo, type Locale } from '../i18n/locales.ts';
import { getLinkLabels } from '../i18n/link-labels.ts';
import { toIsoDay } from './dates.ts';
import { outsideLinkHtml } from './outside-links.ts';
import type { Translate } from '../i18n/t.ts';
import { translateIsolated } from '../i18n/isolate.ts';
import { escapeHtml } from './html-text.ts';
import { feedType } from './hosting/policy.ts';
import { absolutizeSitePaths } from './html-site-paths.ts';
import type { Project } from '../schemas/project.ts';
import { getSectionText, type Archive, type ArchiveIssue, type IssueText } from './archive.ts';
import { absoluteUrl, feedPath, homePath, issuePath, localizePath, projectFeedPath, projectPath } from './routes.ts';

/** What a feed needs besides the archive. */
export interface FeedContext {
  /** The feed's language. */
  locale: Locale;
  /** The address the site is published at; every URL in a feed is absolute against it. */
  site: URL;
  /** UI strings of `locale`. */
  t: Translate;
  /** The registry entry of a project id. */
  project(id: string): Project | undefined;
}

/**
 * Items per feed: the newest ones. Readers keep what they have seen; the whole archive stays on
 * the site, and a feed stays the same size however long the digest runs.
 */
export const feedItemLimit = 30;

/** One feed entry before it becomes XML; `guid` is not a URL, so it is written with isPermaLink="false". */
export interface FeedItem {
  guid: string;
  title: string;
  link: string;
  pubDate: Date;
  /** Plain-text summary. */
  description: string;
  /** The full text as HTML, every URL absolute. */
  content: string;
  categories: string[];
}

/**
 * An item's identity: made of locale, issue number and project only, never of the text, so
 * rebuilds and typo fixes keep it, and moving the site to another address does too.
 * @example feedGuid('en', 8, 'nova') // 'openstack-digest:en:issue-8:nova'
 */
export function feedGuid(locale: Locale, number: number, projectId?: string): string {
  return `openstack-digest:${locale}:issue-${number}${projectId ? `:${projectId}` : ''}`;
}

// XML 1.0 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF, even as character references.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text that XML can carry: forbidden control characters removed, unpaired surrogates replaced.
 * @example toXmlText('a\u0001b') // 'ab'
 */
export function toXmlText(text: string): string {
  return text.toWellFormed().replace(XML_FORBIDDEN, '');
}

/** An issue's name and period in the feed's language. @example issueTitle(issue8, ctx) // 'Issue 8 (February 3–15, 2014)' */
export function issueTitle(issue: ArchiveIssue, { locale, t }: FeedContext): string {
  return t('feed.itemTitle', { issue: formatIssueLabel(issue.number, locale), period: formatPeriod(issue.period, locale) });
}

const absolute = (path: string, { locale, site }: FeedContext) => absoluteUrl(localizePath(path, locale), site);

/** The note above a text that is not (or may no longer be) in the feed's language. */
function notice(text: IssueText, { t }: FeedContext): string {
  const message =
    text.status === 'untranslated' ? t('translation.untranslated') : text.status === 'stale' ? t('translation.stale') : undefined;
  return message ? `<p><em>${escapeHtml(message)}</em></p>` : '';
}

/** Marks HTML written in another language than the feed's. */
function inLanguage(html: string, text: IssueText, { locale }: FeedContext): string {
  return html && text.lang !== locale ? `<div lang="${text.lang}">${html}</div>` : html;
}

/**
 * The credits, as every issue page carries them: the editor's (the source linked with its archived
 * copy), the translator's of a translation, and the original's credit statement; names are isolated
 * from the words and link around them.
 */
function credit(issue: ArchiveIssue, text: IssueText, { t, locale }: FeedContext): string {
  const { editor, organization, source } = issue.attribution;
  const name = organization
    ? translateIsolated(t, 'attribution.editorWithOrganization', { editor, organization }, {}, locale)
    : translateIsolated(t, 'attribution.editor', { editor }, {}, locale);
  const translator = text.translator
    ? `<p>${translateIsolated(t, 'attribution.translator', { translator: text.translator }, {}, locale)}</p>`
    : '';
  const link = outsideLinkHtml(escapeHtml(new URL(source).host), issue.sourceLink, getLinkLabels(locale, toIsoDay(issue.published)));
  // The original's credit statement (a reprint notice) goes wherever its text is republished.
  const statement = issue.noticeHtml
    ? `<p>${escapeHtml(t('attribution.notice'))}</p><blockquote lang="zh-CN">${issue.noticeHtml}</blockquote>`
    : '';
  return `<p>${name} · ${escapeHtml(t('attribution.source'))}${link}</p>${translator}${statement}`;
}

/**
 * A section's name in a feed: the project's, and the heading's subtitle after it when there is one.
 * @example sectionName(ctx, 'nova', '热迁移专题') // 'Nova：热迁移专题'
 */
export function sectionName(
  { t, locale, project }: Pick<FeedContext, 't' | 'locale' | 'project'>,
  projectId: string,
  subtitle?: string,
): string {
  const name = project(projectId)?.name[locale] ?? projectId;
  return subtitle ? t('feed.sectionName', { project: name, subtitle }) : name;
}

/** The whole issue as one item of the digest's feed. */
export function createIssueItem(issue: ArchiveIssue, ctx: FeedContext): FeedItem {
  const text = issue.texts[ctx.locale];
  const link = absolute(issuePath(issue.number), ctx);
  const projects = text.sections.map(({ projectId }) => ({ projectId, project: ctx.project(projectId) }));
  const ordered = [
    ...projects.filter(({ project }) => project?.kind === 'news'),
    ...projects.filter(({ project }) => project?.kind !== 'news'),
  ];
  const sections = ordered.map(({ projectId, project }) => {
    const section = text.sections.find((candidate) => candidate.projectId === projectId);
    const projectName = project?.name[ctx.locale] ?? projectId;
    const name = section?.subtitle
      ? translateIsolated(ctx.t, 'feed.sectionName', { subtitle: section.subtitle }, { project: projectName }, ctx.locale)
      : escapeHtml(projectName);
    const anchor = escapeHtml(absolute(issuePath(issue.number, projectId), ctx));
    return `<h2><a href="${anchor}">${name}</a></h2>${inLanguage(section?.html ?? '', text, ctx)}`;
  });
  const html = [notice(text, ctx), inLanguage(text.intro?.html ?? '', text, ctx), ...sections, credit(issue, text, ctx)].join('');
  return {
    guid: feedGuid(ctx.locale, issue.number),
    title: issueTitle(issue, ctx),
    link,
    pubDate: feedDay(issue.published),
    description: formatIssueDescription(issue, ctx.locale),
    content: absolutizeSitePaths(html, ctx.site),
    categories: ordered.map(({ projectId, project }) => project?.name[ctx.locale] ?? projectId),
  };
}

/** One project's section of an issue as an item of that project's feed, linking to the section's anchor. */
export function createSectionItem(issue: ArchiveIssue, projectId: string, ctx: FeedContext): FeedItem {
  const { text, section, shownIn } = getSectionText(issue, ctx.locale, projectId);
  const name = ctx.project(projectId)?.name[ctx.locale] ?? projectId;
  const link = absolute(issuePath(issue.number, projectId), { ...ctx, locale: shownIn });
  const html = [notice(text, ctx), inLanguage(section?.html ?? '', text, ctx), credit(issue, text, ctx)].join('');
  return {
    guid: feedGuid(ctx.locale, issue.number, projectId),
    title: ctx.t('feed.sectionTitle', { project: sectionName(ctx, projectId, section?.subtitle), issue: issueTitle(issue, ctx) }),
    link,
    pubDate: feedDay(issue.published),
    description: formatIssueDescription(issue, ctx.locale),
    content: absolutizeSitePaths(html, ctx.site),
    categories: [name],
  };
}

/**
 * A publication day as a feed's moment: noon UTC, which a reader's clock anywhere from UTC−11 to
 * UTC+11 shows as that same day (midnight UTC is the day before everywhere west of Greenwich).
 */
export function feedDay(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12));
}

/** The item as `@astrojs/rss` takes it, every string made safe for XML. */
export function toRssItem(item: FeedItem): RSSFeedItem {
  return {
    title: toXmlText(item.title),
    link: item.link,
    pubDate: item.pubDate,
    // RSS readers take <description> as HTML, so plain text is escaped once more.
    description: toXmlText(escapeHtml(item.description)),
    content: toXmlText(item.content),
    categories: item.categories.map(toXmlText),
    customData: `<guid isPermaLink="false">${escapeHtml(item.guid)}</guid>`,
  };
}

function channel(title: string, description: string, pagePath: string, selfPath: string, items: FeedItem[], ctx: FeedContext): RSSOptions {
  return {
    title: toXmlText(title),
    description: toXmlText(description),
    site: absolute(pagePath, ctx),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${getLocaleInfo(ctx.locale).rssLanguage}</language><atom:link href="${escapeHtml(absolute(selfPath, ctx))}" rel="self" type="${feedType}"/>`,
    items: items.map(toRssItem),
  };
}

/** A feed's title in its language. */
function feedTitle(ctx: Pick<FeedContext, 't' | 'locale'>, project?: Project): string {
  return project ? ctx.t('feed.projectTitle', { project: project.name[ctx.locale], site: ctx.t('site.name') }) : ctx.t('site.name');
}

/** A feed as discovery links and the subscribe page show it (the whole digest's, or a project's): title, site path (base included) and absolute URL. */
export function describeFeed(
  ctx: Pick<FeedContext, 't' | 'locale' | 'site'>,
  project?: Project,
): { title: string; path: string; url: string } {
  const url = absoluteUrl(localizePath(project ? projectFeedPath(project.id) : feedPath, ctx.locale), ctx.site);
  return { title: feedTitle(ctx, project), path: new URL(url).pathname, url };
}

/** The whole digest: the newest issues, newest first. */
export function createSiteFeed(archive: Archive, ctx: FeedContext): RSSOptions {
  const items = archive.issues.slice(0, feedItemLimit).map((issue) => createIssueItem(issue, ctx));
  return channel(feedTitle(ctx), ctx.t('site.description'), homePath, feedPath, items, ctx);
}

/** One project: its newest sections, newest first. */
export function createProjectFeed(archive: Archive, projectId: string, ctx: FeedContext): RSSOptions {
  const project = ctx.project(projectId);
  if (!project) throw new Error(`no project "${projectId}" in the registry for its feed`);
  const items = archive
    .sectionsOf(projectId)
    .slice(0, feedItemLimit)
    .map(({ issue }) => createSectionItem(issue, projectId, ctx));
  return channel(feedTitle(ctx, project), project.description[ctx.locale], projectPath(projectId), projectFeedPath(projectId), items, ctx);
}
