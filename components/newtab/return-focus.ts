/**
 * Where focus goes when the goal detail closes. The detail is removed from the page rather than
 * `close()`d, so the browser does not put focus back by itself: keyboard and screen-reader users were
 * left at the top of the page, far from the card they had opened.
 */
let opener: HTMLElement | null = null;

/** Called as the detail opens: remembers what had focus (the card's title button, usually). */
export function rememberOpener(): void {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  opener = active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Called as the detail closes: focus goes back to the opener, or — when that card was re-rendered or
 * the goal is gone (archived, deleted) — to another card of the same goal, else to "New goal".
 */
export function returnFocus(goalId: string | null): void {
  const remembered = opener;
  opener = null;
  requestAnimationFrame(() => {
    if (document.querySelector('dialog[open]')) return; // another dialog took over (the editor)
    const sameGoal =
      goalId === null
        ? null
        : document.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(goalId)}"] .pc-card-title`);
    const target = remembered?.isConnected
      ? remembered
      : (sameGoal ?? document.querySelector<HTMLElement>('[data-testid="new-goal"]'));
    target?.focus();
  });
}
