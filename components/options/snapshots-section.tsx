import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../lib/i18n/format';
import { onChange } from '../../lib/storage/changes';
import {
  listSnapshots,
  readSnapshot,
  restoreSnapshot,
  SNAPSHOTS_KEPT_PER_KIND,
  type SnapshotInfo,
} from '../../lib/storage/snapshots';
import { getDb, settings, tr } from '../app/session';
import { downloadText } from '../shared/download';

/**
 * The automatic snapshots (before each restore and each database update): kind, date and counts, with
 * Download and — for pre-restore ones — Restore after a question (issue 15, findings 7 and 8).
 */
export function SnapshotsSection() {
  const t = tr.value;
  const [list, setList] = useState<SnapshotInfo[]>([]);
  const [asking, setAsking] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = async () => setList(await listSnapshots(await getDb()));
  useEffect(() => {
    void refresh();
    return onChange((e) => {
      if (e.stores.includes('backups')) void refresh();
    });
  }, []);
  // Several snapshots can fall on one day: the time tells them apart.
  const when = (at: number) => {
    const zone = settings.value.timeZone;
    const time = new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
    return `${formatDate(at, t.locale, zone)} ${time.format(at)}`;
  };

  const download = async (s: SnapshotInfo) => {
    const raw = await readSnapshot(await getDb(), s.id);
    downloadText(`pacer-snapshot-${s.id}.json`, JSON.stringify(raw, null, 1), 'application/json');
  };
  const restore = async (s: SnapshotInfo) => {
    setAsking(null);
    setProblem(null);
    try {
      await restoreSnapshot(await getDb(), s.id);
      setStatus(t('safety.snapshots.restored'));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    await refresh();
  };

  return (
    <section aria-labelledby="snapshots-h" class="pc-card" data-testid="snapshots">
      <h2 id="snapshots-h">{t('safety.snapshots.title')}</h2>
      <p class="pc-muted">{t('safety.snapshots.help', { keep: SNAPSHOTS_KEPT_PER_KIND })}</p>
      {list.length === 0 && <p>{t('safety.snapshots.none')}</p>}
      <ul class="pc-snapshots">
        {list.map((s) => (
          <li key={s.id} data-testid="snapshot" data-kind={s.kind}>
            <strong>{t(`safety.snapshots.kind.${s.kind}`)}</strong> · {when(s.createdAt)}
            <br />
            <span class="pc-muted">{t('safety.snapshots.counts', s.counts)}</span>
            <div class="pc-row">
              <button type="button" onClick={() => void download(s)} data-testid="snapshot-download">
                {t('safety.snapshots.download')}
              </button>
              {s.restorable && (
                <button type="button" onClick={() => setAsking(s.id)} data-testid="snapshot-restore">
                  {t('safety.snapshots.restore')}
                </button>
              )}
            </div>
            {asking === s.id && (
              <div role="alertdialog" class="pc-confirm" data-testid="snapshot-confirm">
                <p>{t('safety.snapshots.restoreAsk', { date: when(s.createdAt) })}</p>
                <button
                  type="button"
                  class="primary"
                  onClick={() => void restore(s)}
                  data-testid="snapshot-confirm-yes"
                >
                  {t('safety.snapshots.restore')}
                </button>{' '}
                <button type="button" onClick={() => setAsking(null)}>
                  {t('action.cancel')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {status && <p role="status">{status}</p>}
      {problem && (
        <p role="alert" class="pc-error">
          {problem}
        </p>
      )}
    </section>
  );
}
