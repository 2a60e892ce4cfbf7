import { useEffect, useState } from 'preact/hooks';
import { onChange } from '../../lib/storage/changes';
import { clearQuarantineEntry, listQuarantine, type QuarantineEntry } from '../../lib/storage/quarantine';
import { getDb, tr } from '../app/session';
import { downloadText } from '../shared/download';

/** Damaged records, set aside with their reasons: the user can save them to a file or discard them. */
export function QuarantineSection() {
  const t = tr.value;
  const [entries, setEntries] = useState<QuarantineEntry[]>([]);
  const refresh = async () => setEntries(await listQuarantine(await getDb()));
  useEffect(() => {
    void refresh();
    return onChange((e) => {
      if (e.stores.includes('quarantine')) void refresh();
    });
  }, []);
  if (entries.length === 0) return null;
  return (
    <section id="quarantine" aria-labelledby="quarantine-h" class="pc-card" data-testid="quarantine">
      <h2 id="quarantine-h">
        {t(entries.length === 1 ? 'storage.quarantined.one' : 'storage.quarantined.other', {
          count: entries.length,
        })}
      </h2>
      <button
        type="button"
        onClick={() =>
          downloadText('pacer-quarantine.json', JSON.stringify(entries, null, 1), 'application/json')
        }
      >
        {t('action.export')}
      </button>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <code>{e.id}</code>: {e.problems.join('; ')}{' '}
            <button
              type="button"
              onClick={async () => clearQuarantineEntry(await getDb(), e.id).then(refresh)}
            >
              {t('action.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
