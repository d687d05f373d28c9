/**
 * The search page's state as it lives in the URL, so a search can be shared, reloaded and
 * walked back through: `?q=<query>&exact=1&project=<id>[,<id>]&from=YYYY-MM&to=YYYY-MM&sort=newest`.
 */
import { isMonthKey, monthsBetween, monthsOfPeriod } from '../../months.ts';
import type { Period } from '../../periods.ts';
import type { SearchOrder } from './engine.ts';

export interface SearchState {
  q: string;
  /** The words exactly as typed: no other names of the releases and projects they name. */
  exact?: boolean;
  projects: string[];
  from?: string;
  to?: string;
  order: SearchOrder;
}

/** URL parameter names. */
export const searchParams = { query: 'q', exact: 'exact', project: 'project', from: 'from', to: 'to', sort: 'sort' } as const;

/**
 * Reads the state from URL parameters, dropping what is not valid: unknown projects (when the
 * known ones are given), months not written `YYYY-MM`. A range given backwards is turned round.
 * Projects may come comma-separated or as repeated parameters (the form without JavaScript).
 * @example parseSearchState(new URLSearchParams('q=nova&project=heat,nova&sort=newest')) // { q: 'nova', projects: ['heat', 'nova'], order: 'newest' }
 */
export function parseSearchState(params: URLSearchParams, knownProjects?: readonly string[]): SearchState {
  const projects = [
    ...new Set(
      params
        .getAll(searchParams.project)
        .flatMap((value) => value.split(','))
        .map((id) => id.trim()),
    ),
  ].filter((id) => id && (!knownProjects || knownProjects.includes(id)));
  let from = monthParam(params, searchParams.from);
  let to = monthParam(params, searchParams.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: params.get(searchParams.query) ?? '',
    ...(params.get(searchParams.exact) === '1' ? { exact: true } : {}),
    projects,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    order: params.get(searchParams.sort) === 'newest' ? 'newest' : 'relevance',
  };
}

/**
 * Writes the state as a query string (with `?`), leaving out what is empty or the default.
 * @example serializeSearchState({ q: 'H版', projects: ['nova', 'heat'], order: 'relevance' }) // '?q=H%E7%89%88&project=nova,heat'
 */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set(searchParams.query, state.q);
  if (state.exact) params.set(searchParams.exact, '1');
  if (state.projects.length) params.set(searchParams.project, state.projects.join(','));
  if (state.from) params.set(searchParams.from, state.from);
  if (state.to) params.set(searchParams.to, state.to);
  if (state.order === 'newest') params.set(searchParams.sort, 'newest');
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `?${query}` : '';
}

/**
 * The months a state's date range covers, bounded by the archive's first and last month;
 * undefined when the state sets no range.
 * @example monthsOfState({ from: '2014-07', ... }, ['2013-11', '2014-08']) // ['2014-07', '2014-08']
 */
export function monthsOfState(state: Pick<SearchState, 'from' | 'to'>, bounds: readonly [string, string]): string[] | undefined {
  if (!state.from && !state.to) return undefined;
  return monthsBetween(state.from ?? bounds[0], state.to ?? bounds[1]);
}

/**
 * The state with its range cut to the archive: an end beyond the archive's first or last month is
 * left open (the months past it hold no issue, and the month fields take only the archive's).
 * A range wholly outside the archive is kept as it is: it finds nothing.
 * @example withinArchive({ from: '2010-01', to: '2014-03', ... }, ['2013-11', '2014-08']) // { to: '2014-03', ... }
 */
export function withinArchive(state: SearchState, [first, last]: readonly [string, string]): SearchState {
  if (!first || !last) return state;
  if ((state.from && state.from > last) || (state.to && state.to < first)) return state;
  const { from, to, ...rest } = state;
  return { ...rest, ...(from && from >= first ? { from } : {}), ...(to && to <= last ? { to } : {}) };
}

/**
 * How many filters a state sets beyond its query: each project, each end of the range, the
 * newest-first order and the words exactly as typed. The filters' summary shows it.
 * @example activeFilters({ q: 'nova', projects: ['nova', 'heat'], from: '2014-01', order: 'newest' }) // 4
 */
export function activeFilters(state: SearchState): number {
  return state.projects.length + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.order === 'newest' ? 1 : 0) + (state.exact ? 1 : 0);
}

/**
 * The first and last month the archive's periods touch: the bounds of the month fields and of an
 * open-ended range. Undefined for an empty archive.
 * @example monthBounds([{ start: 2013-11-17, end: 2013-12-01 }, { start: 2014-02-03, end: 2014-02-15 }]) // ['2013-11', '2014-02']
 */
export function monthBounds(periods: readonly Period[]): [string, string] | undefined {
  const months = periods.flatMap((period) => monthsOfPeriod(period)).sort();
  const [first, last] = [months[0], months.at(-1)];
  return first && last ? [first, last] : undefined;
}

function monthParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value && isMonthKey(value) ? value : undefined;
}
