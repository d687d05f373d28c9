/** Reads the project registry once, with errors that name the entry and field. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ProjectSchema, type Project } from '../schemas/project.ts';
import { displayPath } from './paths.ts';

/** Parses and validates the registry file; throws a readable error naming file, entry and field. */
export function loadProjectRegistry(file: string): Project[] {
  const entries: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${displayPath(file)}: expected a list of projects`);
  const problems: string[] = [];
  const projects = entries.flatMap((entry, index) => {
    const result = ProjectSchema.safeParse(entry);
    if (result.success) return [result.data];
    const name = (entry as { id?: unknown } | null)?.id ?? `#${index + 1}`;
    problems.push(
      ...result.error.issues.map(
        (issue) => `${displayPath(file)}: project ${String(name)}, ${issue.path.join('.') || 'entry'}: ${issue.message}`,
      ),
    );
    return [];
  });
  const ids = new Set<string>();
  for (const project of projects) {
    if (ids.has(project.id)) problems.push(`${displayPath(file)}: project id ${project.id} appears twice; keep one entry`);
    ids.add(project.id);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return projects;
}
