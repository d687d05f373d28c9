/**
 * The dev server's watch on the issues folder kept when the folder itself is removed and made
 * again (`rm -rf` then a copy, a checkout that replaces it). Vite's watcher (chokidar 3) stops
 * watching a folder it was given once that folder is removed, and one made again at its path is
 * never watched: the server would go on showing the folder as it was, deaf to every later edit.
 * The folder's parent is watched for its name alone (not its other entries), and the folder
 * watched again whenever something is made or removed at that name.
 */
import { watch } from 'node:fs';
import path from 'node:path';

/** How long after the last change at the folder's name it is watched again: a copy makes it, then fills it. */
const SETTLE_MS = 100;

/**
 * Calls `replaced` once things settle after `folder` is removed or made at its path; returns what stops it.
 */
export function onFolderReplaced(folder: string, replaced: () => void): () => void {
  const name = path.basename(folder);
  let pending: ReturnType<typeof setTimeout> | undefined;
  let parent: ReturnType<typeof watch>;
  try {
    parent = watch(path.dirname(folder), { persistent: false }, (_event, changed) => {
      if (changed !== name) return;
      clearTimeout(pending);
      pending = setTimeout(replaced, SETTLE_MS);
    });
  } catch {
    // A parent that cannot be watched (gone, not readable): the folder is watched as before.
    return () => undefined;
  }
  parent.on('error', () => parent.close());
  return () => {
    clearTimeout(pending);
    parent.close();
  };
}
