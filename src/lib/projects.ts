/**
 * Matching section headings to the project registry: by id, display name or alias,
 * ignoring case, spaces and punctuation, with a close-spelling suggestion for typos.
 */
import { distance } from 'fastest-levenshtein';
import type { Project, ProjectKind } from '../schemas/project.ts';
import type { Locale } from '../i18n/locales.ts';

export type MatchKind = 'id' | 'name' | 'alias';

export interface ProjectMatch {
  project: Project;
  via: MatchKind;
}

export interface ProjectResolver {
  /** The project a heading names exactly (modulo case, spacing and punctuation). */
  resolve(heading: string): ProjectMatch | undefined;
  /** The one project whose name is a small typo away from the heading, if any. */
  suggest(heading: string): Project | undefined;
  /** The project with this id. */
  get(id: string): Project | undefined;
}

/**
 * Reduces a heading to the key names are compared by.
 * @example normalizeProjectKey(' Neutron (Quantum)：') // 'neutron'
 */
export function normalizeProjectKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** Builds a resolver over the registry; throws when two projects claim the same name. */
export function createProjectResolver(projects: readonly Project[]): ProjectResolver {
  const byKey = new Map<string, ProjectMatch>();
  const byId = new Map(projects.map((project) => [project.id, project]));
  for (const project of projects) {
    const names: [string, MatchKind][] = [
      [project.id, 'id'],
      ...Object.values(project.name).map((name): [string, MatchKind] => [name, 'name']),
      ...project.aliases.map((alias): [string, MatchKind] => [alias, 'alias']),
    ];
    for (const [name, via] of names) {
      const key = normalizeProjectKey(name);
      const claimed = byKey.get(key);
      if (claimed && claimed.project.id !== project.id) {
        throw new Error(`src/content/projects.yaml: "${name}" names both ${claimed.project.id} and ${project.id}; keep it on one`);
      }
      if (!claimed) byKey.set(key, { project, via });
    }
  }
  return {
    resolve: (heading) => byKey.get(normalizeProjectKey(heading)),
    suggest(heading) {
      const key = normalizeProjectKey(heading);
      if (key.length < 4) return undefined;
      const close = new Set<Project>();
      for (const [candidate, match] of byKey) {
        if (isTypo(key, candidate)) close.add(match.project);
      }
      return close.size === 1 ? [...close][0] : undefined;
    },
    get: (id) => byId.get(id),
  };
}

/** One letter added, dropped or changed, or two letters swapped (Nuetron for Neutron). */
function isTypo(key: string, candidate: string): boolean {
  if (Math.abs(key.length - candidate.length) > 1) return false;
  const edits = distance(key, candidate);
  return edits === 1 || (edits === 2 && [...key].sort().join('') === [...candidate].sort().join(''));
}

const KIND_ORDER: readonly ProjectKind[] = ['news', 'cross-project', 'project', 'program'];

/** Projects in reading order: news first, then cross-project, then by name. */
export function sortProjects<T extends Pick<Project, 'kind' | 'name'>>(projects: readonly T[], locale: Locale): T[] {
  return [...projects].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name[locale].localeCompare(b.name[locale], locale),
  );
}
