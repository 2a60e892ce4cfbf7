/**
 * The words on a lead badge, from the numbers the background computed: short texts for the pill
 * ("A", "18% of Q3 gap", "5d") and one sentence for its tooltip. Pure: the locale is passed in.
 */
import { overlayT as t } from '../i18n/messages-overlay';
import type { Locale } from '../schema/common';
import type { LeadBadgeData } from './overlay-context';

export interface BadgeView {
  tier?: string;
  share?: string;
  days?: string;
  title: string;
  /**
   * Set on a pill drawn without some of its parts (lib/overlay/pill-fit.ts): the parts out of sight.
   * They stay in the pill, visually hidden, so a screen reader reads the words shown and then the ones
   * dropped (a `role="img"` label read instead of the visible words); the title names them too.
   */
  dropped?: readonly ('tier' | 'share' | 'days')[];
}

const memo = new Map<string, BadgeView | null>();
/** A gap label this short ("Q3") fits in the pill. */
const SHORT_LABEL = 6;

/**
 * The badge of one lead. Views depend only on the tier, the share, the days and the language, and a
 * CRM page shows dozens of leads with the same ones, re-rendered often: they are built once each.
 * Views are shared, so they must not be changed by the caller.
 */
export function formatBadge(data: LeadBadgeData, locale: Locale, gapLabel: string | null): BadgeView | null {
  const share = data.gapShare === null ? null : percentText(data.gapShare);
  const key = `${locale}\u0000${gapLabel}\u0000${data.tier}\u0000${share}\u0000${data.daysInStage}\u0000${data.daysAtLeast === true}\u0000${data.noRate}`;
  if (memo.has(key)) return memo.get(key) ?? null;
  const view = buildBadge(data, locale, gapLabel);
  if (memo.size >= 2000) memo.clear();
  memo.set(key, view);
  return view;
}

function buildBadge(data: LeadBadgeData, locale: Locale, gapLabel: string | null): BadgeView | null {
  const view: BadgeView = { title: '' };
  const sentences: string[] = [];
  if (data.tier) {
    view.tier = data.tier;
    sentences.push(t(locale, 'overlay.badge.tierTitle', { tier: data.tier }));
  }
  if (data.gapShare !== null && gapLabel) {
    const percent = percentText(data.gapShare);
    // The pill names a quarter ("18% of Q3 gap"); a goal's title goes in the tooltip only: in the pill
    // it pushed the tier and the share out of the badge's box ("C <1% of Reach 150 billio").
    view.share =
      gapLabel.length <= SHORT_LABEL
        ? t(locale, 'overlay.badge.share', { percent, period: gapLabel })
        : t(locale, 'overlay.badge.shareOfGoal', { percent });
    sentences.push(t(locale, 'overlay.badge.shareTitle', { percent, period: gapLabel }));
  } else if (data.noRate && gapLabel) {
    // No share for want of a rate: said, so a USD deal's missing share does not read as "no value".
    view.share = t(locale, 'overlay.badge.noRate', { currency: data.noRate });
    sentences.push(t(locale, 'overlay.badge.noRateTitle', { currency: data.noRate, period: gapLabel }));
  }
  if (data.daysInStage !== null) {
    // Counts passed as text for the same reason (a number param goes through Intl.NumberFormat).
    const count = String(data.daysInStage);
    if (data.daysAtLeast && data.daysInStage === 0) {
      // First read today, already in this stage: "0d" would claim it just got there. In the pill only
      // beside a tier at most: with a share too it pushed the share out of the badge's box.
      if (!view.share) view.days = t(locale, 'overlay.badge.daysNew');
      sentences.push(t(locale, 'overlay.badge.daysNewTitle'));
    } else if (data.daysAtLeast) {
      // Already in this stage when Pacer first read it: how long before that, Pacer cannot know.
      view.days = t(locale, 'overlay.badge.daysAtLeast', { count });
      sentences.push(t(locale, 'overlay.badge.daysAtLeastTitle', { count }));
    } else {
      view.days = t(locale, 'overlay.badge.days', { count });
      sentences.push(
        t(locale, data.daysInStage === 1 ? 'overlay.badge.daysTitle.one' : 'overlay.badge.daysTitle.other', {
          count,
        }),
      );
    }
  }
  if (sentences.length === 0) return null;
  view.title = sentences.join(' · ');
  return view;
}

/**
 * Shares under 1% still count: "<1%" rather than a misleading "0%". Whole percents read the same in en
 * and vi, and skipping Intl here saves ~30 ms of formatter set-up on a CRM page.
 */
function percentText(share: number): string {
  return share > 0 && share < 0.01 ? '<1%' : `${Math.round(share * 100)}%`;
}
