/**
 * The search code, one file for both places it runs (so neither waits for a second download of
 * code the two share): the search page, where it loads with the page, and the header's panel on
 * every other page, where the box brings it in when first focused (`search-loader.ts`).
 */
import { startSearchPage } from './search-page.ts';
import { startSearchPanel } from './search-panel.ts';

const app = document.getElementById('search-app');
const panelForm = document.querySelector<HTMLFormElement>('form[data-search-panel-form]');
if (app) startSearchPage(app);
else if (panelForm) startSearchPanel(panelForm);
