import { type TrashGroup, trashGroups } from '../../lib/app/goal-delete';
import { formatDate } from '../../lib/i18n/format';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, tr } from '../app/session';
import { DisclosureWidget } from './disclosure-widget';
import { restoreGoals, subGoalCount } from './goal-delete';
import { showToast } from './model';
import { useLiveRecords } from './use-live-records';

/**
 * "Recently deleted": goals in the trash, one row per delete, each restored in one click together
 * with the sub-goals deleted with it. Before, a deleted goal (and a BHAG's 68 milestones with it)
 * could only come back through the toast's 10-second Undo.
 */
export function TrashList() {
  const t = tr.value;
  const s = settings.value;
  const goals = useLiveRecords((db) => repository(db, 'goals').list({ includeDeleted: true }), ['goals']);
  if (!goals) return null;
  const groups = trashGroups(goals, s.locale);
  if (groups.length === 0) return null;

  const restore = async (group: TrashGroup) => {
    await restoreGoals(group.ids);
    const message =
      group.subGoals === 0
        ? t('trash.restored', { name: group.name })
        : t('trash.restoredWith', {
            name: group.name,
            subGoals: subGoalCount(t, group.noun, group.subGoals),
          });
    // Undo puts them back in the trash under the same delete, so the row comes back whole.
    showToast(message, async () => {
      await repository(await getDb(), 'goals').softDelete(group.ids, group.deletedAt);
    });
  };

  return (
    <DisclosureWidget widget="trash" title={t('trash.title', { count: groups.length })} testId="trash-list">
      <table class="pc-table">
        <thead>
          <tr>
            <th scope="col">{t('trash.name')}</th>
            <th scope="col">{t('trash.with')}</th>
            <th scope="col">{t('trash.when')}</th>
            <th scope="col">
              <span class="pc-visually-hidden">{t('trash.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.id}:${g.deletedAt}`} data-testid="trash-item" data-id={g.id}>
              <th scope="row">
                {g.name}
                {g.parentInTrash && (
                  <small class="pc-muted pc-block" data-testid="trash-parent">
                    {t('trash.parentInTrash', { name: g.parentInTrash })}
                  </small>
                )}
              </th>
              <td>
                {g.subGoals
                  ? subGoalCount(t, g.noun, g.subGoals)
                  : g.moved
                    ? t('trash.movedUp', { count: String(g.moved) })
                    : '—'}
              </td>
              <td>{formatDate(g.deletedAt, s.locale, s.timeZone, 'dateTime')}</td>
              <td>
                <button
                  type="button"
                  data-testid="trash-restore"
                  aria-label={t('trash.restoreLabel', { name: g.name })}
                  onClick={() => void restore(g)}
                >
                  {t('trash.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DisclosureWidget>
  );
}
