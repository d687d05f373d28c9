/** The files of a built site, for tests that walk all of it. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every HTML page under `dir`, as absolute paths. */
export function htmlFiles(dir: string): string[] {
  return siteFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}
