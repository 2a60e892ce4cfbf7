import { useEffect } from 'preact/hooks';
import { startSession, tr } from '../app/session';
import { ConfigureStep } from './configure-step';
import { ExportSection } from './export-section';
import { FileStep } from './file-step';
import { phase, startImportModel } from './import-model';
import { ImportProgress } from './import-progress';
import { ImportSummary } from './import-summary';
import { ValidationReport } from './validation-report';

/** The CSV page: import (choose → map → check → import) above, export below. */
export function ImportApp() {
  const t = tr.value;
  useEffect(() => {
    void startSession();
    startImportModel();
  }, []);
  useEffect(() => {
    document.title = `${t('csv.pageTitle')} · Pacer`;
  }, [t]);
  const p = phase.value;
  return (
    <main class="pi-page">
      <h1>{t('csv.pageTitle')}</h1>
      <section class="pc-card" aria-labelledby="pi-import-h">
        <h2 id="pi-import-h">{t('csv.importTitle')}</h2>
        <FileStep />
        {p === 'configure' && <ConfigureStep />}
        {(p === 'validating' || p === 'importing' || p === 'saving') && <ImportProgress />}
        {p === 'report' && <ValidationReport />}
        {p === 'done' && <ImportSummary />}
      </section>
      <ExportSection />
    </main>
  );
}
