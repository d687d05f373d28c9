/**
 * The benchmark's command line: `npm run bench [-- --sizes corpus,1000,5000] [--runs 3] [--no-peer]
 * [--out <dir>] [--keep] [--network-only]`.
 */
import { parseArgs } from 'node:util';

/** An archive to measure: the real one (`../shared/corpus`, imported) or a synthetic one of N issues. */
export type SizeSpec = 'corpus' | number;

export interface BenchOptions {
  sizes: SizeSpec[];
  /** Clean builds per archive (and of the peer). */
  runs: number;
  /** Whether to build the peer (Starlight) beside the synthetic archive of `peerIssues` issues. */
  peer: boolean;
  /** Folder the report and results go to. */
  outDir: string;
  /** Keep the work folder (archives and built sites) instead of deleting it. */
  keep: boolean;
  /**
   * Measure only the phone's network, ours beside the peer (one build of each, nothing else):
   * for trying a change to what pages fetch without the hour of a full run. Always partial.
   */
  networkOnly: boolean;
}

/** The full benchmark: only a run with these settings writes the committed report. */
export const defaultSizes: readonly SizeSpec[] = ['corpus', 1000, 5000];
export const defaultRuns = 3;
/**
 * Browser runs per measure (each cold query of the search cost, each phone network condition,
 * ours and the peer alike) for `runs` clean builds: 5 for 3. A browser run takes seconds where a
 * build takes minutes, and its figures spread wider between runs than a build's time does (the
 * min–max beside each median in bench/REPORT.md), so their medians need more runs.
 * @example browserRuns(3) // 5
 * @example browserRuns(1) // 1
 */
export const browserRuns = (runs: number): number => 2 * runs - 1;
/** Size of the synthetic archive the peer builds and the budgets are checked at. */
export const peerIssues = 1000;
/** Where a full run writes (committed), and where a partial run writes (ignored by git). */
export const fullOutDir = 'bench';
export const partialOutDir = 'bench/out';

export const usage = 'usage: npm run bench [-- --sizes corpus,1000,5000] [--runs 3] [--no-peer] [--out <dir>] [--keep] [--network-only]';

/**
 * Parses `--sizes`, e.g. `corpus,1000`; throws on anything else.
 * @example parseSizes('corpus,1000') // ['corpus', 1000]
 */
export function parseSizes(text: string): SizeSpec[] {
  const sizes = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): SizeSpec => {
      if (part === 'corpus') return 'corpus';
      if (!/^\d+$/.test(part) || Number(part) < 1) throw new Error(`--sizes: "${part}" is neither "corpus" nor a number of issues`);
      return Number(part);
    });
  if (sizes.length === 0) throw new Error('--sizes: give at least one size');
  return [...new Set(sizes)];
}

/** Parses the command line (without the node and script arguments); throws with a message on bad input. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      'no-peer': { type: 'boolean', default: false },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'network-only': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes === undefined ? [...defaultSizes] : parseSizes(values.sizes);
  const runs = values.runs === undefined ? defaultRuns : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a whole number of at least 1`);
  const networkOnly = values['network-only'] ?? false;
  if (networkOnly && (values['no-peer'] || !sizes.includes(peerIssues)))
    throw new Error(
      `--network-only: the network is measured beside the peer, on the ${peerIssues}-issue archive: keep the peer and that size`,
    );
  const options = { sizes: networkOnly ? [peerIssues] : sizes, runs, peer: !values['no-peer'], keep: values.keep ?? false, networkOnly };
  return { ...options, outDir: values.out ?? (isFullRun(options) && !networkOnly ? fullOutDir : partialOutDir) };
}

/** Whether these options measure everything the committed report holds (every default size, enough runs, the peer). */
export function isFullRun(options: Pick<BenchOptions, 'sizes' | 'runs' | 'peer'>): boolean {
  return options.peer && options.runs >= defaultRuns && defaultSizes.every((size) => options.sizes.includes(size));
}
