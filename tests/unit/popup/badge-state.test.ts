import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../lib/i18n/translate';
import { BADGE_COLORS, badgeState } from '../../../lib/popup/badge-state';
import { topGoals } from '../../../lib/popup/top-goals';
import { goalView } from './fixtures';

const en = createTranslator('en');

describe('badgeState', () => {
  it('counts off-track goals, colours by the worst status and explains in the tooltip', () => {
    expect(badgeState(['on_track', 'off_track', 'at_risk', 'off_track'], en)).toEqual({
      text: '2',
      color: BADGE_COLORS.off_track,
      title: 'Pacer — 2 off track, 1 at risk, 1 on track',
    });
  });
  it('shows no number but the at-risk colour when nothing is off track', () => {
    expect(badgeState(['at_risk', 'done'], en)).toEqual({
      text: '',
      color: BADGE_COLORS.at_risk,
      title: 'Pacer — 1 at risk, 1 done',
    });
  });
  it('caps the number and speaks Vietnamese', () => {
    const many = Array.from({ length: 120 }, () => 'off_track' as const);
    expect(badgeState(many, en).text).toBe('99+');
    expect(badgeState(['off_track'], createTranslator('vi')).title).toBe('Pacer — 1 chậm tiến độ');
  });
  it('has a neutral state without goals', () => {
    expect(badgeState([], en)).toEqual({
      text: '',
      color: BADGE_COLORS.no_data,
      title: 'Pacer — no goals yet',
    });
  });
});

describe('topGoals', () => {
  it('puts my goals first, then pinned, then the worst status, lowest progress first; no milestones', () => {
    const goals = [
      goalView('a', { status: 'on_track' }),
      goalView('b', { status: 'off_track', progress: 0.4 }),
      goalView('c', { status: 'off_track', progress: 0.1 }),
      goalView('d', { status: 'on_track', pinned: true }),
      goalView('e', { status: 'done', owner: 'Minh' }),
      goalView('m', { status: 'off_track', kind: 'milestone' }),
    ];
    expect(topGoals(goals, '', 4).map((g) => g.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(topGoals(goals, 'minh', 2).map((g) => g.id)).toEqual(['e', 'd']);
  });
});
