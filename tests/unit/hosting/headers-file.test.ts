import { describe, expect, it } from 'vitest';
import { renderHeadersFile } from '../../../src/lib/hosting/headers-file.ts';
import { cspHeaderValue } from '../../../src/lib/hosting/policy.ts';
import { matches, parseHeadersFile } from '../../helpers/hosting.ts';

describe('the _headers file', () => {
  it('puts the security headers on every path, and nothing else there', () => {
    const [all] = parseHeadersFile(renderHeadersFile('/'));
    expect(all).toEqual({
      pattern: '/*',
      headers: [
        ['Content-Security-Policy', cspHeaderValue()],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'same-origin'],
      ],
    });
  });

  it('writes patterns Cloudflare accepts (one * each) and places every one under the base path', () => {
    const rules = parseHeadersFile(renderHeadersFile('/digest/'));
    expect(rules.length).toBeGreaterThan(5);
    for (const { pattern } of rules) {
      expect(pattern).toMatch(/^\/digest\//);
      expect(pattern.split('*').length, pattern).toBeLessThanOrEqual(2);
    }
    const matched = (path: string) => rules.filter((rule) => matches(rule.pattern, path, 'cloudflare')).map((rule) => rule.pattern);
    expect(matched('/digest/_astro/a.B1.css')).toEqual(['/digest/*', '/digest/_astro/*']);
    expect(matched('/digest/en/projects/nova/rss.xml')).toEqual(['/digest/*', '/digest/*rss.xml']);
    expect(matched('/_astro/a.B1.css')).toEqual([]);
  });

  it('is the same bytes for the same base path', () => {
    expect(renderHeadersFile('/')).toBe(renderHeadersFile('/'));
    expect(renderHeadersFile('/')).not.toBe(renderHeadersFile('/digest/'));
  });
});
