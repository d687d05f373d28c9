/**
 * The language switch in the browser: carries the current #section and query along to the other
 * language's page, remembers the reader's choice, and on the site root (`data-apply-remembered`)
 * sends a reader who chose another language before to its home page. Nothing redirects on
 * Accept-Language.
 *
 * Inlined into every page (no round trip of its own), so it imports nothing: the locales are the
 * switch links' own `hreflang`, and a link on the root leads to that locale's home page.
 */

/** Where the choice is kept (`localStorage`, which may be off: then the switch works, unremembered). */
const KEY = 'digest-locale';

const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')];
let remembered: string | null = null;
try {
  remembered = localStorage.getItem(KEY);
} catch {
  // Storage is off: nothing was remembered.
}
// Only a locale the page links to (so never the page's own) is applied: no loops.
const choice = document.querySelector('[data-apply-remembered]') && links.find((link) => link.hreflang === remembered);
if (choice) location.replace(choice.href + location.search + location.hash);

for (const link of links) {
  // A switch to the home page (from a 404 page) has no place on the page to carry along.
  const home = link.dataset['languageSwitch'] === 'home';
  const base = link.href.replace(/[?#].*/, '');
  const follow = () => {
    if (!home) link.href = base + location.search + location.hash;
  };
  follow();
  addEventListener('hashchange', follow);
  addEventListener('popstate', follow);
  link.addEventListener('click', () => {
    follow();
    try {
      localStorage.setItem(KEY, link.hreflang);
    } catch {
      // Storage is off: the switch still works, it is just not remembered.
    }
  });
}
