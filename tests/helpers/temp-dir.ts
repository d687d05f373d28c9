/** Scratch folders for tests, removed once the test file is done (see `temp-dir-cleanup.ts`). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder under the system's temp folder, named `digest-<label>-…`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `digest-${label}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
