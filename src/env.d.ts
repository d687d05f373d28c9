declare namespace App {
  interface Locals {
    /** The page's locale, from its URL. */
    locale: import('./i18n/locales.ts').Locale;
    /** UI strings in the page's locale. */
    t: import('./i18n/t.ts').Translate;
    /** In dev, the version of the content when the page began to render (`integrations/content-hub.ts`). */
    contentVersion?: number;
  }
}
