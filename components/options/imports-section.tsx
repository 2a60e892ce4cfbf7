import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../lib/i18n/format';
import { onChange } from '../../lib/storage/changes';
import { type ImportInfo, listImports, undoImport } from '../../lib/storage/import-undo';
import { getDb, settings, tr } from '../app/session';

/** The last CSV imports, each with "Undo this import" (issue 15, finding 7). */
export function ImportsSection() {
  const t = tr.value;
  const [list, setList] = useState<ImportInfo[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = async () => setList(await listImports(await getDb()));
  useEffect(() => {
    void refresh();
    return onChange((e) => {
      if (e.stores.includes('backups') || e.stores.includes('obsBlocks')) void refresh();
    });
  }, []);
  if (list.length === 0 && !status) return null;
  const undo = async (id: string) => {
    setProblem(null);
    try {
      const count = await undoImport(await getDb(), id);
      setStatus(t('safety.imports.undone', { count }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    await refresh();
  };
  return (
    <section aria-labelledby="imports-h" class="pc-card" data-testid="imports">
      <h2 id="imports-h">{t('safety.imports.title')}</h2>
      <ul>
        {list.map((i) => (
          <li key={i.id} data-testid="import-entry" data-import-id={i.id}>
            {t('safety.imports.row', {
              date: formatDate(i.createdAt, t.locale, settings.value.timeZone),
              added: i.added,
              replaced: i.replaced,
            })}{' '}
            <button type="button" onClick={() => void undo(i.id)} data-testid="import-undo">
              {t('safety.imports.undo')}
            </button>
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
