/**
 * Reads the data files about outside links that builds use offline: the known moves
 * (`src/content/link-moves.yaml`) and the last checks (`link-health.yaml` in the issues folder,
 * written by `npm run links`). Either may be absent; a broken entry is a content problem naming
 * the file, the line, the field and the fix.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { compileMove, findShadowingMove, isCompiledMove, type CompiledMove } from '../lib/link-moves.ts';
import type { LinkRules } from '../lib/outside-links.ts';
import { LinkCheckSchema, LinkMoveSchema, type LinkCheck } from '../schemas/links.ts';
import { displayPath, isWithin, linkHealthFileName, linkMovesFile } from './paths.ts';
import { noteReading } from './read-stamps.ts';
import { isYamlDataError, yamlData } from './yaml-data.ts';
import type { ContentProblem } from './problems.ts';

/** The last checks of an issues folder's outside links. */
export function linkHealthFile(issuesDir: string): string {
  return path.join(issuesDir, linkHealthFileName);
}

export interface LinkData {
  rules: LinkRules;
  problems: ContentProblem[];
  /** The two files' text: results rendered with these rules depend on it. */
  digest: string;
}

/** Reads and checks both files. */
export async function readLinkData(issuesDir: string, movesFile = linkMovesFile): Promise<LinkData> {
  const healthFile = linkHealthFile(issuesDir);
  noteReading(movesFile);
  noteReading(healthFile);
  const [movesText, healthText] = await Promise.all([readOptional(movesFile), readWithin(healthFile, issuesDir)]);
  const problems: ContentProblem[] = [];
  const lines = new Map<CompiledMove, number>();
  const moves = readEntries(movesFile, movesText, LinkMoveSchema, problems).flatMap(({ value, line }): CompiledMove[] => {
    const compiled = compileMove(value);
    if (isCompiledMove(compiled)) {
      lines.set(compiled, line);
      return [compiled];
    }
    problems.push({ file: displayPath(movesFile), line, field: 'from', message: compiled.error, fix: 'correct the patterns' });
    return [];
  });
  moves.forEach((move, index) => {
    const earlier = findShadowingMove(moves, index);
    if (!earlier) return;
    problems.push({
      file: displayPath(movesFile),
      line: lines.get(move) ?? 1,
      field: 'from',
      message: `never applies: the entry at line ${lines.get(earlier) ?? 1} (${earlier.from}) comes first and matches every address it names`,
      fix: 'put the narrower entry first, or remove it',
    });
  });
  const checks = new Map<string, LinkCheck>();
  for (const { value: written, line } of readEntries(healthFile, healthText, LinkCheckSchema, problems)) {
    // As pages link it (an editor may copy it as the text writes it: `https://例子.example/页面`, `HTTP://Host/`).
    const value = { ...written, address: new URL(written.address).href };
    if (checks.has(value.address)) {
      problems.push({
        file: displayPath(healthFile),
        line,
        field: 'address',
        message: `${value.address} is listed twice`,
        fix: 'keep one entry per address (npm run links rewrites the file sorted, one entry each)',
      });
    }
    checks.set(value.address, value);
  }
  return { rules: { moves, checks }, problems, digest: `${movesText ?? ''}\0${healthText ?? ''}` };
}

/**
 * A file of the issues folder, unless it is a symbolic link leading out of the folder: the folder's
 * listing reports that link (`folder.ts`), and what it leads to is not read.
 */
async function readWithin(file: string, folder: string): Promise<string | undefined> {
  const [target, root] = await Promise.all([realpath(file).catch(() => undefined), realpath(folder).catch(() => folder)]);
  if (target !== undefined && !isWithin(root, target)) return undefined;
  return readOptional(file);
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    // ENOTDIR: the issues folder named is a file (DIGEST_CONTENT_DIR set to an issue's path), which the folder's read reports.
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}

/** The valid entries of a YAML list, each with its line; every invalid one becomes a problem. */
function readEntries<S extends z.ZodType>(
  file: string,
  text: string | undefined,
  schema: S,
  problems: ContentProblem[],
): { value: z.infer<S>; line: number }[] {
  if (text === undefined) return [];
  const shown = displayPath(file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const [error] = document.errors;
  if (error) {
    problems.push({
      file: shown,
      line: lineAt(error.pos[0]),
      field: 'file',
      message: `broken YAML: ${error.message.split('\n')[0]}`,
      fix: 'correct the YAML',
    });
    return [];
  }
  const built = yamlData(document);
  if (isYamlDataError(built)) {
    problems.push({ file: shown, line: lineAt(built.offset), field: 'file', message: built.message, fix: built.fix });
    return [];
  }
  const entries = built.data;
  if (entries === null || entries === undefined) return [];
  if (!Array.isArray(entries)) {
    problems.push({ file: shown, line: 1, field: 'file', message: 'expected a list of entries', fix: 'write one "- " entry per item' });
    return [];
  }
  return entries.flatMap((entry, index) => {
    const lineOf = (key?: PropertyKey) => {
      const node = document.getIn(key === undefined ? [index] : [index, key], true) ?? document.getIn([index], true);
      return lineAt((node as { range?: [number] } | undefined)?.range?.[0]);
    };
    const result = schema.safeParse(entry);
    if (result.success) return [{ value: result.data as z.infer<S>, line: lineOf() }];
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.') || 'entry';
      const [message, fix] = issue.message.split('; ');
      problems.push({ file: shown, line: lineOf(issue.path[0]), field, message: message ?? issue.message, fix: fix ?? `correct ${field}` });
    }
    return [];
  });
}
