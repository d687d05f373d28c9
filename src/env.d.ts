declare namespace App {
  interface Locals {
    /** The page's locale, from its URL. */
    locale: import('./i18n/locales.ts').Locale;
    /** UI strings in the page's locale. */
    t: import('./i18n/t.ts').Translate;
  }
}
