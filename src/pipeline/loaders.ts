/**
 * Content loaders for the project registry, the issues and their translations. Issues and
 * translations are read through one shared pass (`content-files.ts`): every file read, validated,
 * split and rendered once. Nothing is handed over until the whole folder is valid, so a build fails
 * with every problem listed (file, line, field, fix) rather than the first one Astro meets; in dev
 * the problems go to the page being viewed (Astro's error overlay) and the terminal, and the server
 * keeps running until the file is fixed.
 *
 * Entries keep what pages, feeds and search need (front matter, each part's HTML and text,
 * staleness) and go to the content hub, which hands them to the pages in this process; the issues
 * loader also hands over the search records made from them. Stale translations are a warning.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { createArchive } from '../lib/archive.ts';
import {
  contentMode,
  publishCollection,
  publishSearchRecords,
  replaceWatching,
  reportProblems,
  trackRead,
  type StoredEntry,
} from './content-hub.ts';
import { loadContentFiles, publishedContent, toEntries, writtenSinceRead, type LoadedContent } from './content-files.ts';
import { linkMovesFile, publicDir, toSiteUrl } from './paths.ts';
import { isNotContent } from './folder.ts';
import { onFolderReplaced } from './folder-watch.ts';
import { localeCodes } from '../i18n/locales.ts';
import { formatProblems } from './problems.ts';
import type { Registries, RegistrySource } from './registry.ts';
import { searchRecordsOf } from './search-records.ts';

interface Options {
  issuesDir: string;
  /** The project and release registries, read again in dev when they change. */
  registries: RegistrySource;
}

interface Entry {
  id: string;
  /** The file, as messages name it. */
  file: string;
  data: Record<string, unknown>;
}

/** A registry (projects, releases), by id; in dev, published again when the registries change. */
export function registryLoader(
  name: string,
  registries: RegistrySource,
  entriesOf: (read: Registries) => readonly { id: string }[],
): Loader {
  return {
    name,
    load: async ({ collection, store, watcher }) => {
      store.clear();
      // Its problems are reported by the issues' loaders, with every other content problem.
      const publish = () => {
        const read = registries.current();
        if (read)
          publishCollection(
            collection,
            entriesOf(read).map((entry) => ({ id: entry.id, data: entry })),
          );
      };
      publish();
      if (!watcher) return;
      const onChange = (event: string, changed: string) => {
        if (registries.files.includes(changed)) registries.reloadFor(`${event}\0${changed}`);
      };
      // Whichever loader reads the registries again (this one, or the issues' loaders reading
      // again a registry their read caught half saved), the collection is published anew.
      const stopPublishing = registries.onReload(publish);
      watcher.add([...registries.files]);
      watcher.on('all', onChange);
      replaceWatching(name, () => {
        watcher.off('all', onChange);
        stopPublishing();
      });
    },
  };
}

/** The Chinese issues, by number; hands the archive's search records to the index. */
export function issuesLoader(options: Options): Loader {
  return folderLoader('digest-issues', options, (content, _context, registries) => {
    const { issues, translations } = toEntries(content);
    publishSearchRecords(() => ({
      records: searchRecordsOf(createArchive(issues, translations), registries.projects),
      concepts: [...registries.concepts],
    }));
    return content.issues.map((issue, index) => ({ id: String(issue.data.number), file: issue.file, data: issues[index] ?? {} }));
  });
}

/** Translations, by `<locale>/<number>`; stale ones are logged, in dev each once until it is fresh again. */
export function translationsLoader(options: Options): Loader {
  let warned = new Set<string>();
  return folderLoader('digest-translations', options, (content, { logger }) => {
    const stale = new Set(content.stale.map(({ file }) => file));
    const unsaid = content.stale.filter(({ file }) => !warned.has(file));
    warned = stale;
    for (const { file, number, issueFile, differences = [] } of unsaid) {
      const sections = differences.length ? `; its sections differ from the issue's now (npm run check lists how)` : '';
      logger.warn(
        `${file} translates an older version of issue ${number} (${issueFile} changed since); its page says it may be out of date${sections}`,
      );
    }
    const { translations } = toEntries(content);
    return content.translations.map((translation, index) => ({
      id: `${translation.locale}/${translation.data.number}`,
      file: translation.file,
      data: translations[index] ?? {},
    }));
  });
}

let readingForChange: { change: string; reading: Promise<LoadedContent> } | undefined;

/**
 * The issues and translations loaders both hear every change to the folder, one after the other
 * in the same turn of the event loop: the second takes the first one's read instead of reading
 * every file again. A later change, even to the same file, reads anew.
 */
function readForChange(change: string | undefined, read: () => Promise<LoadedContent>): Promise<LoadedContent> {
  if (change === undefined) return read();
  if (readingForChange?.change === change) return readingForChange.reading;
  const reading = read();
  readingForChange = { change, reading };
  setImmediate(() => {
    if (readingForChange?.reading === reading) readingForChange = undefined;
  });
  return reading;
}

/** How long after a change the changed file is checked again for a save the read did not see whole. */
const SETTLE_MS = 150;

function folderLoader(
  name: string,
  options: Options,
  entriesOf: (content: LoadedContent, context: LoaderContext, registries: Registries) => Entry[],
): Loader {
  return {
    name,
    async load(context) {
      const { collection, store, config, watcher, logger } = context;
      const site = toSiteUrl(config.site ?? 'http://localhost/');
      // Astro's own store is not used: an earlier build's entries there would only be read back for nothing.
      store.clear();
      // A save often comes as two changes (the file emptied, then written): the read of the first is
      // dropped once a later one is under way, so open pages reload once, onto the saved text. (A
      // reload sent while a page is still reloading from the one before would be lost.)
      let latest = 0;
      const sync = async (change?: string) => {
        const generation = ++latest;
        if (change !== undefined && options.registries.files.includes(change.slice(change.indexOf('\0') + 1))) {
          options.registries.reloadFor(change);
        }
        const registries = options.registries.current();
        // Every issue's headings and projects resolve against the registries: none is read without them.
        const content =
          registries && options.registries.problems().length === 0
            ? await readForChange(change, () =>
                loadContentFiles(options.issuesDir, { registry: registries.projects, site }, { fresh: change !== undefined }),
              )
            : undefined;
        if (generation !== latest) return;
        const problems = content?.problems ?? options.registries.problems();
        const firstToReport = reportProblems(name, problems);
        if (!content || !registries || problems.length > 0) {
          const report = formatProblems(problems);
          if (contentMode() === 'build') {
            const problem = new AstroError(report, 'Fix the files named above; `npm run check` lists the same problems.');
            // The problems are the editor's, in their files: Astro would print this module's frames under them.
            problem.stack = '';
            throw problem;
          }
          // Dev: the pages show the problems until the files are fixed.
          if (firstToReport) logger.error(report);
          return;
        }
        // Drafts are shown while editing, never built.
        const shown = contentMode() === 'build' ? publishedContent(content) : content;
        publishCollection(collection, entriesOf(shown, context, registries).map(toStoredEntry));
      };
      await sync();
      if (!watcher) return;
      const folder = path.resolve(options.issuesDir);
      const onChange = (event: string, changed: string) => {
        if (!changesContent(changed, folder, options.registries.files)) return;
        const log = (error: Error) => logger.error(error.message);
        const read = sync(`${event}\0${changed}`);
        trackRead(read.catch(log));
        // Should the read have caught the file half saved, and the watcher not report the rest of
        // the save, the file is read again once it has settled: no edit is left unread.
        void read
          .catch(() => undefined)
          .then(() => new Promise((resolve) => setTimeout(resolve, SETTLE_MS)))
          .then(() => writtenSinceRead(changed))
          .then((written) => {
            if (written) trackRead(sync(`settled\0${changed}`).catch(log));
          }, log);
      };
      watcher.add([options.issuesDir, linkMovesFile, publicDir, ...options.registries.files]);
      watcher.on('all', onChange);
      // The folder removed and made again: what the watcher held of it goes, and it is read as it is now.
      const watched = [folder, ...localeCodes.map((code) => path.join(folder, code))];
      const stopFollowing = onFolderReplaced(folder, () => {
        watcher.unwatch(watched);
        watcher.add(watched);
        onChange('addDir', folder);
      });
      replaceWatching(name, () => {
        watcher.off('all', onChange);
        stopFollowing();
      });
    },
  };
}

/**
 * Whether a change the dev server's watcher reports on the absolute path `changed` can
 * change what the issues folder at `folder` reads as: a file of the folder (not an editor's swap
 * file or backup copy, which would only reload the open page), the known moves of outside links,
 * a registry, or a file of `public/` but an editor's swap file or backup copy (a link to
 * `/images/a.png` is checked against what `public/` holds, and its SVG images against scripts;
 * the read reloads open pages, which then show an image saved again as it is now).
 */
export function changesContent(changed: string, folder: string, registries: readonly string[]): boolean {
  if (changed === linkMovesFile || registries.includes(changed)) return true;
  const inside = (dir: string) => {
    const relative = path.relative(dir, changed);
    return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
  };
  const inFolder = inside(folder);
  if (inFolder !== undefined) return !inFolder.split(path.sep).some(isNotContent);
  // Its hidden folders are published (`.well-known/`): only an editor's own files are left out.
  return inside(publicDir) !== undefined && !isNotContent(path.basename(changed));
}

function toStoredEntry({ id, file, data }: Entry): StoredEntry {
  // Astro names files inside the project only; an outside DIGEST_CONTENT_DIR has none.
  return path.isAbsolute(file) ? { id, data } : { id, data, filePath: file };
}
