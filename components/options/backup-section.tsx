import { useState } from 'preact/hooks';
import { exportBackup, type ImportMode, importBackup, parseBackup } from '../../lib/storage/backup';
import { getDb, tr } from '../app/session';
import { downloadText } from '../shared/download';

export function BackupSection() {
  const t = tr.value;
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');

  const doExport = async () => {
    const backup = await exportBackup(await getDb());
    const date = new Date(backup.exportedAt).toISOString().slice(0, 10);
    downloadText(`pacer-backup-${date}.json`, JSON.stringify(backup, null, 1), 'application/json');
    setStatus(t('storage.backupCreated', { file: `pacer-backup-${date}.json` }));
  };

  const doImport = async (file: File | undefined) => {
    setProblems([]);
    setStatus(null);
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    const summary = await importBackup(await getDb(), parsed.backup, mode);
    setStatus(
      Object.entries(summary.counts)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · '),
    );
  };

  return (
    <section aria-labelledby="backup-h" class="pc-card">
      <h2 id="backup-h">
        {t('action.export')} / {t('action.restore')}
      </h2>
      <div class="pc-row">
        <button type="button" onClick={doExport} data-testid="export-backup">
          {t('action.export')} (JSON)
        </button>
        <a class="pc-button" href="/import.html">
          {t('settings.importLink')}
        </a>
      </div>
      <fieldset>
        <legend>{t('storage.restoreConfirm')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
          {t('action.merge')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
          {t('action.replace')}
        </label>
        <label class="pc-file">
          {t('action.import')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-backup"
            onChange={(e) => void doImport(e.currentTarget.files?.[0])}
          />
        </label>
      </fieldset>
      {status && <p role="status">{status}</p>}
      {problems.length > 0 && (
        <div role="alert" class="pc-error" data-testid="import-problems">
          <ul>
            {problems.slice(0, 50).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {problems.length > 50 && <p>+{problems.length - 50}</p>}
        </div>
      )}
    </section>
  );
}
