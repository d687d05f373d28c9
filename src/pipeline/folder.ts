/**
 * The issues folder's layout: issues in `zh-CN/NNNN.md`, translations in `<locale>/NNNN.md`, and
 * the link checks `link-health.yaml`.
 * Everything else in it is reported, never skipped in silence: a folder in the wrong case (as a
 * case-insensitive file system commits it), another folder, a stray file, an `.mdx` file, and a
 * file whose name is not its issue's number (the editor scripts find files by number). A symbolic
 * link is followed only within the folder: one leading out of it (to `/etc/passwd`, say) would
 * publish whatever it points at.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import { displayPath, isWithin, linkHealthFileName } from './paths.ts';
import type { ContentProblem } from './problems.ts';

/** An entry of the folder, a symbolic link taken for what it leads to. */
interface Entry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** A Markdown file the site reads, and the locale its folder stands for. */
export interface ContentFile {
  file: string;
  locale: Locale;
}

const ROLES = `issues go in ${defaultLocale}/, translations in ${localeCodes
  .filter((code) => code !== defaultLocale)
  .map((code) => `${code}/`)
  .join(', ')}`;

/** Lists the files the site reads, with a problem for every other entry of the folder (hidden files and editors' own aside). */
export async function listContentFiles(issuesDir: string): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const files: ContentFile[] = [];
  const report = (entry: string, field: string, message: string, fix: string) =>
    problems.push({ file: displayPath(path.join(issuesDir, entry)), field, message, fix });

  const root = await realpath(issuesDir).catch(() => path.resolve(issuesDir));
  /** What an entry is (a link, what it leads to), or nothing (with a problem) for a link leading out of the folder. */
  const within = async (entry: string, found: Dirent): Promise<Entry | undefined> => {
    if (!found.isSymbolicLink()) return { name: found.name, isDirectory: found.isDirectory(), isFile: found.isFile() };
    const target = await realpath(path.join(issuesDir, entry)).catch(() => undefined);
    if (!target || !isWithin(root, target)) {
      report(
        entry,
        'file name',
        `a symbolic link to ${target ?? 'a file that does not exist'}, outside the issues folder: not read, so nothing outside the folder is published`,
        'copy the file into the issues folder instead of linking to it',
      );
      return undefined;
    }
    const kind = await stat(target);
    return { name: found.name, isDirectory: kind.isDirectory(), isFile: kind.isFile() };
  };

  for (const listed of await visibleEntries(issuesDir)) {
    const entry = await within(listed.name, listed);
    if (!entry) continue;
    const locale = localeCodes.find((code) => code === entry.name);
    if (locale && entry.isDirectory) continue;
    // The link checks `npm run links` writes (read by `link-data.ts`).
    if (entry.name === linkHealthFileName && entry.isFile) continue;
    if (!entry.isDirectory) {
      report(entry.name, 'file name', `not read: ${ROLES}`, 'move it into the folder it belongs to, or out of the issues folder');
      continue;
    }
    const meant = localeCodes.find((code) => code.toLowerCase() === entry.name.toLowerCase());
    const count = await countFiles(path.join(issuesDir, entry.name));
    const unread = `its ${count === 1 ? 'file is' : `${count} files are`} not on the site`;
    if (meant) {
      report(
        entry.name,
        'folder',
        `the folder is named ${entry.name}/ but the site reads ${meant}/ (letter case matters), so ${unread}`,
        `rename it to ${meant} (on a case-insensitive file system in two steps: git mv ${entry.name} ${meant}.tmp && git mv ${meant}.tmp ${meant})`,
      );
    } else {
      report(
        entry.name,
        'folder',
        `${entry.name}/ is not a folder the site reads (${ROLES}), so ${unread}`,
        'move its files where they belong',
      );
    }
  }

  for (const locale of localeCodes) {
    const dir = path.join(issuesDir, locale);
    for (const listed of await visibleEntries(dir)) {
      const where = path.join(locale, listed.name);
      const entry = await within(where, listed);
      if (!entry) continue;
      if (entry.isDirectory) {
        report(where, 'folder', `folders inside ${locale}/ are not read`, `move its files up into ${locale}/, or out of the issues folder`);
      } else if (entry.name.endsWith('.md')) {
        files.push({ file: path.join(dir, entry.name), locale });
      } else if (entry.name.endsWith('.mdx')) {
        report(
          where,
          'file name',
          'not a Markdown issue file',
          "issues are Markdown: rename it to .md (MDX runs code at build time and is for maintainers' pages only)",
        );
      } else {
        report(where, 'file name', 'not a Markdown issue file', 'rename it to NNNN.md or move it out of the issues folder');
      }
    }
  }
  return { files, problems };
}

/**
 * The name a file holding issue `number` must have.
 * @example issueFileName(8) // '0008.md'
 */
export function issueFileName(number: number): string {
  return `${String(number).padStart(4, '0')}.md`;
}

/**
 * The issue number a file's name gives (`0008.md` → 8), for a file whose front matter gives none.
 * @example numberOfFileName('zh-CN/0008.md') // 8
 */
export function numberOfFileName(file: string): number | undefined {
  const name = /^(\d+)\.md$/.exec(path.basename(file))?.[1];
  return name && Number(name) > 0 && issueFileName(Number(name)) === path.basename(file) ? Number(name) : undefined;
}

/** A problem when a file's name is not its issue's number. */
export function checkFileName(file: string, number: number, line: number): ContentProblem | undefined {
  const expected = issueFileName(number);
  const name = path.basename(file);
  if (name === expected) return undefined;
  return {
    file,
    line,
    field: 'file name',
    message: `the file holds issue ${number} but is named ${name}; the editor scripts find an issue's files by its number`,
    fix: `rename it to ${expected} (or correct number)`,
  };
}

/**
 * Files that are nobody's content: hidden ones (`.DS_Store`, Vim's `.0009.md.swp`) and the copies
 * editors keep beside the file being edited (`0009.md~`, Emacs's `#0009.md#`, and the new text and
 * the old that JetBrains IDEs' safe write keeps for a moment, `0009.md___jb_tmp___` and
 * `0009.md___jb_old___`), which would otherwise stop `npm run dev` whenever an editor saves.
 */
const NOT_CONTENT = /^\.|~$|^#.*#$|___jb_(?:tmp|old)___$/;

/**
 * Vim, before writing a file in place, checks it may create one in the folder: `4913`, or
 * `5036`, `5159`… (123 on each time) while that name is taken. Created and deleted at once.
 */
const isVimProbe = (name: string) => /^\d{4,}$/.test(name) && Number(name) >= 4913 && (Number(name) - 4913) % 123 === 0;

/** True for a name in the issues folder that is nobody's content (see `NOT_CONTENT`): its changes change nothing. */
export function isNotContent(name: string): boolean {
  return NOT_CONTENT.test(name) || isVimProbe(name);
}

async function visibleEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !isNotContent(entry.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && !isNotContent(entry.name)).length;
}
