import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  monthBounds,
  monthsOfState,
  parseSearchState,
  withinArchive,
  serializeSearchState,
  type SearchState,
} from '../../../src/lib/search/page/state.ts';

const parse = (query: string, known?: string[]) => parseSearchState(new URLSearchParams(query), known);

describe('search state in the URL', () => {
  it('reads every parameter', () => {
    expect(parse('q=H%E7%89%88&project=nova,heat&from=2013-11&to=2014-02&sort=newest')).toEqual({
      q: 'H版',
      projects: ['nova', 'heat'],
      from: '2013-11',
      to: '2014-02',
      order: 'newest',
    });
  });

  it('defaults to an empty query, every project, any date, relevance', () => {
    expect(parse('')).toEqual({ q: '', projects: [], order: 'relevance' });
  });

  it('drops what is not valid and turns a backward range round', () => {
    expect(parse('project=nova,,bogus&project=heat&from=2014-13&to=14-02&sort=oldest', ['nova', 'heat'])).toEqual({
      q: '',
      projects: ['nova', 'heat'],
      order: 'relevance',
    });
    expect(parse('from=2014-05&to=2013-12')).toMatchObject({ from: '2013-12', to: '2014-05' });
  });

  it.each<SearchState>([
    { q: 'keystone v2 认证', projects: [], order: 'relevance' },
    { q: '<script>&', projects: ['nova', 'heat'], from: '2013-11', order: 'newest' },
    { q: '', projects: [], to: '2014-01', order: 'relevance' },
    { q: 'Icehouse', exact: true, projects: [], order: 'relevance' },
  ])('round-trips %j', (state) => {
    expect(parse(serializeSearchState(state).slice(1))).toEqual(state);
  });

  it('asks for the words exactly as typed with exact=1, and only so', () => {
    expect(parse('q=Icehouse&exact=1')).toEqual({ q: 'Icehouse', exact: true, projects: [], order: 'relevance' });
    expect(parse('q=Icehouse&exact=yes')).toEqual({ q: 'Icehouse', projects: [], order: 'relevance' });
    expect(serializeSearchState({ q: 'I版', exact: true, projects: [], order: 'relevance' })).toBe('?q=I%E7%89%88&exact=1');
  });

  it('writes projects comma-separated and leaves defaults out', () => {
    expect(serializeSearchState({ q: 'nova', projects: ['nova', 'heat'], order: 'relevance' })).toBe('?q=nova&project=nova,heat');
    expect(serializeSearchState({ q: '', projects: [], order: 'relevance' })).toBe('');
  });

  it('turns a range into months, bounded by the archive', () => {
    expect(monthsOfState({}, ['2013-11', '2014-08'])).toBeUndefined();
    expect(monthsOfState({ from: '2014-07' }, ['2013-11', '2014-08'])).toEqual(['2014-07', '2014-08']);
    expect(monthsOfState({ to: '2013-12' }, ['2013-11', '2014-08'])).toEqual(['2013-11', '2013-12']);
  });
});

describe('a range cut to the archive', () => {
  const bounds = ['2013-11', '2014-08'] as const;
  const state = { q: 'nova', projects: [], order: 'relevance' as const };

  it('leaves an end beyond the archive open, and a range inside it as it is', () => {
    expect(withinArchive({ ...state, from: '2010-01', to: '2030-12' }, bounds)).toEqual(state);
    expect(withinArchive({ ...state, from: '2013-01', to: '2014-03' }, bounds)).toEqual({ ...state, to: '2014-03' });
    expect(withinArchive({ ...state, from: '2014-02', to: '2015-01' }, bounds)).toEqual({ ...state, from: '2014-02' });
    expect(withinArchive({ ...state, from: '2013-11', to: '2014-08' }, bounds)).toEqual({ ...state, from: '2013-11', to: '2014-08' });
  });

  it('keeps a range wholly outside the archive, which finds nothing', () => {
    expect(withinArchive({ ...state, from: '2099-01' }, bounds)).toEqual({ ...state, from: '2099-01' });
    expect(withinArchive({ ...state, from: '2001-01', to: '2002-01' }, bounds)).toEqual({ ...state, from: '2001-01', to: '2002-01' });
  });
});

describe('the months of the archive', () => {
  const period = (start: string, end: string) => ({ start: new Date(`${start}T00:00:00Z`), end: new Date(`${end}T00:00:00Z`) });

  it('runs from the first month a period touches to the last, in any order', () => {
    expect(
      monthBounds([period('2014-02-03', '2014-02-15'), period('2013-11-17', '2013-12-01'), period('2014-12-28', '2015-01-10')]),
    ).toEqual(['2013-11', '2015-01']);
  });

  it('is undefined for an empty archive', () => {
    expect(monthBounds([])).toBeUndefined();
  });
});

describe('the filters a search sets', () => {
  const state = { q: 'nova', projects: [], order: 'relevance' as const };

  it.each<[string, SearchState, number]>([
    ['none, whatever the query', state, 0],
    ['each project', { ...state, projects: ['nova', 'heat'] }, 2],
    ['each end of the range', { ...state, from: '2014-01', to: '2014-03' }, 2],
    ['the newest-first order', { ...state, order: 'newest' }, 1],
    ['the words exactly as typed', { ...state, exact: true }, 1],
    ['all of them together', { ...state, projects: ['nova'], from: '2014-01', to: '2014-03', order: 'newest', exact: true }, 5],
  ])('counts %s', (_, search, count) => {
    expect(activeFilters(search)).toBe(count);
  });
});
