/**
 * What the search code's first file (`search.ts`) brings in: the search page and the header's
 * panel, one file for both, so that each page asks for one file more, not for one per module
 * the two share.
 */
export { startSearchPage } from './search-page.ts';
export { startSearchPanel } from './search-panel.ts';
