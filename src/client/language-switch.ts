/**
 * The language switch in the browser: carries the current #section and query along to the other
 * language's page, remembers the reader's choice, and on the site root (`data-apply-remembered`)
 * sends a reader who chose another language before to its home page. Nothing redirects on
 * Accept-Language.
 *
 * Inlined into every page (no round trip of its own), so it imports nothing: the locales are the
 * switch links' own `hreflang`, and a link on the root leads to that locale's home page.
 */

/** Where the choice is kept (`localStorage`). */
const LOCALE_CHOICE_KEY = 'digest-locale';

/** Remembers the language the reader switched to (silently does nothing where storage is off). */
function rememberLocale(locale: string): void {
  try {
    localStorage.setItem(LOCALE_CHOICE_KEY, locale);
  } catch {
    // Storage can be disabled; the switch still works, it is just not remembered.
  }
}

function rememberedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_CHOICE_KEY);
  } catch {
    return null;
  }
}

const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')];
const switcher = document.querySelector<HTMLElement>('[data-apply-remembered]');
// Only a locale the page links to (so never the page's own) is applied: no loops.
const remembered = switcher ? links.find((link) => link.hreflang === rememberedLocale()) : undefined;
if (remembered) location.replace(remembered.href + location.search + location.hash);

for (const link of links) {
  link.addEventListener('click', () => rememberLocale(link.hreflang));
  // A switch to the home page (from a 404 page) has no place on the page to carry along.
  if (link.dataset['languageSwitch'] === 'home') continue;
  const base = link.href.split('#')[0]?.split('?')[0] ?? link.href;
  const follow = () => (link.href = base + location.search + location.hash);
  follow();
  addEventListener('hashchange', follow);
  addEventListener('popstate', follow);
  link.addEventListener('click', follow);
}
