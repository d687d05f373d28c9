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
  /** Words the heading carries beyond the project's name, in parentheses: `Nova (热迁移专题)` → `热迁移专题`. */
  subtitle?: string;
}

export interface ProjectResolver {
  /** The project a heading names exactly (modulo case, spacing and punctuation), and the heading's subtitle if it has one. */
  resolve(heading: string): ProjectMatch | undefined;
  /** The one project whose name is a small typo away from the heading's, if any. */
  suggest(heading: string): Project | undefined;
  /** The project with this id. */
  get(id: string): Project | undefined;
  /** The projects with these ids, in their order; ids of no project left out. */
  getAll(ids: readonly string[]): Project[];
}

/**
 * Reduces a heading to the key names are compared by.
 * @example normalizeProjectKey(' Open-Stack  Networking：') // 'openstacknetworking'
 */
export function normalizeProjectKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** A heading cut into the name it starts with and the subtitle in parentheses after it. */
export interface SplitHeading {
  name: string;
  /** The words inside the closing parentheses, when there are any. */
  subtitle?: string;
  /** Everything after the name as written, parentheses included (`' (热迁移专题)'`, `'（本期重点）'`), or `''`. */
  rest: string;
}

/**
 * Cuts a section heading into its name and a subtitle in parentheses (ASCII or full-width) at its end.
 * @example splitHeading('业界动态（本期重点：Icehouse 发布）') // { name: '业界动态', subtitle: '本期重点：Icehouse 发布', rest: '（本期重点：Icehouse 发布）' }
 */
export function splitHeading(heading: string): SplitHeading {
  const text = heading.trim();
  // The parenthesis that opens the one closing the heading, nesting counted.
  let depth = 0;
  let open = -1;
  if (CLOSING.has(text.at(-1) ?? '')) {
    for (let index = text.length - 1; index >= 0; index--) {
      const char = text.charAt(index);
      if (CLOSING.has(char)) depth += 1;
      else if (OPENING.has(char)) depth -= 1;
      if (depth === 0) {
        open = index;
        break;
      }
    }
  }
  const name = text.slice(0, Math.max(open, 0)).trimEnd();
  if (open <= 0 || !name) return { name: text, rest: '' };
  const subtitle = text.slice(open + 1, -1).trim();
  return { name, rest: text.slice(name.length), ...(subtitle ? { subtitle } : {}) };
}

const OPENING = new Set(['(', '（']);
const CLOSING = new Set([')', '）']);

/** Builds a resolver over the registry; throws when two projects claim the same name. */
export function createProjectResolver(projects: readonly Project[]): ProjectResolver {
  const byKey = new Map<string, ProjectMatch>();
  const byId = new Map(projects.map((project) => [project.id, project]));
  for (const project of projects) {
    const names: [string, MatchKind][] = [
      [project.id, 'id'],
      ...Object.values(project.name).map((name): [string, MatchKind] => [name, 'name']),
      ...[...project.aliases, ...project.queryAliases, ...project.headingAliases].map((alias): [string, MatchKind] => [alias, 'alias']),
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
    resolve(heading) {
      // Parentheses are read as a subtitle's, never as punctuation to ignore (`Nova (` names no
      // project), and an emoji or other symbol is the editor's words, not to vanish with it (`Heat 🚀`).
      const whole = /[()（）\p{So}]/u.test(heading) ? undefined : byKey.get(normalizeProjectKey(heading));
      if (whole) return whole;
      const { name, subtitle } = splitHeading(heading);
      const named = name === heading.trim() ? undefined : byKey.get(normalizeProjectKey(name));
      return named && { ...named, ...(subtitle ? { subtitle } : {}) };
    },
    suggest(heading) {
      const key = normalizeProjectKey(splitHeading(heading).name);
      if (key.length < 4) return undefined;
      const close = new Set<Project>();
      for (const [candidate, match] of byKey) {
        if (isTypo(key, candidate)) close.add(match.project);
      }
      return close.size === 1 ? [...close][0] : undefined;
    },
    get: (id) => byId.get(id),
    getAll: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
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
