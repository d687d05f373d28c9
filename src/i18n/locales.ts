/**
 * The site's locales: the one list that routing, UI strings, feeds, the sitemap and the
 * content schemas derive from. Chinese is the original language and lives at `/`.
 */
export const locales = [
  /** The digest's own language, at unprefixed paths. */
  { code: 'zh-CN', prefix: '', label: '中文', rssLanguage: 'zh-cn' },
  /** Translations, under `/en/`. */
  { code: 'en', prefix: 'en', label: 'English', rssLanguage: 'en' },
] as const;

export type Locale = (typeof locales)[number]['code'];
export type LocaleInfo = (typeof locales)[number];

/** The locale of the original issues. */
export const defaultLocale = 'zh-CN' satisfies Locale;

/** Every locale code, default first. */
export const localeCodes = locales.map((locale) => locale.code) as [Locale, ...Locale[]];

/** Whether `value` is one of the site's locale codes. */
export function isLocale(value: unknown): value is Locale {
  return localeCodes.includes(value as Locale);
}

/** The locale's entry in the list. */
export function getLocaleInfo(code: Locale): LocaleInfo {
  return locales.find((locale) => locale.code === code) ?? locales[0];
}
