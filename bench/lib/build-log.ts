/**
 * Reads the figures Astro, our search index and Starlight's Pagefind step print during a build:
 * where the time of a build went. Pure: takes the log text (without colours).
 */
import type { BuildLogFigures } from './results.ts';

/**
 * A duration as Astro prints it (`850ms`, `22.89s`, `1m 5s`) in milliseconds.
 * @example parseDuration('1m 5s') // 65000
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m\s*(\d+)s|(\d+(?:\.\d+)?)\s*(ms|s))$/.exec(text.trim());
  if (!match) return undefined;
  if (match[1] !== undefined) return (Number(match[1]) * 60 + Number(match[2])) * 1000;
  return Math.round(Number(match[3]) * (match[4] === 's' ? 1000 : 1));
}

const DURATION = String.raw`(\d+m\s*\d+s|\d+(?:\.\d+)?\s*(?:ms|s))`;
const SYNC = new RegExp(String.raw`\[types\] Generated ${DURATION}`);
const PAGES = new RegExp(String.raw`\[build\] (\d+) page\(s\) built in ${DURATION}`);
const OUR_INDEX = /\[digest-pagefind\] indexed (\d+) records in (\d+) ms/;
const PEER_INDEX = new RegExp(String.raw`\[starlight:pagefind\] Finished building search index in ${DURATION}`);
const PEER_FILES = /\[starlight:pagefind\] Found (\d+) HTML files/;
/** The copies are made while pages render; what counts is how long the build waited for them after. */
const PRECOMPRESS = /\[digest-hosting\] precompressed (\d+) files .* done (\d+) ms after the last page/;
const COMPLETED = new RegExp(String.raw`✓ Completed in ${DURATION}`);

/** The figures of one build's log; absent ones are left out. */
export function parseBuildLog(log: string): BuildLogFigures {
  const lines = log.split('\n');
  const figures: BuildLogFigures = { waitedForIndex: /Waiting for integration "(digest-pagefind|@astrojs\/starlight)"/.test(log) };
  const set = (
    key: 'syncMs' | 'renderMs' | 'indexMs' | 'indexed' | 'precompressMs' | 'pagesBuilt' | 'astroTotalMs',
    value: number | undefined,
  ) => {
    if (value !== undefined && Number.isFinite(value)) figures[key] = value;
  };
  let rendering = false;
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = SYNC.exec(line))) set('syncMs', parseDuration(match[1] ?? ''));
    if ((match = PAGES.exec(line))) {
      set('pagesBuilt', Number(match[1]));
      set('astroTotalMs', parseDuration(match[2] ?? ''));
    }
    if ((match = OUR_INDEX.exec(line))) {
      set('indexed', Number(match[1]));
      set('indexMs', Number(match[2]));
    }
    if ((match = PRECOMPRESS.exec(line))) set('precompressMs', Number(match[2]));
    if ((match = PEER_INDEX.exec(line))) set('indexMs', parseDuration(match[1] ?? ''));
    if ((match = PEER_FILES.exec(line))) set('indexed', Number(match[1]));
    // Page rendering: the first "✓ Completed in" without a [tag] after the "generating static routes" banner.
    if (line.includes('generating static routes')) rendering = true;
    else if (rendering && !line.includes('[build]') && (match = COMPLETED.exec(line))) {
      set('renderMs', parseDuration(match[1] ?? ''));
      rendering = false;
    }
  }
  return figures;
}
