/**
 * UI strings around text from content: each value (an editor's name, a subtitle, a translator)
 * is set apart in a `<bdi>`, so that however its characters run (right to left, or with marks
 * that change the direction of what follows) it cannot reorder the string's own words, the link
 * and date after it. A value in Chinese (an editor's name on an English page) says so by its
 * `lang`, for screen readers. Pure; the result is HTML with every value escaped.
 */
import { escapeHtml } from '../lib/html-text.ts';
import { holdsChinese } from './lang-runs.ts';
import { defaultLocale, type Locale } from './locales.ts';
import type { ParseKeys } from 'i18next';
import type { Translate } from './t.ts';

// Private-use characters, which no UI string holds, stand for the values while i18next places them.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A value set apart, marked Chinese when it is on a page in another language. */
const isolated = (value: string, locale: Locale) =>
  `<bdi${locale !== defaultLocale && holdsChinese(value) ? ` lang="${defaultLocale}"` : ''}>${escapeHtml(value)}</bdi>`;

/**
 * A UI string as HTML, each value from content escaped and isolated; `own` values (the site's
 * own words, such as project names from the registry) are escaped only. `locale` is the page's.
 * @example translateIsolated(t, 'attribution.editor', { editor: '孔令贤' }) // '编辑：<bdi>孔令贤</bdi>'
 */
export function translateIsolated(
  t: Translate,
  key: ParseKeys,
  content: Readonly<Record<string, string>>,
  own: Readonly<Record<string, string>> = {},
  locale: Locale = defaultLocale,
): string {
  const names = Object.keys(content);
  const marked = Object.fromEntries(names.map((name, index) => [name, `${OPEN}${index}${CLOSE}`]));
  // i18next's overloads do not narrow a key held in a variable; the string is the same.
  const text = (t as unknown as (key: string, options: object) => string)(key, { ...own, ...marked });
  return text
    .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`))
    .map((piece, index) => (index % 2 === 0 ? escapeHtml(piece) : isolated(content[names[Number(piece)] ?? ''] ?? '', locale)))
    .join('');
}
