/** Reads the registries (projects, releases) once, with errors that name the file, entry and field. */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { ProjectSchema, type Project } from '../schemas/project.ts';
import { ReleaseSchema, type Release } from '../schemas/release.ts';
import { displayPath } from './paths.ts';
import { isYamlDataError, offsetOf, yamlData } from './yaml-data.ts';

/**
 * Parses a registry: a YAML list of entries with an `id`, each checked against `schema`. Every
 * problem starts with `file:line:` and names the entry and field; each entry keeps its line.
 */
function loadRegistry<T extends { id: string }>(
  file: string,
  schema: z.ZodType<T>,
  noun: string,
): { entries: T[]; problems: string[]; at(entry: T): string } {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => `${displayPath(file)}:${offset === undefined ? 1 : lineCounter.linePos(offset).line}`;
  const [error] = document.errors;
  if (error) throw new Error(`${at(error.pos[0])}: broken YAML: ${error.message.split('\n')[0]}; correct the YAML`);
  const built = yamlData(document);
  if (isYamlDataError(built)) throw new Error(`${at(built.offset)}: ${built.message}; ${built.fix}`);
  const listed = built.data;
  if (!Array.isArray(listed)) throw new Error(`${at(undefined)}: expected a list of ${noun}s; write one "- " entry per ${noun}`);
  const problems: string[] = [];
  const lines = new Map<T, string>();
  const entries = listed.flatMap((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) {
      lines.set(result.data, at(offsetOf(document, [index])));
      return [result.data];
    }
    const name = (entry as { id?: unknown } | null)?.id ?? `#${index + 1}`;
    problems.push(
      ...result.error.issues.map(
        (issue) =>
          `${at(offsetOf(document, [index, ...issue.path]))}: ${noun} ${String(name)}, ${issue.path.join('.') || 'entry'}: ${issue.message}`,
      ),
    );
    return [];
  });
  const entryAt = (entry: T) => lines.get(entry) ?? at(undefined);
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`${entryAt(entry)}: ${noun} id ${entry.id} appears twice; keep one entry`);
    ids.add(entry.id);
  }
  return { entries, problems, at: entryAt };
}

/** Parses and validates the project registry; throws a readable error naming file, entry and field. */
export function loadProjectRegistry(file: string): Project[] {
  const { entries, problems } = loadRegistry(file, ProjectSchema, 'project');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

/** Parses and validates the release registry; shorthands must be unique too. */
export function loadReleaseRegistry(file: string): Release[] {
  const { entries, problems, at } = loadRegistry(file, ReleaseSchema, 'release');
  const shorthands = new Map<string, string>();
  for (const release of entries) {
    if (!release.shorthand) continue;
    const claimed = shorthands.get(release.shorthand);
    if (claimed)
      problems.push(`${at(release)}: release ${release.id}, shorthand: ${release.shorthand} is already ${claimed}'s; keep it on one`);
    shorthands.set(release.shorthand, release.id);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}
