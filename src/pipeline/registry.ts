/** Reads the registries (projects, releases), with errors that name the file, entry and field. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ProjectSchema, type Project } from '../schemas/project.ts';
import { ReleaseSchema, type Release } from '../schemas/release.ts';
import { normalizeProjectKey } from '../lib/projects.ts';
import { conceptClashes, describeClash, nameKey, projectConcept, releaseConcept, type SearchConcept } from '../lib/search/names.ts';
import { codePointName, controlCharacterError, decodeUtf8, isEncodingError, type EncodingError } from './encoding.ts';
import { notTextIn } from './frontmatter.ts';
import { describeSchemaIssue } from './issue-validation.ts';
import { displayPath, registryFile, releasesFile } from './paths.ts';
import type { ContentProblem } from './problems.ts';
import { noteReading } from './read-stamps.ts';
import { isYamlDataError, offsetOf, yamlData } from './yaml-data.ts';

/** A registry as read: its valid entries, the problems found, and where each entry and field is written. */
interface Registry<T> {
  /** The file as the reader would open it. */
  file: string;
  entries: T[];
  problems: string[];
  /** `file:line` of an entry, or of one of its fields (`['aliases', 2]`). */
  at(entry: T, path?: readonly (string | number)[]): string;
  /** The line of an entry's field. */
  lineOf(entry: T, path: readonly (string | number)[]): number;
}

/**
 * Parses a registry: a YAML list of entries with an `id`, each checked against `schema`. Every
 * problem starts with `file:line:` and names the entry and field; each entry keeps its line.
 */
function loadRegistry<T extends { id: string }>(
  file: string,
  schema: z.ZodType<T>,
  noun: string,
  examples: Readonly<Record<string, string>>,
): Registry<T> {
  // Read as an issue is: a file saved as GBK would publish every Chinese name garbled, and a
  // control character pasted into a name would be carried into pages and search.
  const decoded = decodeUtf8(readFileSync(file), path.basename(file));
  const unreadable = ({ line, message, fix }: EncodingError) => new Error(`${displayPath(file)}:${line}: ${message}; ${fix}`);
  if (isEncodingError(decoded)) throw unreadable(decoded);
  const control = controlCharacterError(decoded.text);
  if (control) throw unreadable(control);
  const lineCounter = new LineCounter();
  const document = parseDocument(decoded.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const at = (offset: number | undefined) => `${displayPath(file)}:${lineAt(offset)}`;
  const [error] = document.errors;
  if (error) {
    // YAML indents with spaces only; a tab-indented line is read as part of the line before, and
    // the parser's words ("Unexpected scalar at node end") do not say so.
    const tabbed = decoded.text.split('\n').findIndex((line) => /^ *\t/.test(line));
    if (tabbed >= 0 && tabbed + 1 <= lineAt(error.pos[0]))
      throw new Error(
        `${displayPath(file)}:${tabbed + 1}: the line is indented with a tab, which YAML does not allow; indent it with spaces`,
      );
    throw new Error(`${at(error.pos[0])}: broken YAML: ${error.message.split('\n')[0]}; correct the YAML`);
  }
  const built = yamlData(document);
  if (isYamlDataError(built)) throw new Error(`${at(built.offset)}: ${built.message}; ${built.fix}`);
  const escaped = notTextIn(built.data);
  if (escaped) {
    const [index = 0, ...field] = escaped.path;
    const id = (built.data as { id?: unknown }[])[Number(index)]?.id ?? `#${Number(index) + 1}`;
    throw new Error(
      `${at(offsetOf(document, escaped.path))}: ${noun} ${String(id)}, ${field.join('.')}: holds a character that is not text (${codePointName(escaped.character)}), written as an escape in quotes; delete the escape (\\x.., \\u.... or the like)`,
    );
  }
  const listed = built.data;
  if (!Array.isArray(listed)) throw new Error(`${at(undefined)}: expected a list of ${noun}s; write one "- " entry per ${noun}`);
  const problems: string[] = [];
  // A comment after a value on its line (`- OpenStack Compute #1`) cuts the value short in silence.
  visit(document, {
    Scalar(_key, node) {
      if (!node.comment || !node.range) return;
      problems.push(
        `${at(node.range[0])}: the text after " #" on this line is a YAML comment, so "${String(node.value)}" would be all that is read; put the whole value in quotes if the text belongs to it, or the note on a line of its own`,
      );
    },
  });
  const indexes = new Map<T, number>();
  const entries = listed.flatMap((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) {
      indexes.set(result.data, index);
      return [result.data];
    }
    const name = (entry as { id?: unknown } | null)?.id ?? `#${index + 1}`;
    const lineOfField = (path: readonly PropertyKey[]) => lineAt(offsetOf(document, [index, ...path]));
    for (const issue of result.error.issues) {
      // Worded as an issue's front matter is: the field missing or empty and what to write, not Zod's words.
      const described = describeSchemaIssue(issue, displayPath(file), { data: entry, lineOf: lineOfField }, examples);
      const { line = lineOfField([]), field } = described;
      let { message, fix } = described;
      // A name YAML reads as a number or a boolean (`2013.1`, `2013.10` read as 2013.1, `yes`): said as written.
      const node = document.getIn([index, ...issue.path], true);
      const scalar = isScalar(node) && typeof node.value !== 'string' && node.value !== null ? node : undefined;
      if (issue.code === 'invalid_type' && issue.expected === 'string' && scalar && field !== 'id') {
        const written = scalar.source;
        message = `${written} reads as ${typeof scalar.value === 'number' ? 'a number' : 'true or false'} in YAML, not as the text written`;
        fix = `put it in quotes: '${written}'`;
      } else if (issue.code === 'unrecognized_keys')
        fix = 'remove it or correct its spelling (the comment at the top of the file lists the fields)';
      // An id the pages give an element of their own (`ProjectSchema`): the message says which.
      else if (issue.code === 'custom' && field === 'id') fix = 'choose another id';
      // An empty item of a list (`aliases: [Compute, ""]`).
      else if (message.endsWith(' is empty') && typeof issue.path.at(-1) === 'number') fix = 'remove the empty item or write the name';
      problems.push(
        `${displayPath(file)}:${line}: ${noun} ${String(name)}, ${field === 'front matter' ? 'entry' : field}: ${message}; ${fix}`,
      );
    }
    return [];
  });
  const lineOf = (entry: T, path: readonly (string | number)[]) => {
    const index = indexes.get(entry);
    return lineAt(index === undefined ? undefined : offsetOf(document, [index, ...path]));
  };
  const entryAt = (entry: T, path: readonly (string | number)[] = []) => `${displayPath(file)}:${lineOf(entry, path)}`;
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`${entryAt(entry)}: ${noun} id ${entry.id} appears twice; keep one entry`);
    ids.add(entry.id);
  }
  return { file: displayPath(file), entries, problems, at: entryAt, lineOf };
}

/** What to write for a project's field that is missing or wrong. */
const PROJECT_EXAMPLES: Readonly<Record<string, string>> = {
  id: 'id: nova (lower-case letters, digits and dashes)',
  kind: 'kind: project (news, cross-project, project or program)',
  name: 'name: { zh-CN: Nova, en: Nova }',
  'name.zh-CN': 'zh-CN: Nova (under name)',
  'name.en': 'en: Nova (under name)',
  description: "description: { zh-CN: 计算服务, en: 'Compute: the lifecycle of virtual machines' }",
  'description.zh-CN': 'zh-CN: 计算服务 (under description)',
  'description.en': "en: 'Compute: the lifecycle of virtual machines' (under description)",
  aliases: 'aliases: [Quantum, OpenStack Networking]',
  queryAliases: 'queryAliases: [Networking]',
  headingAliases: 'headingAliases: [网络]',
};

/** What to write for a release's field that is missing or wrong. */
const RELEASE_EXAMPLES: Readonly<Record<string, string>> = {
  id: 'id: icehouse (the name in lower case)',
  name: 'name: Icehouse',
  shorthand: 'shorthand: I版',
  released: 'released: 2014-04-17',
  milestones: 'milestones: [icehouse-1, icehouse-2, icehouse-3]',
  aliases: 'aliases: [Icehouse版]',
};

/** Parses and validates the project registry; throws a readable error naming file, entry and field. */
export function loadProjectRegistry(file: string): Project[] {
  const { entries, problems } = readProjectRegistry(file);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

/** The project registry with its problems; throws only when the file does not read as a list. */
function readProjectRegistry(file: string): Registry<Project> {
  const registry = loadRegistry(file, ProjectSchema, 'project', PROJECT_EXAMPLES);
  registry.problems.push(...headingNameProblems(registry));
  return registry;
}

/**
 * Names a heading could not tell apart: headings compare names ignoring case, width, spaces and
 * punctuation (`normalizeProjectKey`), so `OpenStack-Networking` on one project and `OpenStack
 * Networking` on another are one name, and a name of punctuation or symbols only is none.
 */
function headingNameProblems({ entries: projects, at, lineOf }: Pick<Registry<Project>, 'entries' | 'at' | 'lineOf'>): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { id: string; name: string; at: string }>();
  const clashing = new Set<string>();
  for (const project of projects) {
    const names: [name: string, path: (string | number)[]][] = [
      [project.id, ['id']],
      ...Object.entries(project.name).map(([locale, name]): [string, (string | number)[]] => [name, ['name', locale]]),
      ...project.aliases.map((alias, index): [string, (string | number)[]] => [alias, ['aliases', index]]),
      ...project.queryAliases.map((alias, index): [string, (string | number)[]] => [alias, ['queryAliases', index]]),
      ...project.headingAliases.map((alias, index): [string, (string | number)[]] => [alias, ['headingAliases', index]]),
    ];
    for (const [name, path] of names) {
      const key = normalizeProjectKey(name);
      const where = `${at(project, path)}: project ${project.id}, ${path.join('.')}`;
      if (!key) {
        problems.push(`${where}: "${name}" has no letter or digit, and headings ignore punctuation and symbols; remove it`);
        continue;
      }
      const owner = owners.get(key);
      // One problem per two projects: a name and the id it repeats are one mistake.
      if (owner && owner.id !== project.id && !clashing.has(`${owner.id}\0${project.id}`)) {
        clashing.add(`${owner.id}\0${project.id}`);
        problems.push(
          `${where}: "${name}" names both ${owner.id} (as "${owner.name}", ${owner.at}) and ${project.id}, since headings ignore case, spaces and punctuation; keep it on one`,
        );
      } else if (!owner) owners.set(key, { id: project.id, name, at: `${path.join('.')}, line ${lineOf(project, path)}` });
    }
  }
  return problems;
}

/** Parses and validates the release registry; shorthands must be unique too. */
export function loadReleaseRegistry(file: string): Release[] {
  const { entries, problems } = readReleaseRegistry(file);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

/** The release registry with its problems; throws only when the file does not read as a list. */
function readReleaseRegistry(file: string): Registry<Release> {
  const registry = loadRegistry(file, ReleaseSchema, 'release', RELEASE_EXAMPLES);
  const { entries, problems, at } = registry;
  const shorthands = new Map<string, string>();
  for (const release of entries) {
    if (!release.shorthand) continue;
    const claimed = shorthands.get(release.shorthand);
    if (claimed)
      problems.push(
        `${at(release, ['shorthand'])}: release ${release.id}, shorthand: ${release.shorthand} is already ${claimed}'s; keep it on one`,
      );
    shorthands.set(release.shorthand, release.id);
  }
  return registry;
}

/**
 * The names search could not read as one release or project (`conceptClashes`), each at the line
 * where it is written, with the line of the entry that claimed it first.
 */
function clashProblems(projects: Registry<Project>, releases: Registry<Release>, concepts: readonly SearchConcept[]): string[] {
  const where = (key: string, name: string) => {
    const [kind, id] = key.split(':');
    const fields = (entry: Project | Release): [string | undefined, (string | number)[]][] =>
      'kind' in entry
        ? [
            ...Object.entries(entry.name).map(([locale, text]): [string, (string | number)[]] => [text, ['name', locale]]),
            [entry.id, ['id']],
            ...entry.aliases.map((alias, index): [string, (string | number)[]] => [alias, ['aliases', index]]),
            ...entry.queryAliases.map((alias, index): [string, (string | number)[]] => [alias, ['queryAliases', index]]),
          ]
        : [
            [entry.name, ['name']],
            [entry.shorthand, ['shorthand']],
            [entry.id, ['id']],
            ...entry.aliases.map((alias, index): [string, (string | number)[]] => [alias, ['aliases', index]]),
            ...entry.milestones.map((milestone, index): [string, (string | number)[]] => [milestone, ['milestones', index]]),
          ];
    const registry = (kind === 'project' ? projects : releases) as Registry<Project | Release>;
    const entry = registry.entries.find((candidate) => candidate.id === id);
    if (!entry) return { at: registry.file, field: 'entry', kind, id };
    const path = fields(entry).find(([text]) => text !== undefined && nameKey(text) === nameKey(name))?.[1];
    return { at: registry.at(entry, path), field: path?.join('.') ?? 'entry', kind, id };
  };
  return conceptClashes(concepts).map((clash) => {
    const written = where(clash.key, clash.name);
    const said = describeClash(clash);
    if (!clash.claimedBy) return `${written.at}: ${written.kind} ${written.id}, ${written.field}: ${said}`;
    const first = where(clash.claimedBy, clash.name);
    return `${written.at}: ${written.kind} ${written.id}, ${written.field}: ${said.replace(clash.claimedBy, `${clash.claimedBy} (${first.field}, ${first.at})`)}`;
  });
}

/** Both registries and the names search knows from them. */
export interface Registries {
  projects: Project[];
  releases: Release[];
  /** The releases and projects search knows by name (`searchConcepts`), handed to the index with the records. */
  concepts: SearchConcept[];
}

/**
 * The registries as the content loaders read them: read once, and again (in dev) when either file
 * changes. A registry that does not read leaves its problems for the loaders to report, with the
 * file and line, as they report an issue's; the last good reading stays until it reads again.
 */
export interface RegistrySource {
  /** The registries as last read well; undefined when they never were. */
  current(): Registries | undefined;
  /** What stopped the last reading (none when it read well). */
  problems(): ContentProblem[];
  /** The registry files to watch. */
  files: readonly string[];
  /** Reads the registries again for a change, once however many loaders hear it. */
  reloadFor(change: string): void;
  /** Calls `listener` after each reading again, until the returned function is called. */
  onReload(listener: () => void): () => void;
}

export function registrySource(files = { projects: registryFile, releases: releasesFile }): RegistrySource {
  let current: Registries | undefined;
  let problems: ContentProblem[] = [];
  let lastChange: string | undefined;
  const listeners = new Set<() => void>();
  const read = () => {
    noteReading(files.projects);
    noteReading(files.releases);
    try {
      const projects = readProjectRegistry(files.projects);
      const releases = readReleaseRegistry(files.releases);
      const found = [...projects.problems, ...releases.problems];
      const concepts = [...projects.entries.map(projectConcept), ...releases.entries.map(releaseConcept)];
      // A name two entries claim, across both registries, stops here too, once each entry reads.
      if (found.length === 0) found.push(...clashProblems(projects, releases, concepts));
      if (found.length > 0) throw new Error(found.join('\n'));
      current = { projects: projects.entries, releases: releases.entries, concepts };
      problems = [];
    } catch (error) {
      problems = registryProblems((error as Error).message, files.projects);
    }
  };
  read();
  return {
    current: () => current,
    problems: () => problems,
    files: [files.projects, files.releases],
    reloadFor(change) {
      // Every loader hears a change in the same turn of the event loop; a later one, even to the same file, reads anew.
      if (change === lastChange) return;
      lastChange = change;
      setImmediate(() => {
        if (lastChange === change) lastChange = undefined;
      });
      read();
      for (const listener of listeners) listener();
    },
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A registry's error as content problems, one per line of it (`src/content/projects.yaml:68: …`).
 * @example registryProblems('src/content/projects.yaml:68: project nova, aliases: x', 'p.yaml')[0]?.line // 68
 */
export function registryProblems(message: string, fallbackFile: string): ContentProblem[] {
  return message.split('\n').map((text) => {
    // `file:line: …`, or `file, file: …` for a name both registries claim.
    const at = /^(\S+?\.yaml(?:, \S+?\.yaml)*)(?::(\d+))?: (.*)$/.exec(text);
    // Each message reads "what is wrong; how to fix it".
    const said = at?.[3] ?? text;
    const cut = said.lastIndexOf('; ');
    return {
      file: at?.[1] ?? displayPath(fallbackFile),
      ...(at?.[2] ? { line: Number(at[2]) } : {}),
      field: 'registry',
      message: cut < 0 ? said : said.slice(0, cut),
      fix: cut < 0 ? 'correct the registry as said' : said.slice(cut + 2),
    };
  });
}
