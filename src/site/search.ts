/**
 * What pages tell the search code in the browser, as data attributes: the files a box asks for
 * when focused, and the messages and labels the search view shows.
 */
import type { Translate } from '../i18n/t.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/search/contract.ts';
import { startupFiles } from '../lib/search/page/startup.ts';
import { fileHref } from './hrefs.ts';

/** A search box's `data-search-files`: the addresses of Pagefind's start-up files (`startupFiles`), under the base path. */
export function searchStartupFiles(): string {
  return startupFiles()
    .map((file) => fileHref(`${SEARCH_BUNDLE_DIR}/${file}`))
    .join(' ');
}

/**
 * The messages and labels of the search view (`src/client/search-view.ts`), as data attributes of
 * its element: the search page's, or the header panel's, which has no filters or counts.
 * `{{query}}` and the numbers are filled in by the script, as text.
 */
export function searchViewMessages(t: Translate, where: 'page' | 'panel'): Record<string, string> {
  return {
    'data-msg-searching': t('search.searching'),
    'data-msg-results': t('search.results', { total: '{{total}}' }),
    'data-msg-none': where === 'page' ? t('search.none', { query: '{{query}}' }) : t('search.panelNone', { query: '{{query}}' }),
    'data-msg-empty': t('search.empty'),
    'data-msg-too-long': t('search.tooLong', { length: '{{length}}', max: '{{max}}', query: '{{query}}' }),
    'data-msg-no-words': t('search.noWords', { query: '{{query}}' }),
    'data-msg-failed': t('search.failed'),
    'data-label-introduction': t('issue.introduction'),
    'data-label-original': t('search.original'),
    'data-label-stale': t('translation.staleBadge'),
    'data-label-also-in': t('search.alsoIn'),
    'data-msg-widened': t('search.widened', { names: '{{names}}' }),
    'data-msg-exact': t('search.exactly', { names: '{{names}}' }),
    'data-label-exact': t('search.onlyAsTyped'),
    'data-label-widen': t('search.alsoOtherNames'),
    'data-label-separator': t('search.separator'),
    'data-msg-found-as': t('search.foundAs', { form: '{{form}}' }),
    'data-label-apart': t('search.apart'),
    ...(where === 'page'
      ? {
          'data-msg-project-count': t('search.projectCount', { issues: '{{issues}}' }),
          'data-msg-month-one': t('search.monthCount', { month: '{{month}}', count: 1 }).replace('1', '{{count}}'),
          'data-msg-month-other': t('search.monthCount', { month: '{{month}}', count: 2 }).replace('2', '{{count}}'),
        }
      : {}),
  };
}
