/**
 * Search's start on every page, inlined into it (so it imports nothing but the pure
 * `search-start.ts`; what it needs is in the search box's data attributes):
 *
 * - `/` (when not typing) and Ctrl/Cmd+K focus the page's search box: the header's, or the search
 *   page's own;
 * - focusing a box asks at once for every file a first search needs before it can search: the
 *   search vocabulary, Pagefind's metadata, script, WebAssembly and entry file (so none waits for
 *   another; `startupFiles` says why in that order), under a cache tag it leaves on the box
 *   (`data-search-tag`) for the code that loads Pagefind; the search page opened with a query (a
 *   shared link) asks for them as it opens;
 * - the header's box first brings in its results panel and the search code's first file
 *   (`search.ts`), from its `<template>`; until the panel's code runs, Enter is held
 *   (`data-search="held"`) for it to answer, and should the code fail to load, the form goes to
 *   the search page as it does without JavaScript;
 * - from then on, the box is marked while an input method composes in it, for that code.
 *
 * Nothing of search is fetched before a box is focused.
 */
import { startupUrls } from './search-start.ts';

const boxes = document.querySelectorAll<HTMLInputElement>('[data-search-input]');

document.addEventListener('keydown', (event) => {
  const typing = (event.target as Element).closest('input,textarea,select,[contenteditable]');
  const control = event.ctrlKey || event.metaKey;
  const slash = event.key === '/' && !typing && !control;
  const commandK = event.key.toLowerCase() === 'k' && control && !event.shiftKey;
  const input = boxes[0];
  if ((slash || commandK) && !event.altKey && input) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

/** Starts a box's search downloads and brings in its panel, once. */
function start(input: HTMLInputElement): void {
  if (input.dataset['searchTag']) return;
  // Pagefind's cache tag (the time: each visit reads the current entry), chosen here.
  const tag = (input.dataset['searchTag'] = `${Date.now()}`);
  // While an input method composes (pinyin on its way to characters), the box's text is not typed
  // yet, and no code can ask the browser whether a composition is under way: the box is marked,
  // for the search code that comes meanwhile (`composing` in search-view.ts), which must neither
  // search that text nor write over it (which would cancel it).
  input.addEventListener('compositionstart', () => (input.dataset['composing'] = ''));
  input.addEventListener('compositionend', () => delete input.dataset['composing']);
  const form = input.form;
  const template = form?.querySelector('template');
  // The panel and its code first: asked for last, the code would be the request that waits for
  // a free connection.
  if (form && template) {
    const panel = template.content.cloneNode(true) as DocumentFragment;
    panel.querySelector('script')?.addEventListener('error', () => {
      // Enter was held for the code that did not come: the search page answers instead.
      if (form.dataset['search'] === 'held') form.submit();
      form.dataset['search'] = 'failed';
    });
    template.replaceWith(panel);
  }
  for (const url of startupUrls(input.dataset['searchFiles'] ?? '', tag)) {
    const link = document.createElement('link');
    // Pagefind's script as a module, the rest as its `fetch()` asks for them.
    const script = url.endsWith('.js');
    link.rel = script ? 'modulepreload' : 'preload';
    if (!script) link.as = 'fetch';
    // The empty value is `anonymous`.
    link.crossOrigin = '';
    link.href = url;
    document.head.append(link);
  }
  // The browser's first word segmenter sets up its language data, a pause the search code would
  // otherwise take when the vocabulary comes: taken now, while the files are on their way.
  new Intl.Segmenter('zh-CN', { granularity: 'word' });
}

for (const input of boxes) {
  const form = input.form;
  input.addEventListener('focus', () => start(input));
  // The box's own results page, opened with a query: it searches at once.
  if (form && new URL(form.action).pathname === location.pathname && new URLSearchParams(location.search).has(input.name)) start(input);
  if (!form?.querySelector('template')) continue;
  form.addEventListener('submit', (event) => {
    if (form.dataset['search'] === 'failed') return;
    event.preventDefault();
    if (form.dataset['search'] !== 'ready') {
      form.dataset['search'] = 'held';
      start(input);
    }
  });
}
