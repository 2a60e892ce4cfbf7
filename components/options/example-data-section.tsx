import { useEffect, useState } from 'preact/hooks';
import { onChange } from '../../lib/storage/changes';
import {
  type ExampleState,
  exampleDataState,
  loadExampleData,
  removeExampleData,
} from '../../lib/storage/example-data';
import { getDb, tr } from '../app/session';

/** While a load runs elsewhere (the new tab's first run), look again now and then: its page may close. */
const RECHECK_MS = 2_000;

/**
 * "Load example data" / "Remove example data": the example never mixes with the user's own records.
 * Remove waits for a complete example (its observations written, lib/storage/example-data.ts), so it
 * never removes half of one while it is still arriving.
 */
export function ExampleDataSection({ autoLoad = false }: { autoLoad?: boolean }) {
  const t = tr.value;
  const [state, setState] = useState<ExampleState | null>(null);
  const [busy, setBusy] = useState<'load' | 'remove' | null>(null);
  // What happened, not its words: switching the language rewrites it (it had stayed in English).
  const [message, setMessage] = useState<{ loaded: number } | { removed: true } | { error: string } | null>(
    null,
  );

  const refresh = async () => {
    const next = await exampleDataState(await getDb());
    setState(next);
    return next;
  };
  useEffect(() => {
    void refresh().then(async (s) => {
      if (autoLoad && s === 'absent') await load();
    });
    return onChange((e) => {
      if (e.stores.includes('metrics') || e.stores.includes('meta')) void refresh();
    });
  }, []);
  useEffect(() => {
    if (state !== 'loading' || busy) return;
    const timer = setTimeout(() => void refresh(), RECHECK_MS);
    return () => clearTimeout(timer);
  }, [state, busy]);

  const load = async () => {
    setBusy('load');
    setMessage(null);
    try {
      const { observations } = await loadExampleData(await getDb());
      setMessage({ loaded: observations });
    } catch (e) {
      setMessage({ error: String(e) });
    } finally {
      setBusy(null);
      await refresh();
    }
  };
  const remove = async () => {
    setBusy('remove');
    try {
      await removeExampleData(await getDb());
      setMessage({ removed: true });
    } catch (e) {
      setMessage({ error: String(e) });
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const loading = busy === 'load' || (busy === null && state === 'loading');
  const said =
    message === null
      ? null
      : 'loaded' in message
        ? `${t('firstRun.exampleBanner')} (${message.loaded.toLocaleString(t.locale)})`
        : 'removed' in message
          ? t('firstRun.exampleRemoved')
          : message.error;
  const status = loading ? t('firstRun.exampleLoading') : busy ? '…' : said;
  return (
    <section aria-labelledby="example-h" class="pc-card">
      <h2 id="example-h">{t('firstRun.loadExample')}</h2>
      <p>{t('firstRun.line1')}</p>
      <div class="pc-row">
        <button
          type="button"
          class="primary"
          disabled={busy !== null || state !== 'absent'}
          onClick={load}
          data-testid="load-example"
        >
          {t('firstRun.loadExample')}
        </button>
        <button
          type="button"
          disabled={busy !== null || (state !== 'complete' && state !== 'partial')}
          onClick={remove}
          data-testid="remove-example"
        >
          {t('firstRun.removeExample')}
        </button>
      </div>
      <p role="status" data-testid="example-status">
        {status}
      </p>
    </section>
  );
}
