// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeasuredGoalLine } from '../../../components/overlay/measured-goal';
import type { GoalOption, MeasuredGoal } from '../../../lib/overlay/overlay-context';

/**
 * The panel's "Measured against" line: a pick that fell back to the rule is said, and can be forgotten
 * from there (the select cannot clear it: "Pacer's choice" is already what it shows).
 */
afterEach(() => render(null, document.body));

const options: GoalOption[] = [
  { goalId: 'q4', title: 'Q4 revenue' },
  { goalId: 'bhag', title: '3-year revenue' },
];

function shown(measured: MeasuredGoal, locale: 'en' | 'vi' = 'en') {
  const onPick = vi.fn();
  render(
    <MeasuredGoalLine locale={locale} measured={measured} options={options} onPick={onPick} />,
    document.body,
  );
  const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { onPick, q };
}

describe('the measured goal in the CRM panel', () => {
  it('says a fallen-back pick and forgets it on request (en, vi)', () => {
    const { onPick, q } = shown({ goalId: 'q4', title: 'Q4 revenue', how: 'fallback' });
    expect(q('panel-measured-fallback')?.textContent).toContain('until it is open again');
    const forget = q('panel-forget-pick');
    expect(forget?.textContent).toBe('Use Pacer’s choice from now on');
    forget?.click();
    expect(onPick).toHaveBeenCalledWith(undefined);
    expect(
      shown({ goalId: 'q4', title: 'Q4 revenue', how: 'fallback' }, 'vi').q('panel-forget-pick')?.textContent,
    ).toBe('Từ nay dùng mục tiêu Pacer tự chọn');
  });

  it('offers no "forget" for the rule or a pick in force', () => {
    expect(shown({ goalId: 'q4', title: 'Q4 revenue', how: 'rule' }).q('panel-forget-pick')).toBeNull();
    expect(
      shown({ goalId: 'bhag', title: '3-year revenue', how: 'picked' }).q('panel-forget-pick'),
    ).toBeNull();
  });
});
