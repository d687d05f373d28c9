/**
 * The language switch in the browser: carries the current #section and query along to the other
 * language's page and remembers the reader's choice (under the key its links' box names, which
 * `remembered-language.ts` reads on the site root). Nothing redirects on Accept-Language.
 *
 * Inlined into every page (no round trip of its own), so it imports nothing: the locales are the
 * switch links' own `hreflang`.
 */

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
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
      localStorage.setItem(link.parentElement?.dataset['rememberAs'] ?? '', link.hreflang);
    } catch {
      // Storage is off: the switch still works, it is just not remembered.
    }
  });
}
