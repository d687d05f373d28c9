/**
 * Progressive enhancement of the subscribe page: focusing an address selects it, and where the
 * Clipboard API exists each address gets a Copy button. Without JavaScript the fields still copy.
 */
const liveRegion = document.querySelector<HTMLElement>('[data-copy-status]');

for (const field of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-feed-address]')) {
  field.addEventListener('focus', () => field.select());
}

if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const field = document.getElementById(button.dataset['copyTarget'] ?? '');
    if (!(field instanceof HTMLTextAreaElement)) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(field.value).then(
        () => {
          button.textContent = button.dataset['copied'] ?? label;
          // Emptied first, so copying the same address again is announced again.
          if (liveRegion) {
            liveRegion.textContent = '';
            setTimeout(() => (liveRegion.textContent = button.dataset['status'] ?? ''), 100);
          }
          setTimeout(() => (button.textContent = label), 2000);
        },
        // Permission refused: leave the address selected for Ctrl+C.
        () => field.select(),
      );
    });
  }
}
