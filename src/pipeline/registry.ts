/** Reads the registries (projects, releases) once, with errors that name the file, entry and field. */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { ProjectSchema, type Project } from '../schemas/project.ts';
import { ReleaseSchema, type Release } from '../schemas/release.ts';
import { displayPath } from './paths.ts';

/** Parses a registry: a YAML list of entries with an `id`, each checked against `schema`. */
function loadRegistry<T extends { id: string }>(file: string, schema: z.ZodType<T>, noun: string): { entries: T[]; problems: string[] } {
  const listed: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(listed)) throw new Error(`${displayPath(file)}: expected a list of ${noun}s`);
  const problems: string[] = [];
  const entries = listed.flatMap((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) return [result.data];
    const name = (entry as { id?: unknown } | null)?.id ?? `#${index + 1}`;
    problems.push(
      ...result.error.issues.map(
        (issue) => `${displayPath(file)}: ${noun} ${String(name)}, ${issue.path.join('.') || 'entry'}: ${issue.message}`,
      ),
    );
    return [];
  });
  const ids = new Set<string>();
  for (const { id } of entries) {
    if (ids.has(id)) problems.push(`${displayPath(file)}: ${noun} id ${id} appears twice; keep one entry`);
    ids.add(id);
  }
  return { entries, problems };
}

/** Parses and validates the project registry; throws a readable error naming file, entry and field. */
export function loadProjectRegistry(file: string): Project[] {
  const { entries, problems } = loadRegistry(file, ProjectSchema, 'project');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

/** Parses and validates the release registry; shorthands must be unique too. */
export function loadReleaseRegistry(file: string): Release[] {
  const { entries, problems } = loadRegistry(file, ReleaseSchema, 'release');
  const shorthands = new Map<string, string>();
  for (const release of entries) {
    if (!release.shorthand) continue;
    const claimed = shorthands.get(release.shorthand);
    if (claimed)
      problems.push(`${displayPath(file)}: release ${release.id}, shorthand: ${release.shorthand} is already ${claimed}'s; keep it on one`);
    shorthands.set(release.shorthand, release.id);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}
