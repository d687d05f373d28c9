/**
 * Chinese set apart by `lang` where it appears in another language's text: a screen reader reads
 * a run in the voice its `lang` names (an English voice spells 孔令贤 out as "unknown character"
 * or skips it), and a browser picks its font by it. Pure; results are HTML, every piece escaped.
 */
import { escapeHtml } from '../lib/html-text.ts';
import { defaultLocale, type Locale } from './locales.ts';

/** A Han character with the marks after it (a variation selector picks its form: it must stay with it). */
const HAN = String.raw`\p{Script=Han}\p{M}*`;
/** CJK and full-width punctuation, with its marks. */
const PUNCTUATION = String.raw`[\u3000-\u303F\uFF01-\uFF5E]\p{M}*`;
/** Han characters with the Latin letters and digits written against them (`I版`, `OpenStack社区动态`). */
const WORD = String.raw`[A-Za-z0-9]*(?:${HAN})+[A-Za-z0-9]*`;

/**
 * Chinese words and the CJK punctuation around and between them. Punctuation alone, or beside
 * Latin words only (`Neutron（formerly Quantum）`, a full-width space), is no Chinese.
 */
const CHINESE_RUN = new RegExp(`(?:${PUNCTUATION})*${WORD}(?:(?:${PUNCTUATION})*${WORD})*(?:${PUNCTUATION})*`, 'gu');

/** Whether a text holds Chinese. @example holdsChinese('Icehouse I版') // true */
export function holdsChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * A text cut where Chinese starts and ends, each piece saying whether it is Chinese.
 * @example chineseRuns('Huawei (华为) team') // [{ text: 'Huawei (', chinese: false }, { text: '华为', chinese: true }, { text: ') team', chinese: false }]
 */
export function chineseRuns(text: string): { text: string; chinese: boolean }[] {
  const runs: { text: string; chinese: boolean }[] = [];
  let last = 0;
  for (const run of text.matchAll(CHINESE_RUN)) {
    if (run.index > last) runs.push({ text: text.slice(last, run.index), chinese: false });
    runs.push({ text: run[0], chinese: true });
    last = run.index + run[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), chinese: false });
  return runs;
}

/**
 * A UI string as HTML, each run of Chinese in it marked `lang="zh-CN"` when the page is in another
 * language; on a Chinese page, the text escaped.
 * @example chineseMarked('for example 健康检查 or H版', 'en') // 'for example <span lang="zh-CN">健康检查</span> or <span lang="zh-CN">H版</span>'
 */
export function chineseMarked(text: string, locale: Locale): string {
  if (locale === defaultLocale) return escapeHtml(text);
  return chineseRuns(text)
    .map(({ text: run, chinese }) => (chinese ? `<span lang="${defaultLocale}">${escapeHtml(run)}</span>` : escapeHtml(run)))
    .join('');
}
