/** Several clean builds of one site summarized: medians and ranges of what every run measured. */
import type { BuildFigures, BuildRun } from './results.ts';
import { spread } from './stats.ts';

/** The runs summarized; `error` (a failed run) is kept beside the runs that succeeded before it. */
export function summarizeBuilds(runs: readonly BuildRun[], error?: string): BuildFigures {
  const of = (values: (number | undefined)[]) =>
    values.length && values.every((value) => value !== undefined) ? spread(values as number[]) : undefined;
  const render = of(runs.map((run) => run.log.renderMs));
  const index = of(runs.map((run) => run.log.indexMs));
  const precompress = of(runs.map((run) => run.log.precompressMs));
  return {
    runs: [...runs],
    wallMs: runs.length ? spread(runs.map((run) => run.wallMs)) : spread([0]),
    peakRssBytes: runs.length ? spread(runs.map((run) => run.peakRssBytes)) : spread([0]),
    ...(render ? { renderMs: render } : {}),
    ...(index ? { indexMs: index } : {}),
    ...(precompress ? { precompressMs: precompress } : {}),
    ...(error === undefined ? {} : { error }),
  };
}
