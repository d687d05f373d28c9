import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHeaderValue, securityHeaders } from '../../../src/lib/hosting/policy.ts';

describe('the header policy', () => {
  const directives = cspHeaderValue().split('; ');

  it("is the pages' own policy, with what only a header can carry added", () => {
    expect(directives).toEqual([
      ...contentSecurityPolicy.directives,
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "frame-ancestors 'none'",
    ]);
  });

  it('allows nothing inline, nothing evaluated but WebAssembly, nothing from elsewhere', () => {
    expect(cspHeaderValue()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|data:/);
    expect(directives).toContain("default-src 'none'");
  });

  it('names each directive once', () => {
    const names = directives.map((directive) => directive.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('goes with nosniff and a referrer policy on every response', () => {
    expect(Object.fromEntries(securityHeaders)).toEqual({
      'Content-Security-Policy': cspHeaderValue(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  });
});
