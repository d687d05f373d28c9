import { describe, expect, it } from 'vitest';
import { formatReport, presetsText } from '../lib/report.ts';
import { builds, passingResults, sized } from './fixtures.ts';

describe('the report', () => {
  const report = formatReport(passingResults());

  it('names the machine, the versions and the date', () => {
    expect(report).toContain('AMD EPYC, 2 cores, 24.00 GB of memory');
    expect(report).toContain('Node v22.23.3, Astro 7.3.4');
    expect(report).toContain('2026-11-22T10:00:00.000Z');
  });

  it('has a budgets table with a result per budget', () => {
    const budgetRows =
      report
        .split('## Budgets')[1]
        ?.split('## How cost grows')[0]
        ?.split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| budget') && !line.startsWith('| ---')) ?? [];
    expect(budgetRows).toHaveLength(25);
    expect(budgetRows.every((row) => row.includes('✅ pass'))).toBe(true);
  });

  it('states how cost grows, and has a table per archive and the peer side by side', () => {
    expect(report).toContain("Linear build time: **yes**. Issue pages independent of the archive's size: **yes**.");
    expect(report).toMatch(/### corpus: the real archive/);
    expect(report).toMatch(/### 1,000: synthetic archive: 1,000 issues, 250 English translations/);
    expect(report).toMatch(/### 5,000: synthetic archive/);
    expect(report).toMatch(/### Side by side: Starlight 0.42, 1,000 issues/);
    expect(report).toContain('| Build wall time (median) | 21.0 s | 62.0 s | 0.34 |');
    expect(report).toContain('| Build wall time, median (min–max) of 3 clean builds | 21.0 s (20.0 s–22.0 s) |');
  });

  it("shows the editors' loop beside the peer's", () => {
    expect(report).toContain("### The editors' loop: `npm run dev`, side by side");
    expect(report).toContain("| an edit saved → the page's response holds it | 400 ms (200 ms–400 ms) | 1600 ms (800 ms–1600 ms) | 0.25 |");
  });

  it('says which budgets failed, and shows a failed build', () => {
    const results = passingResults();
    results.sizes[2] = { ...sized('5000', 5000, []), build: builds([], { error: 'astro build exited with status 137' }) };
    const failing = formatReport(results);
    expect(failing).toContain('1 of 25 budgets failed: scale-builds.');
    expect(failing).toContain('The build failed: astro build exited with status 137');
  });

  it('is the same for the same results', () => {
    expect(formatReport(passingResults())).toBe(report);
  });
});

describe('a measurement that failed', () => {
  it('is in the report beside the figures that were measured', () => {
    const results = passingResults();
    results.sizes[0] = { ...sized('corpus', 14, [3_000]), measureError: 'Timeout 30000ms exceeded' };
    expect(formatReport(results)).toContain('Measuring the site in Chromium failed: Timeout 30000ms exceeded');
  });
});

describe('the network presets in the report', () => {
  const condition = { id: 'x', label: 'X', latency: 100, download: 1_000_000, upload: 1, cpu: 1 };

  it('names each network once, by its first condition, then the CPU slowdowns', () => {
    expect(
      presetsText([
        { ...condition, label: '3G' },
        { ...condition, label: 'Slow 4G', latency: 562.5, download: 180_000 },
        { ...condition, label: 'Slow 4G, 4x slower CPU', latency: 562.5, download: 180_000, cpu: 4 },
      ]),
    ).toBe(
      '`Network.emulateNetworkConditions`: 3G 100 ms and 1,000,000 B/s down, Slow 4G 562.5 ms and 180,000 B/s down; `Emulation.setCPUThrottlingRate` 4 for the slower CPU',
    );
  });

  it('says nothing of the CPU when no condition slows it', () => {
    expect(presetsText([condition])).toBe('`Network.emulateNetworkConditions`: X 100 ms and 1,000,000 B/s down');
  });
});
