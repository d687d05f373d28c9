/**
 * UI strings through one i18next instance, created once. Pages resolve `t` once with
 * `getTranslator(locale)` and pass it down; keys are typed (see `i18next.d.ts`).
 */
import i18next, { type TFunction } from 'i18next';
import type { Locale } from './locales.ts';
import zhCN from './strings/zh-CN.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };

/** One flat string file per locale; `tests/unit/i18n.test.ts` checks they hold the same keys. */
export const uiStrings: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };

const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(Object.entries(uiStrings).map(([locale, strings]) => [locale, { translation: strings }])),
  lng: 'zh-CN',
  fallbackLng: false,
  // Keys are flat and dotted ("issue.previous"); Astro escapes output, so i18next must not.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

/** The string function for one locale. */
export function getTranslator(locale: Locale): Translate {
  return instance.getFixedT(locale);
}
