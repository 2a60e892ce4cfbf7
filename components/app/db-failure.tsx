import { useState } from 'preact/hooks';
import { exportRawDatabase } from '../../lib/storage/raw-export';
import { downloadText } from '../shared/download';
import { dbError, tr } from './session';

/**
 * Shown instead of a page when the database cannot be opened — a failed migration above all (issue 15,
 * finding 9). The error is named, and the old data can be downloaded exactly as stored.
 */
export function DbFailure() {
  const t = tr.value;
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setProblem(null);
    try {
      const dump = await exportRawDatabase();
      const date = new Date(dump.exportedAt).toISOString().slice(0, 10);
      downloadText(`pacer-raw-data-${date}.json`, JSON.stringify(dump, null, 1), 'application/json');
    } catch (error) {
      setProblem(t('safety.dbFailed.downloadFailed', { error: String(error) }));
    }
  };
  return (
    <section class="pc-card pc-db-failure" role="alert" data-testid="db-failure">
      <h2>{t('safety.dbFailed.title')}</h2>
      <p>{t('safety.dbFailed.body')}</p>
      <pre class="pc-error" style={{ whiteSpace: 'pre-wrap' }} data-testid="db-error">
        {dbError.value}
      </pre>
      <div class="pc-row">
        <button type="button" class="primary" onClick={download} data-testid="raw-download">
          {t('safety.dbFailed.download')}
        </button>
        <button type="button" onClick={() => location.reload()}>
          {t('safety.dbFailed.retry')}
        </button>
      </div>
      {problem && <p class="pc-error">{problem}</p>}
    </section>
  );
}
