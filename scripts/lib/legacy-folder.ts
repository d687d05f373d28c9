/**
 * The files of a folder of legacy posts, as Jekyll read its `_posts`: subfolders included, every
 * Markdown extension it renders. Any other file is listed apart, so the importer names it instead
 * of passing over a post it cannot read (one saved as `.html`, say).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Jekyll's Markdown extensions (its `markdown_ext` default), and `.txt` as some editors saved posts. */
export const LEGACY_EXTENSIONS = ['md', 'markdown', 'mkdown', 'mkdn', 'mkd', 'txt'] as const;
/** Names Jekyll passes over: hidden and special (`.git`, `_drafts`), and editors' backups and autosaves (`x.md~`, `#x.md#`). */
const PASSED_OVER = /^[._#~]|~$/;
const POST = new RegExp(`\\.(${LEGACY_EXTENSIONS.join('|')})$`, 'i');

export interface LegacyFolder {
  /** Paths of the posts relative to the folder, `/`-separated, sorted. */
  posts: string[];
  /** Every other file Jekyll would have read, the same way. */
  others: string[];
}

/** Lists a folder of legacy posts and its subfolders, passing over what Jekyll passes over. */
export async function listLegacyFolder(dir: string): Promise<LegacyFolder> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => PASSED_OVER.test(part)))
    .sort();
  return { posts: files.filter((file) => POST.test(file)), others: files.filter((file) => !POST.test(file)) };
}
