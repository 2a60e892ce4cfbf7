import { useEffect, useRef, useState } from 'preact/hooks';
import { removalDone, removalQuestion } from '../../lib/app/example-removal-text';
import type { ExampleRemovalPlan } from '../../lib/example/example-removal';
import { onChange } from '../../lib/storage/changes';
import {
  type ExampleState,
  exampleDataState,
  loadExampleData,
  previewExampleRemoval,
  putBackExampleData,
  removeExampleData,
} from '../../lib/storage/example-data';
import type { ExampleRemovalUndo } from '../../lib/storage/example-removal';
import { getDb, tr } from '../app/session';

/** While a load runs elsewhere (the new tab's first run), look again now and then: its page may close. */
const RECHECK_MS = 2_000;

/**
 * "Load example data" / "Remove example data": the example never mixes with the user's own records.
 * Remove waits for a complete example (its observations written, lib/storage/example-data.ts), so it
 * never removes half of one while it is still arriving. It asks first, saying in numbers what goes and
 * what of the user's stays (lib/example/example-removal.ts), and offers Undo after, until the page
 * closes or the example is loaded again: one click had removed a value the user logged with its KPI.
 */
export function ExampleDataSection({ autoLoad = false }: { autoLoad?: boolean }) {
  const t = tr.value;
  const [state, setState] = useState<ExampleState | null>(null);
  const [busy, setBusy] = useState<'load' | 'ask' | 'remove' | 'undo' | null>(null);
  // What happened, not its words: switching the language rewrites it (it had stayed in English).
  const [message, setMessage] = useState<
    { loaded: number } | { removed: ExampleRemovalPlan } | { undone: true } | { error: string } | null
  >(null);
  // The question before a remove: what it would remove and keep, read when Remove was pressed.
  const [asking, setAsking] = useState<ExampleRemovalPlan | null>(null);
  const [undo, setUndo] = useState<ExampleRemovalUndo | null>(null);

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

  const run = async (kind: 'load' | 'remove' | 'undo', work: () => Promise<void>) => {
    setBusy(kind);
    try {
      await work();
    } catch (e) {
      setMessage({ error: String(e) });
    } finally {
      setBusy(null);
      await refresh();
    }
  };
  const load = () =>
    run('load', async () => {
      setMessage(null);
      setUndo(null);
      const { observations } = await loadExampleData(await getDb());
      setMessage({ loaded: observations });
    });
  const ask = async () => {
    setBusy('ask');
    try {
      setAsking(await previewExampleRemoval(await getDb()));
    } catch (e) {
      setMessage({ error: String(e) });
    } finally {
      setBusy(null);
    }
  };
  // Planned again as it removes: a value logged since the question is kept too, and the line says so.
  const remove = () =>
    run('remove', async () => {
      setAsking(null);
      const done = await removeExampleData(await getDb());
      setUndo(done);
      setMessage({ removed: done.plan });
    });
  const putBack = (u: ExampleRemovalUndo) =>
    run('undo', async () => {
      setUndo(null);
      await putBackExampleData(await getDb(), u);
      setMessage({ undone: true });
    });

  const loading = busy === 'load' || (busy === null && state === 'loading');
  const said =
    message === null
      ? null
      : 'loaded' in message
        ? t.plural('firstRun.exampleLoaded', message.loaded)
        : 'removed' in message
          ? removalDone(message.removed, t)
          : 'undone' in message
            ? t('exampleRemove.undone')
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
          disabled={busy !== null || asking !== null || (state !== 'complete' && state !== 'partial')}
          onClick={ask}
          data-testid="remove-example"
        >
          {t('firstRun.removeExample')}
        </button>
      </div>
      {asking && <RemovalQuestion plan={asking} onRemove={remove} onCancel={() => setAsking(null)} />}
      <p role="status" data-testid="example-status">
        {status}
        {undo && busy === null && (
          <>
            {' '}
            <button type="button" onClick={() => void putBack(undo)} data-testid="undo-remove-example">
              {t('action.undo')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}

function RemovalQuestion({
  plan,
  onRemove,
  onCancel,
}: {
  plan: ExampleRemovalPlan;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const t = tr.value;
  const q = removalQuestion(plan, t);
  // Cancel takes the focus: Enter or Space right after the click must not remove.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="example-ask"
      class="pc-confirm"
      data-testid="remove-example-confirm"
    >
      <p id="example-ask">
        <strong>{q.ask}</strong> {q.goes}
      </p>
      {q.stays.map((line) => (
        <p key={line} data-testid="remove-example-stays">
          {line}
        </p>
      ))}
      <p class="pc-muted">{q.hint}</p>
      <button type="button" class="primary" onClick={onRemove} data-testid="remove-example-yes">
        {t('exampleRemove.confirm')}
      </button>{' '}
      <button type="button" ref={cancel} onClick={onCancel} data-testid="remove-example-cancel">
        {t('action.cancel')}
      </button>
    </div>
  );
}
