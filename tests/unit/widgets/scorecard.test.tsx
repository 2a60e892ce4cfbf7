// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Scorecard } from '../../../components/widgets/scorecard';
import { exampleViews } from '../example/example-views';

/**
 * The Balanced Scorecard lists each goal with its progress line (docs/figures.md): a milestone whose
 * window has not opened says when it starts, not "0% of target", and an objective shows its score.
 */
const NOW = Date.UTC(2026, 11, 6, 2);

describe('the scorecard, on the example', () => {
  it('future milestones say when they start; objectives carry their score', () => {
    const views = exampleViews(NOW, 'Asia/Ho_Chi_Minh', 'en').map((v) => v.view);
    const perspectives = [
      {
        perspective: 'financial' as const,
        label: 'Financial',
        status: 'at_risk' as const,
        goalIds: views.filter((v) => v.perspective === 'financial').map((v) => v.id),
      },
      {
        perspective: 'customer' as const,
        label: 'Customer',
        status: 'off_track' as const,
        goalIds: views.filter((v) => v.perspective === 'customer').map((v) => v.id),
      },
    ];
    const host = document.createElement('div');
    render(<Scorecard perspectives={perspectives} goals={views} statusLabel={(s) => s} />, host);
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items.find((t) => t.startsWith('2027: 97 billion VND revenue'))).toBe(
      '2027: 97 billion VND revenue starts Jan 1, 2027',
    );
    expect(items.filter((t) => /\b0% of target/.test(t))).toEqual([]);
    expect(items.find((t) => t.startsWith("Become distributors' first-choice supplier"))).toMatch(
      // The score so far, never a zone beside the status while the quarter runs (okr-score-text.ts).
      /supplier [■▲●] (on_track|at_risk|off_track) · 0\.\d\d · OKR score so far · 0\.7 by the end is a good result$/,
    );
    // Every row with a status says it, so the perspective's can be checked against its rows.
    const net = items.find((t) => t.startsWith('Net profit'));
    expect(net).toMatch(/^Net profit of 5\.5 billion VND this year [■▲●] (on_track|at_risk|off_track) · /);
  });

  it('a goal already achieved reads done, as on the milestone timeline', () => {
    const views = exampleViews(NOW, 'Asia/Ho_Chi_Minh', 'en').map((v) => v.view);
    const financial = views.filter((v) => v.perspective === 'financial');
    const met = financial.find((v) => v.kind === 'milestone' && v.status === 'on_track');
    expect(met).toBeDefined();
    const host = document.createElement('div');
    const perspective = {
      perspective: 'financial' as const,
      label: 'Financial',
      status: 'at_risk' as const,
      goalIds: financial.map((v) => v.id),
      achievedIds: [met?.id ?? ''],
    };
    render(<Scorecard perspectives={[perspective]} goals={views} statusLabel={(s) => s} />, host);
    const row = [...host.querySelectorAll('li')].find((li) => li.textContent?.startsWith(met?.title ?? '?'));
    expect(row?.textContent).toMatch(/ done · /);
    expect(row?.textContent).not.toMatch(/on_track/);
  });
});
