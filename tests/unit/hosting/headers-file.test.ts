import { describe, expect, it } from 'vitest';
import { renderHeadersFile } from '../../../src/lib/hosting/headers-file.ts';
import { cspHeaderValue } from '../../../src/lib/hosting/policy.ts';
import { matches, parseHeadersFile } from '../../helpers/hosting.ts';

const inline = { scripts: ["'sha256-c2NyaXB0='"], styles: ["'sha256-c3R5bGU='"] };

describe('the _headers file', () => {
  it("puts the security headers on every path, the policy allowing the pages' inline hashes, and nothing else there", () => {
    const [all] = parseHeadersFile(renderHeadersFile('/', inline));
    expect(all).toEqual({
      pattern: '/*',
      headers: [
        ['Content-Security-Policy', cspHeaderValue(inline)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'same-origin'],
      ],
    });
  });

  it('writes patterns Cloudflare accepts (one * each) and places every one under the base path', () => {
    const rules = parseHeadersFile(renderHeadersFile('/digest/', inline));
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

  it('is the same bytes for the same base path and hashes, in whatever order the build gives them', () => {
    const hashes = { scripts: ["'sha256-YQ=='", "'sha256-Yg=='", "'sha256-Yw=='"], styles: ["'sha256-ZA=='", "'sha256-ZQ=='"] };
    const shuffled = { scripts: ["'sha256-Yw=='", "'sha256-YQ=='", "'sha256-Yg=='"], styles: ["'sha256-ZQ=='", "'sha256-ZA=='"] };
    expect(renderHeadersFile('/', shuffled)).toBe(renderHeadersFile('/', hashes));
    expect(renderHeadersFile('/', inline)).not.toBe(renderHeadersFile('/digest/', inline));
  });
});
