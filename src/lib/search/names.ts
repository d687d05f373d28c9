/**
 * What search reads as naming a release or a project, from the registries: every name a query
 * may use for it (for a project its id, its names and its aliases, not its heading-only words;
 * for a release its name, id, shorthand and aliases) and what else text may mention it by (a
 * release's milestones). Expansion is data: an alias added to a registry is searched from the
 * next build on. Pure.
 */
import type { Project } from '../../schemas/project.ts';
import type { Release } from '../../schemas/release.ts';

/** A release or project as search knows it. */
export interface SearchConcept {
  /** `project:nova`, `release:icehouse`. */
  key: string;
  /** What a query may call it, as the registry writes them (duplicates in another case dropped). */
  names: string[];
  /** What text may mention it by besides its names (milestones); a query naming one of these is not widened. */
  mentions: string[];
  /** Those of its names too general to look for as it (a project's `queryAliases`): a query may use them, no other name looks for them. */
  general?: string[];
}

/**
 * The form names are compared in: NFKC (full-width letters as half-width), lower case, any run of
 * whitespace as one space.
 * @example nameKey(' ＯｐｅｎＳｔａｃｋ  Compute ') // 'openstack compute'
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function distinct(names: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  return names.filter((name): name is string => {
    if (!name) return false;
    const key = nameKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A project's names for search: display names first, then id and aliases, the general ones last. */
export function projectConcept(project: Project): SearchConcept {
  return {
    key: `project:${project.id}`,
    names: distinct([...Object.values(project.name), project.id, ...project.aliases, ...project.queryAliases]),
    mentions: [],
    general: project.queryAliases,
  };
}

/** A release's names for search: name, shorthand, id, aliases; its milestones as mentions. */
export function releaseConcept(release: Release): SearchConcept {
  return {
    key: `release:${release.id}`,
    names: distinct([release.name, release.shorthand, release.id, ...release.aliases]),
    mentions: distinct(release.milestones),
  };
}

/** A name search could not read as one release or project. */
export interface ConceptClash {
  /** The name as the registry writes it. */
  name: string;
  /** The concept it was written for (`release:grizzly`). */
  key: string;
  /** The concept that claimed it first, when two do; none when the name holds a mark of the vocabulary. */
  claimedBy?: string;
}

/**
 * The names (and mentions) two concepts claim, and those holding a mark of the search vocabulary.
 * @example conceptClashes([projectConcept(nova), releaseConcept({ ...icehouse, aliases: ['Nova'] })]) // [{ name: 'Nova', key: 'release:icehouse', claimedBy: 'project:nova' }]
 */
export function conceptClashes(concepts: readonly SearchConcept[]): ConceptClash[] {
  const owner = new Map<string, string>();
  const clashes: ConceptClash[] = [];
  for (const concept of concepts) {
    for (const name of [...concept.names, ...concept.mentions]) {
      // The search vocabulary writes names with these marks (`VOCABULARY_FORM`).
      if (/\||^[~+]/.test(name)) clashes.push({ name, key: concept.key });
      const claimed = owner.get(nameKey(name));
      if (claimed && claimed !== concept.key) clashes.push({ name, key: concept.key, claimedBy: claimed });
      else owner.set(nameKey(name), concept.key);
    }
  }
  return clashes;
}

/** A clash in words (without where it is written). */
export function describeClash({ name, key, claimedBy }: ConceptClash): string {
  return claimedBy
    ? `"${name}" names both ${claimedBy} and ${key}; keep it on one`
    : `"${name}" (${key}) may not contain | nor start with ~ or +, which the search vocabulary writes names with; write it without them`;
}

/**
 * Every concept of both registries; throws, naming both, when a name (or mention) belongs to two,
 * and when a name holds a mark of the search vocabulary.
 * @example searchConcepts([nova], [icehouse]).map((concept) => concept.key) // ['project:nova', 'release:icehouse']
 */
export function searchConcepts(projects: readonly Project[], releases: readonly Release[]): SearchConcept[] {
  const concepts = [...projects.map(projectConcept), ...releases.map(releaseConcept)];
  const clashes = conceptClashes(concepts);
  if (clashes.length)
    throw new Error(clashes.map((clash) => `src/content/projects.yaml, src/content/releases.yaml: ${describeClash(clash)}`).join('\n'));
  return concepts;
}
