/**
 * The content the loaders made, handed over in the process that made it: to the pages (Astro's
 * content store module is served from here, `integrations/content-hub.ts`), to the search index
 * (`integrations/pagefind.ts`) and to the dev server, which reloads what changed. Nothing is
 * serialized on the way: Astro's own store would write every rendered issue to disk as one file
 * and read it back as a JavaScript module, on every build and after every edit in dev.
 *
 * Astro loads its configuration, the content configuration and the pages as separate module
 * graphs in one process, so each has its own copy of this module; they meet in one object kept on
 * `globalThis`.
 */
import { formatProblems, type ContentProblem } from './problems.ts';
import type { SearchHandoff } from './search-records.ts';

/** An entry as Astro's content store holds it (`DataEntry` in `astro/dist/content/data-store`). */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  /** The file, relative to the project, for Astro's messages; absent for files outside it. */
  filePath?: string;
}

/**
 * What the content is for: `dev` shows drafts and keeps serving the last good content beside
 * the problems of the files being edited; `build` (also `astro sync` and `astro check`) leaves
 * drafts out and fails on any problem.
 */
export type ContentMode = 'dev' | 'build';

/** What changed when the hub notifies. */
export type ContentChange = 'entries' | 'records' | 'problems';

interface Hub {
  mode: ContentMode;
  collections: Map<string, Map<string, StoredEntry>>;
  /** Made when first asked for: in dev, an edit's page reload goes before the search records. */
  records: (() => SearchHandoff) | undefined;
  /** Problems found by the last read, by the loader that read them. */
  problems: Map<string, ContentProblem[]>;
  /** Counts changes, so readers can tell a new state from the one they hold. */
  version: number;
  listeners: Set<(change: ContentChange) => void>;
  /** What stops each loader's file watching, so a reloaded content configuration does not watch twice. */
  watching: Map<string, () => void>;
  /** Reads under way after a change to the folder. */
  reading: Set<Promise<unknown>>;
}

const HUB = Symbol.for('openstack-digest.content-hub');

function hub(): Hub {
  const global = globalThis as typeof globalThis & { [HUB]?: Hub };
  global[HUB] ??= {
    mode: 'build',
    collections: new Map(),
    records: undefined,
    problems: new Map(),
    version: 0,
    listeners: new Set(),
    watching: new Map(),
    reading: new Set(),
  };
  return global[HUB];
}

function changed(change: ContentChange): void {
  const state = hub();
  state.version += 1;
  for (const listener of state.listeners) listener(change);
}

/** Set by the integration from Astro's command, before any loader runs. */
export function setContentMode(mode: ContentMode): void {
  hub().mode = mode;
}

export function contentMode(): ContentMode {
  return hub().mode;
}

/** Replaces a collection's entries. */
export function publishCollection(name: string, entries: readonly StoredEntry[]): void {
  hub().collections.set(name, new Map(entries.map((entry) => [entry.id, entry])));
  changed('entries');
}

/**
 * Replaces the search records of the archive (and the names search knows) with those `make`
 * returns, made once when first asked for.
 */
export function publishSearchRecords(make: () => SearchHandoff): void {
  let made: SearchHandoff | undefined;
  hub().records = () => (made ??= make());
  changed('records');
}

/** The search records and the names search knows, once the issues loader has made them. */
export function searchRecords(): SearchHandoff | undefined {
  return hub().records?.();
}

/**
 * Records what a loader's last read found wrong (none clears it); true when another loader has not
 * reported the same already (the loaders read one folder: the terminal shows its problems once).
 */
export function reportProblems(loader: string, problems: readonly ContentProblem[]): boolean {
  const state = hub();
  const report = JSON.stringify(problems);
  const known = [...state.problems].some(([other, found]) => other !== loader && JSON.stringify(found) === report);
  const before = state.problems.get(loader)?.length ?? 0;
  if (problems.length === 0) state.problems.delete(loader);
  else state.problems.set(loader, [...problems]);
  if (before > 0 || problems.length > 0) changed('problems');
  return !known;
}

/** Every problem the loaders found, each once (the loaders read the same folder). */
export function contentProblems(): ContentProblem[] {
  const seen = new Set<string>();
  return [...hub().problems.values()].flat().filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The problems, as the error pages and the terminal show them; undefined when there are none. */
export function problemReport(): string | undefined {
  const problems = contentProblems();
  return problems.length > 0 ? formatProblems(problems) : undefined;
}

/** The collections as Astro's runtime reads its store: collection → id → entry. */
export function storedCollections(): Map<string, Map<string, StoredEntry>> {
  return hub().collections;
}

/** The property of a content-problem error that holds the version of the content it reports. */
export const CONTENT_VERSION_SHOWN = 'contentVersionShown';

export function contentVersion(): number {
  return hub().version;
}

/** Calls `listener` on every change until the returned function is called. */
export function onContentChange(listener: (change: ContentChange) => void): () => void {
  const { listeners } = hub();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps one watching per loader: stops the one a previous load of the content configuration started. */
export function replaceWatching(loader: string, stop: () => void): void {
  const { watching } = hub();
  watching.get(loader)?.();
  watching.set(loader, stop);
}

/** Notes a read of the folder under way after a change, until it is done. */
export function trackRead(read: Promise<unknown>): void {
  const { reading } = hub();
  reading.add(read);
  void read.finally(() => reading.delete(read)).catch(() => undefined);
}

/** Resolves once no read is under way: what a page renders then is the folder as last saved. */
export async function contentSettled(): Promise<void> {
  const { reading } = hub();
  while (reading.size > 0) await Promise.allSettled([...reading]);
}
