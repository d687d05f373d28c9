/**
 * On the site root only: a visit that starts there, from outside the site or typed in, goes to the
 * home page of the language the reader last switched to (`language-switch.ts` keeps it). Following
 * a Chinese page's own link home stays: that reader is reading Chinese now. Only a locale the page
 * links to (never its own) is applied, so there is no loop.
 */

const box = document.querySelector<HTMLElement>('[data-remember-as]');
let remembered: string | null = null;
try {
  remembered = localStorage.getItem(box?.dataset['rememberAs'] ?? '');
} catch {
  // Storage is off: nothing was remembered.
}
const choice = [...(box?.querySelectorAll('a') ?? [])].find((link) => link.hreflang === remembered);
// This page is the site's root (its base path): a referrer under it is a page of this site.
if (choice && !document.referrer.startsWith(location.origin + location.pathname.replace(/[^/]*$/, ''))) {
  location.replace(choice.href + location.search + location.hash);
}
