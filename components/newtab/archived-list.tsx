import './archived-list.css';
import { type ArchivedItem, archivedItems } from '../../lib/app/archived-list';
import { formatDate } from '../../lib/i18n/format';
import { repository, toggleArchived } from '../../lib/storage/repository';
import { getDb, settings, tr } from '../app/session';
import { DisclosureWidget } from './disclosure-widget';
import { editing, openGoal, showToast } from './model';
import { useLiveRecords } from './use-live-records';

/**
 * The archive, both ways: archived goals and KPIs listed under the dashboard, each one opened (the
 * goal detail or the KPI editor, both with "Unarchive") or restored in one click, with Undo.
 */
export function ArchivedList() {
  const t = tr.value;
  const s = settings.value;
  const records = useLiveRecords(
    async (db) => {
      const [goals, metrics] = await Promise.all([
        repository(db, 'goals').list(),
        repository(db, 'metrics').list(),
      ]);
      return { goals, metrics };
    },
    ['goals', 'metrics'],
  );

  if (!records) return null;
  const items = archivedItems(records.goals, records.metrics, s.locale);
  if (items.length === 0) return null;

  const restore = async (item: ArchivedItem) => {
    const db = await getDb();
    const record =
      item.kind === 'goal'
        ? records.goals.find((g) => g.id === item.id)
        : records.metrics.find((m) => m.id === item.id);
    if (!record) return;
    const store = item.kind === 'goal' ? 'goals' : 'metrics';
    const restored = await toggleArchived(db, store, record as never);
    showToast(t('archive.restored', { name: item.name }), async () => {
      await toggleArchived(await getDb(), store, restored as never);
    });
  };
  const open = (item: ArchivedItem) => {
    if (item.kind === 'goal') openGoal(item.id);
    else editing.value = { kind: 'metric', id: item.id };
  };

  return (
    <DisclosureWidget
      widget="archived"
      title={t('archive.title', { count: items.length })}
      testId="archived-list"
    >
      <table class="pc-table">
        <thead>
          <tr>
            <th scope="col">{t('archive.name')}</th>
            <th scope="col">{t('archive.kind')}</th>
            <th scope="col">{t('archive.when')}</th>
            <th scope="col">
              <span class="pc-visually-hidden">{t('archive.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}:${item.id}`} data-testid="archived-item" data-id={item.id}>
              <th scope="row">{item.name}</th>
              <td>{t(item.kind === 'goal' ? 'archive.goal' : 'archive.metric')}</td>
              <td>{formatDate(item.updatedAt, s.locale, s.timeZone, 'medium')}</td>
              <td class="pc-row">
                <button type="button" data-testid="archived-open" onClick={() => open(item)}>
                  {t('archive.open')}
                </button>
                <button type="button" data-testid="archived-restore" onClick={() => void restore(item)}>
                  {t('archive.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DisclosureWidget>
  );
}
