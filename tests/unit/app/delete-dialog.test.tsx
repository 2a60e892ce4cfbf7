// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { settings } from '../../../components/app/session';
import { DeleteDialog } from '../../../components/newtab/delete-dialog';
import { DeleteGoalButton } from '../../../components/newtab/goal-delete';
import { defaultSettings } from '../../../lib/schema';

/**
 * The question before a delete is one piece of markup (delete-dialog.tsx): the goal delete's two
 * branches had each written their own Cancel (a duplicate), and the KPI delete asks with it too.
 */
afterEach(() => render(null, document.body));

describe('DeleteDialog', () => {
  it('asks, lists the ways to delete, and ends with one Cancel, focused; Escape is Cancel', () => {
    settings.value = defaultSettings({ locale: 'vi' });
    let cancelled = 0;
    render(
      <DeleteDialog
        testId="ask"
        cancelTestId="ask-cancel"
        question="Delete “Revenue”?"
        hint="What goes."
        onCancel={() => cancelled++}
      >
        <button type="button" data-testid="go">
          Delete
        </button>
      </DeleteDialog>,
      document.body,
    );
    const dialog = document.querySelector('[data-testid="ask"]') as HTMLDialogElement;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Delete “Revenue”?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'What goes.',
    );
    const buttons = [...dialog.querySelectorAll('button')];
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['go', 'ask-cancel']);
    expect(buttons[1]?.textContent).toBe('Hủy');
    expect(buttons[1]?.hasAttribute('autofocus') || document.activeElement === buttons[1]).toBe(true);
    buttons[1]?.click();
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(cancelled).toBe(2);
  });

  it('is the goal delete’s markup: its Cancel is written once, in delete-dialog.tsx', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('components/newtab/goal-delete.tsx', 'utf8');
    expect(source).toContain('<DeleteDialog');
    expect(source).not.toContain('goal-delete-cancel" onClick');
    expect(source.match(/action\.cancel/g) ?? []).toHaveLength(0);
    expect(DeleteGoalButton).toBeTypeOf('function');
  });
});
