import { describe, expect, it } from 'vitest';
import { parseBuildLog, parseDuration } from '../lib/build-log.ts';

// Shortened from real logs of this project's build and of Starlight's (NO_COLOR=1).
const ourLog = `04:02:23 [content] Syncing content
04:02:25 [types] Generated 3.34s
04:02:25 [build] Collecting build info...
04:02:25 [build] ✓ Completed in 3.46s.
04:02:28 [vite] ✓ built in 2.86s

 generating static routes 
04:02:51   ├─ /issues/1/index.html (+12ms)
04:02:51 ✓ Completed in 22.89s.

04:02:51 [build] ✓ Completed in 26.03s.
04:02:56 [build] Waiting for integration "digest-pagefind", hook "astro:build:done"...
04:02:57 [digest-pagefind] indexed 7495 records in 31966 ms, alongside page rendering
04:02:57 [build] 2459 page(s) built in 35.42s
04:03:01 [digest-hosting] precompressed 2610 files (184.7 MB; gzip 20.3 MB, Brotli 17.1 MB) in 17320 ms beside the build; done 4105 ms after the last page
04:03:01 [build] Complete!`;

const peerLog = `04:05:46 [types] Generated 8.14s
04:05:46 [build] ✓ Completed in 8.50s.
 generating static routes 
04:05:50 [WARN] [content] The collection "i18n" does not exist or is empty.
04:06:08 ✓ Completed in 850ms.
04:06:08 [starlight:pagefind] Building search index with Pagefind...
04:06:22 [starlight:pagefind] Found 2003 HTML files.
04:06:29 [starlight:pagefind] Finished building search index in 20.94s.
04:06:29 [build] 2003 page(s) built in 1m 5s`;

describe('durations as Astro prints them', () => {
  it.each([
    ['850ms', 850],
    ['22.89s', 22_890],
    ['1m 5s', 65_000],
    ['soon', undefined],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('a build log', () => {
  it('gives our sync, rendering, index, precompression and totals', () => {
    expect(parseBuildLog(ourLog)).toEqual({
      syncMs: 3340,
      renderMs: 22_890,
      indexMs: 31_966,
      indexed: 7495,
      precompressMs: 4105,
      pagesBuilt: 2459,
      astroTotalMs: 35_420,
      waitedForIndex: true,
    });
  });

  it("gives the peer's rendering and its Pagefind step", () => {
    expect(parseBuildLog(peerLog)).toEqual({
      syncMs: 8140,
      renderMs: 850,
      indexMs: 20_940,
      indexed: 2003,
      pagesBuilt: 2003,
      astroTotalMs: 65_000,
      waitedForIndex: false,
    });
  });

  it('leaves out what the log does not say', () => {
    expect(parseBuildLog('[build] Complete!')).toEqual({ waitedForIndex: false });
  });
});
