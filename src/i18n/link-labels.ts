/** The words beside outside links (`lib/outside-links.ts`) in one language, for an issue's day. */
import type { LinkLabels } from '../lib/outside-links.ts';
import { parseIsoDay } from '../lib/dates.ts';
import { formatDay } from './format.ts';
import type { Locale } from './locales.ts';
import { getTranslator } from './t.ts';

const made = new Map<string, LinkLabels>();

/** Where a label's `{{link}}` goes: i18next fills it with this, and the label is cut there. */
const LINK = '\u0000';

/**
 * The labels of one language for an issue published on `day` (`YYYY-MM-DD`), made once per pair.
 * @example getLinkLabels('en', '2014-02-15').beside // [' (', ')']
 */
export function getLinkLabels(locale: Locale, day: string): LinkLabels {
  const key = `${locale}|${day}`;
  let labels = made.get(key);
  if (!labels) {
    const t = getTranslator(locale);
    const date = formatDay(parseIsoDay(day) ?? new Date(Number.NaN), locale);
    const around = (text: string): [string, string] => {
      const [before = '', after = ''] = text.split(LINK);
      return [before, after];
    };
    labels = {
      archived: t('links.archived'),
      archivedTitle: t('links.archivedTitle', { date }),
      beside: around(t('links.beside', { link: LINK })),
      deadTitle: t('links.deadTitle', { date }),
      deadBeside: around(t('links.deadBeside', { link: LINK })),
      original: t('links.original'),
      movedTitle: (address) => t('links.movedTitle', { address }),
    };
    made.set(key, labels);
  }
  return labels;
}
