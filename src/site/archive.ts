/**
 * The one place pages read content from: collections are read, validated, sorted and
 * rendered once per build, then shared by every page, feed and index.
 */
import { getCollection } from 'astro:content';
import { createArchive, type Archive, type IssueText } from '../lib/archive.ts';
import { renderMarkdown } from '../pipeline/markdown.ts';
import { createProjectResolver, sortProjects, type ProjectResolver } from '../lib/projects.ts';
import type { Project } from '../schemas/project.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';

export interface Site {
  archive: Archive;
  projects: Project[];
  resolver: ProjectResolver;
  /** Projects with at least one section, in reading order for `locale`. */
  coveredProjects(locale: Locale): Project[];
}

let site: Promise<Site> | undefined;
// Keyed by the sections list, which an untranslated fallback text shares with its original.
const rendered = new WeakMap<IssueText['sections'], Map<string, string>>();

/** The archive and the project registry, loaded once (on every request in dev, so edits show). */
export function getSite(): Promise<Site> {
  if (!site || import.meta.env.DEV) {
    site = loadSite();
  }
  return site;
}

async function loadSite(): Promise<Site> {
  const projects = (await getCollection('projects')).map((entry) => entry.data);
  const resolver = createProjectResolver(projects);
  const issues = await getCollection('issues');
  const translations = (await getCollection('translations')).flatMap((entry) => {
    const locale = entry.id.split('/')[0];
    return isLocale(locale) ? [{ locale, data: entry.data, body: entry.body ?? '' }] : [];
  });
  const archive = createArchive(
    issues.map((entry) => ({ data: entry.data, body: entry.body ?? '' })),
    resolver,
    translations,
  );
  const covered = new Set(archive.projectIds());
  const coveredProjects = (locale: Locale) =>
    sortProjects(
      projects.filter((project) => covered.has(project.id)),
      locale,
    );
  return { archive, projects, resolver, coveredProjects };
}

/** HTML of one part of an issue text (its introduction, or a project's section), rendered once per build. */
export function renderIssuePart(text: IssueText, projectId?: string): string {
  let parts = rendered.get(text.sections);
  if (!parts) {
    parts = new Map();
    rendered.set(text.sections, parts);
  }
  const key = projectId ?? '';
  let html = parts.get(key);
  if (html === undefined) {
    const markdown =
      projectId === undefined ? text.intro : (text.sections.find((section) => section.projectId === projectId)?.markdown ?? '');
    html = markdown ? renderMarkdown(`${markdown}\n\n${text.definitions}`, { site: new URL(import.meta.env.SITE) }) : '';
    parts.set(key, html);
  }
  return html;
}
