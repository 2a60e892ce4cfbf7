import { type TrashGroup, trashGroups } from '../../lib/app/goal-delete';
import { formatDate } from '../../lib/i18n/format';
import { repository } from '../../lib/storage/repository';
import { settings, tr } from '../app/session';
import { DisclosureWidget } from './disclosure-widget';
import { restoreGoals, subGoalCount, undoRestore } from './goal-delete';
import { showToast } from './model';
import { useLiveRecords } from './use-live-records';

/**
 * "Recently deleted": goals in the trash, one row per delete, each restored in one click together
 * with the sub-goals deleted with it. Before, a deleted goal (and a BHAG's 68 milestones with it)
 * could only come back through the toast's 10-second Undo. A goal whose parent is in the trash too
 * comes back with it ("Restore with “2026: …”"), never orphaned under a goal still deleted.
 */
export function TrashList() {
  const t = tr.value;
  const s = settings.value;
  const goals = useLiveRecords((db) => repository(db, 'goals').list({ includeDeleted: true }), ['goals']);
  if (!goals) return null;
  const groups = trashGroups(goals, s.locale);
  if (groups.length === 0) return null;

  const restore = async (group: TrashGroup) => {
    const plan = await restoreGoals(group.ids, { withAncestors: true });
    const message =
      group.parentInTrash && plan.restored.length > group.ids.length
        ? t('trash.restoredWithParent', {
            name: group.name,
            parent: group.parentInTrash,
            count: String(plan.restored.length),
          })
        : group.subGoals === 0
          ? t('trash.restored', { name: group.name })
          : t('trash.restoredWith', {
              name: group.name,
              subGoals: subGoalCount(t, group.noun, group.subGoals),
            });
    // Undo puts each goal back in the trash under its own delete, so the rows come back as they were.
    showToast(message, () => undoRestore(plan));
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
              <th scope="row" id={`trash-name-${g.id}`}>
                {g.name}
                {g.parentInTrash && (
                  <small class="pc-muted pc-block" data-testid="trash-parent">
                    {t('trash.parentInTrash', {
                      name: g.parentInTrash,
                      count: String(g.ids.length + g.ancestorIds.length),
                    })}
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
                  // "Restore with “2026: …”" is named by what it shows (axe: label in name); the row's
                  // goal and the note saying what comes back with it describe it.
                  {...(g.parentInTrash
                    ? { 'aria-describedby': `trash-name-${g.id}` }
                    : { 'aria-label': t('trash.restoreLabel', { name: g.name }) })}
                  onClick={() => void restore(g)}
                >
                  {g.parentInTrash ? t('trash.restoreWith', { name: g.parentInTrash }) : t('trash.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DisclosureWidget>
  );
}
