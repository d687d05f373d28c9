/**
 * The one place pages read content from: the collections (validated and rendered by the loaders)
 * are read and sorted into the archive once per build, then shared by every page and feed.
 */
import { getCollection } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import { createArchive, type Archive } from '../lib/archive.ts';
import { createProjectResolver, sortProjects, type ProjectResolver } from '../lib/projects.ts';
import type { Project } from '../schemas/project.ts';

export interface Site {
  archive: Archive;
  projects: Project[];
  resolver: ProjectResolver;
  /** Projects with at least one section, in reading order for `locale`. */
  coveredProjects(locale: Locale): Project[];
}

let site: Promise<Site> | undefined;

/** The archive and the project registry, loaded once (on every request in dev, so edits show). */
export function getSite(): Promise<Site> {
  if (!site || import.meta.env.DEV) {
    site = loadSite();
  }
  return site;
}

async function loadSite(): Promise<Site> {
  const projects = (await getCollection('projects')).map((entry) => entry.data);
  const issues = (await getCollection('issues')).map((entry) => entry.data);
  const translations = (await getCollection('translations')).map((entry) => entry.data);
  const archive = createArchive(issues, translations);
  const covered = new Set(archive.projectIds());
  const coveredProjects = (locale: Locale) =>
    sortProjects(
      projects.filter((project) => covered.has(project.id)),
      locale,
    );
  return { archive, projects, resolver: createProjectResolver(projects), coveredProjects };
}
