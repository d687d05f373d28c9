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

/**
 * Whether Chinese text beside `char` takes a space: it does beside Latin letters, digits and
 * half-width punctuation (`Nova 的`, `(English) 的`), not beside Chinese or full-width punctuation (`业界动态的`).
 */
const spacedFromChinese = (char: string | undefined) =>
  !!char && (/[!-~]/.test(char) || /[\p{L}\p{N}]/u.test(char)) && !/\p{Script=Han}/u.test(char);

// `{{project, spaceAfter}}的全部动态`: a name written in either script meets the Chinese around it as Chinese typesetting wants.
instance.services.formatter?.add('spaceBefore', (value: unknown) => {
  const text = String(value);
  return spacedFromChinese(text[0]) ? ` ${text}` : text;
});
instance.services.formatter?.add('spaceAfter', (value: unknown) => {
  const text = String(value);
  return spacedFromChinese(text.at(-1)) ? `${text} ` : text;
});

export type Translate = TFunction;

const translators = new Map<Locale, Translate>();

/**
 * The string function for one locale, made once. Results are remembered: thousands of pages ask
 * for the same few hundred strings, and i18next's lookup is the costly part.
 */
export function getTranslator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const fixed = instance.getFixedT(locale) as unknown as (key: string, options?: object) => string;
    const results = new Map<string, string>();
    translate = ((key: string, options?: object) => {
      const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
      let text = results.get(id);
      if (text === undefined) results.set(id, (text = fixed(key, options)));
      return text;
    }) as unknown as Translate;
    translators.set(locale, translate);
  }
  return translate;
}
