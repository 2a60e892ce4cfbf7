// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormField } from '../../../components/newtab/editor/form-field';
import { DayInput, FieldNoteLine, useCalendarField } from '../../../components/shared/day-input';
import { emptyGoalForm, formToGoal } from '../../../lib/app/goal-form';
import type { Locale } from '../../../lib/schema';

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => render(null, document.body));

/** A form that keeps what the field reports, as the goal form does with its deadline. */
function mount(locale: Locale, initial = '', opts: { max?: string; error?: string } = {}) {
  const seen: string[] = [];
  let current = initial;
  function Form() {
    const [day, setDay] = useState(initial);
    return (
      <FormField id="goal-deadline" label="Deadline" error={opts.error}>
        {(a) => (
          <DayInput
            {...a}
            value={day}
            locale={locale}
            label="Deadline"
            max={opts.max}
            onDay={(d) => {
              seen.push(d);
              current = d;
              setDay(d);
            }}
          />
        )}
      </FormField>
    );
  }
  render(<Form />, document.body);
  const input = document.querySelector<HTMLInputElement>('#goal-deadline')!;
  const type = async (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
  };
  const leave = async () => {
    input.dispatchEvent(new FocusEvent('blur'));
    await tick();
  };
  const text = (sel: string) => document.querySelector(sel)?.textContent ?? null;
  return { input, type, leave, seen, text, value: () => current };
}

describe('a date field typed in Pacer’s language', () => {
  it('saves 7 December for the founder’s 07/12/2026 in Vietnamese (a browser field in English read 12 July)', async () => {
    const f = mount('vi');
    expect(f.input.type).toBe('text');
    expect(f.input.placeholder).toBe('dd/mm/yyyy');
    await f.type('07/12/2026');
    expect(f.value()).toBe('2026-12-07');
    expect(f.text('[data-testid="day-words"]')).toBe('Thứ Hai, 7 tháng 12, 2026');
    expect(f.input.getAttribute('aria-describedby')).toContain('goal-deadline-words');
  });

  it('shows a stored day the way the UI writes it, and tidies what was typed when the user leaves', async () => {
    const en = mount('en', '2026-12-31');
    expect(en.input.value).toBe('Dec 31, 2026');
    expect(en.input.placeholder).toBe('e.g. Dec 31, 2026');
    await en.type('12/7/26');
    expect(en.value()).toBe('2026-12-07');
    await en.leave();
    expect(en.input.value).toBe('Dec 7, 2026');
    render(null, document.body);
    const vi = mount('vi');
    await vi.type('7/12/26');
    await vi.leave();
    expect(vi.input.value).toBe('07/12/2026');
  });

  it('keeps a day that does not exist as typed, says why once the user leaves, and never saves it', async () => {
    const f = mount('vi');
    await f.type('31/02/2026');
    // The form holds the text, not another day nor nothing.
    expect(f.value()).toBe('31/02/2026');
    expect(f.text('[data-testid="day-problem"]')).toBeNull();
    await f.leave();
    expect(f.input.value).toBe('31/02/2026');
    expect(f.text('[data-testid="day-problem"]')).toBe('Tháng 2/2026 chỉ có 28 ngày: không có ngày 31.');
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
    expect(f.input.getAttribute('aria-describedby')).toBe('goal-deadline-words');
    const saved = formToGoal(
      { ...emptyGoalForm({ currency: 'VND' }), title: 'Doanh thu', deadline: f.value() },
      { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', now: Date.UTC(2026, 2, 1), newId: () => 'g' },
    );
    expect(saved.ok).toBe(false);
    if (!saved.ok)
      expect(saved.errors.deadline).toMatchObject({
        text: { vi: 'Tháng 2/2026 chỉ có 28 ngày: không có ngày 31.' },
      });
    // Typing again hides the message until the user leaves the field again.
    await f.type('28/02/2026');
    expect(f.value()).toBe('2026-02-28');
    expect(f.text('[data-testid="day-problem"]')).toBeNull();
  });

  it('leaves the message to the form when the form shows its own error', async () => {
    const f = mount('en', '', { error: 'February 2026 has 28 days: there is no day 30.' });
    await f.type('Feb 30, 2026');
    await f.leave();
    expect(f.text('[data-testid="day-problem"]')).toBeNull();
    expect(f.text('[data-testid="error-goal-deadline"]')).toMatch(/no day 30/);
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
  });

  it('says a day after max is too late, with the day in words still shown while typing', async () => {
    const f = mount('en', '', { max: '2026-12-07' });
    await f.type('Dec 8, 2026');
    expect(f.value()).toBe('2026-12-08');
    expect(f.text('[data-testid="day-words"]')).toBe('Tue, Dec 8, 2026');
    await f.leave();
    expect(f.text('[data-testid="day-problem"]')).toBe('Choose Dec 7, 2026 or an earlier day.');
  });

  it('reads a log day typed without its year as the latest such day up to today, and says so', async () => {
    // The popup's and the data entry's day: max is today, Monday 7 December 2026.
    const f = mount('vi', '', { max: '2026-12-07' });
    expect(f.input.title).toBe('Không ghi năm: là ngày đó gần nhất tính đến hôm nay, ví dụ 1/12.');
    await f.type('1/12');
    expect(f.value()).toBe('2026-12-01');
    expect(f.text('[data-testid="day-words"]')).toBe('Thứ Ba, 1 tháng 12, 2026');
    await f.type('25/12');
    expect(f.value()).toBe('2025-12-25');
    await f.leave();
    expect(f.input.value).toBe('25/12/2025');
    render(null, document.body);
    const en = mount('en', '', { max: '2026-12-07' });
    expect(en.input.title).toBe('Without a year, the latest such day up to today: 12/1 or Dec 1.');
    await en.type('12/1');
    expect(en.value()).toBe('2026-12-01');
    await en.type('1/12');
    expect(en.value()).toBe('2026-01-12');
    // A deadline has no such bound: it asks for the year.
    render(null, document.body);
    const deadline = mount('en');
    expect(deadline.input.title).toBe('');
    await deadline.type('Dec 31');
    await deadline.leave();
    expect(deadline.value()).toBe('Dec 31');
    expect(deadline.text('[data-testid="day-problem"]')).toBe(
      '“Dec 31” has no year. Write it like Dec 31, 2026 or 12/31/2026.',
    );
  });

  it('opens the browser’s picker from a named button and writes the picked day in the UI’s form', async () => {
    const f = mount('vi', '2026-12-07');
    const button = document.querySelector<HTMLButtonElement>('.pc-calendar-button')!;
    expect(button.getAttribute('aria-label')).toBe('Deadline: chọn trên lịch');
    const anchor = document.querySelector<HTMLInputElement>('.pc-picker-anchor')!;
    expect(anchor.getAttribute('aria-hidden')).toBe('true');
    expect(anchor.tabIndex).toBe(-1);
    expect(anchor.value).toBe('2026-12-07');
    const showPicker = vi.fn();
    anchor.showPicker = showPicker;
    button.click();
    expect(showPicker).toHaveBeenCalledOnce();
    anchor.value = '2027-12-31';
    anchor.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(f.input.value).toBe('31/12/2027');
    expect(f.value()).toBe('2027-12-31');
    // No showPicker (or refused): the browser's field gets the focus, where Alt+↓ opens it.
    anchor.showPicker = () => {
      throw new DOMException('no', 'NotAllowedError');
    };
    button.click();
    expect(document.activeElement).toBe(anchor);
  });

  it('takes a form’s own change of value (back to today after a save)', async () => {
    let reset: (d: string) => void = () => {};
    function Form() {
      const [day, setDay] = useState('');
      reset = setDay;
      return <DayInput id="d" value={day} locale="vi" label="Ngày" onDay={setDay} />;
    }
    render(<Form />, document.body);
    const input = document.querySelector<HTMLInputElement>('#d')!;
    input.value = '1/1/2026';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(input.value).toBe('1/1/2026');
    reset('2026-12-07');
    await tick();
    expect(input.value).toBe('07/12/2026');
  });
});

describe('a month field', () => {
  it('reads vi 12/2026 and Tháng 12/2026, en Dec 2026, and keeps text that is not a month', async () => {
    const seen: string[] = [];
    function Form({ locale }: { locale: Locale }) {
      const [month, setMonth] = useState('2026-01');
      // As the values list (kpi-values.tsx) lays it out: the field, what is wrong under the row.
      const field = useCalendarField({
        id: 'm',
        kind: 'month',
        value: month,
        locale,
        label: 'Tháng',
        onValue: (m) => {
          seen.push(m);
          setMonth(m);
        },
      });
      return (
        <div>
          {field.control}
          <FieldNoteLine note={field.note} />
        </div>
      );
    }
    render(<Form locale="vi" />, document.body);
    const input = document.querySelector<HTMLInputElement>('#m')!;
    expect(input.value).toBe('01/2026');
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick();
    };
    await type('Tháng 12/2026');
    await type('13/2026');
    input.dispatchEvent(new FocusEvent('blur'));
    await tick();
    expect(seen).toEqual(['2026-12', '13/2026']);
    expect(input.value).toBe('13/2026');
    expect(document.querySelector('[data-testid="day-problem"]')?.textContent).toBe(
      'Không có tháng 13 trong “13/2026”.',
    );
    render(null, document.body);
    render(<Form locale="en" />, document.body);
    expect(document.querySelector<HTMLInputElement>('#m')!.value).toBe('Jan 2026');
  });
});
