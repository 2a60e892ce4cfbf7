import { useState } from 'preact/hooks';
import {
  type BackupFile,
  exportBackup,
  type ImportMode,
  importBackup,
  parseBackup,
} from '../../lib/storage/backup';
import { getDb, tr } from '../app/session';
import { downloadText } from '../shared/download';
import { FileField, fileSize } from '../shared/file-field';

export function BackupSection() {
  const t = tr.value;
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  /** The backup file last chosen, named beside the button. */
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  // A replace waits here, with both sides' counts, until the user confirms (issue 15, finding 7).
  const [pending, setPending] = useState<{
    file: BackupFile;
    current: BackupFile;
    fromDbVersion: number;
  } | null>(null);

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
      // A refused database version is said in the user's language; schema problems name their paths.
      setProblems(parsed.refusal ? [t(parsed.refusal.key, parsed.refusal.params)] : parsed.problems);
      return;
    }
    if (mode === 'replace') {
      setPending({
        file: parsed.backup,
        current: await exportBackup(await getDb()),
        fromDbVersion: parsed.fromDbVersion,
      });
      return;
    }
    await write(parsed.backup, mode, parsed.fromDbVersion);
  };

  const write = async (backup: BackupFile, how: ImportMode, fromDbVersion: number) => {
    setPending(null);
    let summary: Awaited<ReturnType<typeof importBackup>>;
    try {
      summary = await importBackup(await getDb(), backup, how);
    } catch (error) {
      // One transaction: a failure (disk full, quota) leaves the database exactly as it was.
      setProblems([
        t('toast.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
      ]);
      return;
    }
    // In the user's words and language, not the stores' names ("checkIns: 0 · channelSpend: 0").
    const c = summary.counts;
    const parts = [
      t('safety.restore.done', {
        goals: c.goals,
        metrics: c.metrics,
        values: c.observations,
        checkIns: c.checkIns,
      }),
      summary.keptNewer ? t('safety.restore.keptNewer', { count: summary.keptNewer }) : '',
      summary.quarantined ? t('safety.restore.quarantined', { count: summary.quarantined }) : '',
      fromDbVersion < backup.dbVersion
        ? t('safety.restore.upgraded', { from: fromDbVersion, to: backup.dbVersion })
        : '',
      t('safety.restore.snapshot'),
    ];
    setStatus(parts.filter(Boolean).join(' '));
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
        <legend>{t('storage.restoreTitle')}</legend>
        <p class="pc-muted">{t('storage.restoreHow')}</p>
        <div class="pc-row">
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
            {t('action.merge')}
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            />{' '}
            {t('action.replace')}
          </label>
        </div>
        <div class="pc-file">
          <FileField
            button={t('storage.restoreFile')}
            accept="application/json,.json"
            testId="import-backup"
            statusTestId="import-backup-status"
            chosen={Boolean(chosen)}
            status={
              chosen
                ? t('file.line', { file: chosen.name, size: fileSize(chosen.size, t.locale) })
                : t('file.none')
            }
            onFile={(f) => {
              if (f) setChosen({ name: f.name, size: f.size });
              void doImport(f);
            }}
          />
        </div>
      </fieldset>
      {pending && (
        <div role="alertdialog" class="pc-confirm" data-testid="replace-confirm">
          <p>
            {t('safety.replace.ask', {
              metrics: pending.current.metrics.length,
              goals: pending.current.goals.length,
              checkIns: pending.current.checkIns.length,
              observations: pending.current.observations.length,
              newMetrics: pending.file.metrics.length,
              newGoals: pending.file.goals.length,
              newCheckIns: pending.file.checkIns.length,
              newObservations: pending.file.observations.length,
            })}
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => void write(pending.file, 'replace', pending.fromDbVersion)}
            data-testid="replace-confirm-yes"
          >
            {t('safety.replace.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)} data-testid="replace-cancel">
            {t('action.cancel')}
          </button>
        </div>
      )}
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
