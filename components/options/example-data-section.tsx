import { useEffect, useState } from 'preact/hooks';
import { onChange } from '../../lib/storage/changes';
import { hasExampleData, loadExampleData, removeExampleData } from '../../lib/storage/example-data';
import { getDb, tr } from '../app/session';

/** "Load example data" / "Remove example data": the example never mixes with the user's own records. */
export function ExampleDataSection({ autoLoad = false }: { autoLoad?: boolean }) {
  const t = tr.value;
  const [present, setPresent] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => setPresent(await hasExampleData(await getDb()));
  useEffect(() => {
    void refresh().then(async () => {
      if (autoLoad && !(await hasExampleData(await getDb()))) await load();
    });
    return onChange((e) => {
      if (e.stores.includes('metrics')) void refresh();
    });
  }, []);

  const load = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { observations } = await loadExampleData(await getDb());
      setMessage(`${t('firstRun.exampleBanner')} (${observations.toLocaleString(t.locale)})`);
    } catch (e) {
      setMessage(String(e));
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await removeExampleData(await getDb());
      setMessage(t('firstRun.exampleRemoved'));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  return (
    <section aria-labelledby="example-h" class="pc-card">
      <h2 id="example-h">{t('firstRun.loadExample')}</h2>
      <p>{t('firstRun.line1')}</p>
      <div class="pc-row">
        <button
          type="button"
          class="primary"
          disabled={busy || present === true}
          onClick={load}
          data-testid="load-example"
        >
          {t('firstRun.loadExample')}
        </button>
        <button
          type="button"
          disabled={busy || present !== true}
          onClick={remove}
          data-testid="remove-example"
        >
          {t('firstRun.removeExample')}
        </button>
      </div>
      <p role="status" data-testid="example-status">
        {busy ? '…' : message}
      </p>
    </section>
  );
}
