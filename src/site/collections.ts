/**
 * The one place pages read content from: the collections (validated and rendered by the loaders)
 * are read and sorted into the archive once per build, then shared by every page and feed. In
 * dev, once per change of the content, and the content's problems are shown instead of pages.
 */
import path from 'node:path';
import { getCollection } from 'astro:content';
import { base } from 'astro:config/client';
import { AstroError } from 'astro/errors';
import {
  CONTENT_VERSION_SHOWN,
  contentProblems,
  contentSettled,
  contentVersion,
  problemReport,
  storedCollections,
} from '../pipeline/content-hub.ts';
import { overlayLocation } from '../pipeline/problems.ts';
import type { Locale } from '../i18n/locales.ts';
import { createArchive, type Archive } from '../lib/archive.ts';
import { createProjectResolver, sortProjects, type ProjectResolver } from '../lib/projects.ts';
import type { Project } from '../schemas/project.ts';
import type { Release } from '../schemas/release.ts';

export interface Site {
  archive: Archive;
  projects: Project[];
  /** The release registry, oldest first. */
  releases: Release[];
  resolver: ProjectResolver;
  /** Projects with at least one section, in reading order for `locale`. */
  coveredProjects(locale: Locale): Project[];
}

let site: { version: number; loaded: Promise<Site> } | undefined;

/** The archive and the registries, loaded once per version of the content. */
export async function getSite(): Promise<Site> {
  // In dev, a page asked for while a read after a change is under way (Astro reloads an open page
  // on any change while it shows an error) waits for it, instead of showing what the change replaced.
  await contentSettled();
  const report = problemReport();
  // Only in dev: a build stops at the loaders.
  if (report) {
    const location = overlayLocation(contentProblems(), path.resolve());
    // The version shown lets the dev server tell this error, sent to open pages after a delay, from
    // the content now. Without a stack, the overlay's code frame and "open in editor" take a
    // problem's file and line, not this line of code.
    throw Object.assign(new AstroError(report, 'Fix the files named above; the page comes back once they are saved.'), {
      [CONTENT_VERSION_SHOWN]: contentVersion(),
      title: 'The content has problems',
      stack: '',
      ...(location ? { loc: location } : {}),
      // Astro swaps the hint for one about browser code in components whenever the error's text
      // holds "window" or "document", as problems may quote them ("where the move is documented").
      toString: () => 'AstroUserError: the content has problems',
    });
  }
  if (storedCollections().size === 0) {
    throw new AstroError(
      'No content was handed to the pages in this process.',
      "The collections must load through src/pipeline/loaders.ts, and Astro's store module must come from integrations/content-hub.ts.",
    );
  }
  const version = contentVersion();
  if (site?.version !== version) site = { version, loaded: loadSite() };
  return site.loaded;
}

async function loadSite(): Promise<Site> {
  const projects = (await getCollection('projects')).map((entry) => entry.data);
  const releases = (await getCollection('releases')).map((entry) => entry.data).sort((a, b) => a.released.getTime() - b.released.getTime());
  const issues = (await getCollection('issues')).map((entry) => entry.data);
  if (issues.length !== storedCollections().get('issues')?.size) {
    throw new AstroError(
      "Astro's content store is not the content hub's.",
      "integrations/content-hub.ts must serve Astro's store module; check that the module name it replaces is still Astro's.",
    );
  }
  const translations = (await getCollection('translations')).map((entry) => entry.data);
  const archive = createArchive(issues, translations, base);
  const covered = new Set(archive.projectIds());
  const coveredProjects = (locale: Locale) =>
    sortProjects(
      projects.filter((project) => covered.has(project.id)),
      locale,
    );
  return { archive, projects, releases, resolver: createProjectResolver(projects), coveredProjects };
}
