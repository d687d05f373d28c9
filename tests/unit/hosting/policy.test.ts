import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cspHeaderValue,
  inlineHashesOf,
  mergeInlineHashes,
  pageCspHeaderValue,
  securityHeaders,
} from '../../../src/lib/hosting/policy.ts';

const inline = { scripts: ["'sha256-YQ=='", "'sha256-Yg=='"], styles: ["'sha256-Yw=='"] };

describe('the header policy', () => {
  const directives = cspHeaderValue(inline).split('; ');

  it("is the pages' own policy, their inline hashes included, with what only a header can carry added", () => {
    expect(directives).toEqual([
      ...contentSecurityPolicy.directives,
      "script-src 'self' 'wasm-unsafe-eval' 'sha256-YQ==' 'sha256-Yg=='",
      "style-src 'self' 'sha256-Yw=='",
      "frame-ancestors 'none'",
    ]);
  });

  it('allows nothing inline but what it names by hash, nothing evaluated but WebAssembly, nothing from elsewhere', () => {
    expect(cspHeaderValue(inline)).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|data:/);
    expect(directives).toContain("default-src 'none'");
    expect(cspHeaderValue()).toContain("style-src 'self'; ");
  });

  it('names each directive once', () => {
    const names = directives.map((directive) => directive.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('goes with nosniff and a referrer policy on every response', () => {
    expect(Object.fromEntries(securityHeaders(cspHeaderValue()))).toEqual({
      'Content-Security-Policy': cspHeaderValue(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  });
});

describe("a page's header policy where the host cannot know the build's hashes", () => {
  it('leaves scripts and styles to the page (no script-src, style-src or default-src they fall back to) and says everything else', () => {
    const directives = pageCspHeaderValue().split('; ');
    expect(directives.map((directive) => directive.split(' ')[0])).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(default|script|style)-src$/)]),
    );
    expect(directives).toEqual([
      ...contentSecurityPolicy.directives.filter((directive) => !directive.startsWith('default-src')),
      "frame-ancestors 'none'",
    ]);
    expect(pageCspHeaderValue()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|data:/);
  });
});

describe('the inline hashes of a page', () => {
  it("are read from its <meta> policy's script-src and style-src, as Astro writes it", () => {
    const meta =
      "default-src 'none';img-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-YQ==' 'sha384-Yg=='; style-src 'self' 'sha256-Yw==';";
    expect(inlineHashesOf(meta)).toEqual({ scripts: ["'sha256-YQ=='", "'sha384-Yg=='"], styles: ["'sha256-Yw=='"] });
    expect(inlineHashesOf("default-src 'none'")).toEqual({ scripts: [], styles: [] });
  });

  it('of every page are merged, each once, in the order first met', () => {
    expect(
      mergeInlineHashes([
        { scripts: ["'sha256-YQ=='"], styles: [] },
        { scripts: ["'sha256-Yg=='", "'sha256-YQ=='"], styles: ["'sha256-Yw=='"] },
      ]),
    ).toEqual(inline);
  });
});
