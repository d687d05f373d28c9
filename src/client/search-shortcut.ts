/**
 * `/` (when not typing) and Ctrl/Cmd+K focus the page's search box: the header's, or the search
 * page's own. Kept tiny: it runs on every page.
 */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if ((!slash && !commandK) || !input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
