import { describe, expect, it } from 'vitest';
import type { HotPayload } from 'vite';
import { payloadForOpenPages } from '../../integrations/content-hub.ts';

const contentError = (version: number): HotPayload => ({
  type: 'error',
  err: { message: 'issues/0100.md:2  number: expected the issue number', stack: '', contentVersionShown: version },
});

describe('what the dev server sends open pages', () => {
  it('sends a content problem of the content as it is now', () => {
    expect(payloadForOpenPages(contentError(7), 7)).toEqual(contentError(7));
  });

  it('reloads the pages instead of showing a problem the content has changed since', () => {
    expect(payloadForOpenPages(contentError(6), 7)).toEqual({ type: 'full-reload', path: '*' });
  });

  it('sends any other error, and every other message, as it is', () => {
    const codeError: HotPayload = { type: 'error', err: { message: 'Unexpected token', stack: 'at Header.astro:3' } };
    expect(payloadForOpenPages(codeError, 7)).toEqual(codeError);
    const update: HotPayload = { type: 'update', updates: [] };
    expect(payloadForOpenPages(update, 7)).toBe(update);
  });
});
