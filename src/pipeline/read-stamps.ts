/**
 * What a file was like when it was last read, by its stamp: its size, its modification and change
 * times to the nanosecond, and its inode. The dev server compares a file's stamp with the one its
 * read took to tell a read that caught a save half done (an editor empties a file, then writes it,
 * and the watcher may report only the first) from a read of the whole file.
 *
 * The issues folder's files keep their stamps with their results (`content-files.ts`); the data
 * files read beside them (the registries, the known moves and the link checks) note theirs here.
 */
import { statSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** What changes when a file is written. */
export const stampOf = ({ size, mtimeNs, ctimeNs, ino }: BigIntStats): string => `${size}:${mtimeNs}:${ctimeNs}:${ino}`;

const noted = new Map<string, string>();

/** Notes the stamp of a data file about to be read (a file that does not exist has none). */
export function noteReading(file: string): void {
  const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (stats) noted.set(path.resolve(file), stampOf(stats));
  else noted.delete(path.resolve(file));
}

/** Whether a data file has been written since its last read noted its stamp; undefined for a file never noted. */
export async function writtenSinceNoted(file: string): Promise<boolean | undefined> {
  // Taken before the wait: a read another loader starts meanwhile must not hide this one's answer.
  const before = noted.get(path.resolve(file));
  if (before === undefined) return undefined;
  const now = await stat(file, { bigint: true }).then(stampOf, () => undefined);
  return now !== undefined && now !== before;
}
