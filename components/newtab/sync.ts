import { browser } from '#imports';
import { computeDashboard } from '../../lib/app/dashboard-data';
import { onChange } from '../../lib/storage/changes';
import { FORMER_TEAMS_KEY } from '../../lib/team/former-teams';
import { parseTeamState, TEAM_KEY } from '../../lib/team/state';
import { getDb, settings } from '../app/session';
import { cacheSummary, data, loadError } from './model';

const WATCHED = ['metrics', 'goals', 'checkIns', 'obsBlocks', 'rollups', 'settings', 'leads', 'channelSpend'];

/**
 * Recomputes the dashboard when anything it shows changes — in this tab or any other surface — with
 * changes in one burst coalesced into one recompute.
 */
export async function startDashboardSync() {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const recompute = async () => {
    try {
      const d = await computeDashboard(await getDb(), settings.value, Date.now());
      data.value = d;
      if (d.goals.length && !performance.getEntriesByName('pacer:first-card').length) {
        requestAnimationFrame(() => performance.mark('pacer:first-card'));
      }
      loadError.value = null;
      cacheSummary(d, settings.value.locale, settings.value.onboarded);
      document.querySelector('main')?.setAttribute('aria-busy', 'false');
    } catch (e) {
      loadError.value = e instanceof Error ? e.message : String(e);
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void recompute(), 50);
  };
  onChange((e) => {
    if (e.stores.some((s) => WATCHED.includes(s))) later();
  });
  // Sharing a goal, leaving a team or joining one again changes whose values a goal counts
  // (lib/team/whose-values.ts).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const c = changes[TEAM_KEY];
    const ids = (v: unknown) => JSON.stringify(parseTeamState(v)?.goalIds ?? []);
    if ((c && ids(c.oldValue) !== ids(c.newValue)) || FORMER_TEAMS_KEY in changes) later();
  });
  await recompute();
}
