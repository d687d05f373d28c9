/**
 * The reader's language choice, remembered when they use the language switch and applied on
 * their next visit to the site root only. Nothing redirects on Accept-Language.
 */
import { defaultLocale, isLocale, type Locale } from './locales.ts';

const KEY = 'digest-locale';

/** Remembers the language the reader switched to (silently does nothing where storage is off). */
export function rememberLocale(locale: string): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Storage can be disabled; the switch still works, it is just not remembered.
  }
}

/** The remembered language, when it is not the default one. */
export function rememberedLocale(): Locale | undefined {
  try {
    const choice = localStorage.getItem(KEY);
    return isLocale(choice) && choice !== defaultLocale ? choice : undefined;
  } catch {
    return undefined;
  }
}
