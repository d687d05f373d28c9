import { describe, expect, it } from 'vitest';
import type { PagefindInstance } from '../../../src/lib/search/page/engine.ts';
import { rememberingSearches } from '../../../src/lib/search/page/remembered.ts';
import { fakePagefind, type FakeRecord } from './fake-pagefind.ts';

const records: FakeRecord[] = [
  { issue: 1, date: '2014-01-02', months: ['2014-01'], parts: { nova: 'Rackspace note' } },
  { issue: 2, date: '2014-02-02', months: ['2014-02'], parts: { heat: 'HOT only' } },
];
const filters = { not: { hidden: 'en' } };

describe('Pagefind remembering its latest searches', () => {
  it('answers the same words under the same filters from memory, and asks again for others', async () => {
    const { instance, calls } = fakePagefind(records);
    const remembering = rememberingSearches(instance);
    const first = await remembering.search('rackspace', { filters });
    const again = await remembering.search('rackspace', { filters: { not: { hidden: 'en' } } });
    expect(again).toBe(first);
    await remembering.search('rackspace', { filters: { ...filters, project: { any: ['heat'] } } });
    await remembering.search('hot', { filters });
    expect(calls.map((call) => call['term'])).toEqual(['rackspace', 'rackspace', 'hot']);
  });

  it('forgets the search asked for longest ago beyond the number it keeps', async () => {
    const { instance, calls } = fakePagefind(records);
    const remembering = rememberingSearches(instance, 2);
    for (const term of ['a', 'b', 'a', 'c', 'a', 'b']) await remembering.search(term, { filters });
    // `a` stays (asked for again each time), `b` is forgotten when `c` comes.
    expect(calls.map((call) => call['term'])).toEqual(['a', 'b', 'c', 'b']);
  });

  it('asks again after a search failed', async () => {
    let failures = 1;
    const { instance } = fakePagefind(records);
    const flaky: PagefindInstance = {
      ...instance,
      search: (term, options) => (failures-- > 0 ? Promise.reject(new Error('offline')) : instance.search(term, options)),
    };
    const remembering = rememberingSearches(flaky);
    await expect(remembering.search('rackspace', { filters })).rejects.toThrow('offline');
    await expect(remembering.search('rackspace', { filters })).resolves.toMatchObject({ results: [expect.objectContaining({ id: '1' })] });
  });
});
