import { useState } from 'preact/hooks';
import { tr } from '../app/session';
import { FileField, fileSize } from '../shared/file-field';
import { busy, chooseFile, file, fileProblem, warnings } from './import-model';

/** File input plus a drop zone around it; the input is the keyboard path, dropping is a shortcut. */
export function FileStep() {
  const t = tr.value;
  const [over, setOver] = useState(false);
  const chosen = file.value;
  const problem = fileProblem.value;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void chooseFile(e.dataTransfer?.files?.[0]);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the keyboard path
    <div
      class={`pi-drop${over ? ' pi-drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <FileField
        button={t('csv.chooseFile')}
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        disabled={busy.value}
        testId="import-file"
        statusTestId="import-file-status"
        chosen={Boolean(chosen)}
        status={
          chosen ? (
            <span data-testid="import-file-name">
              {t('file.line', { file: chosen.name, size: fileSize(chosen.size, t.locale) })}
            </span>
          ) : (
            t('file.none')
          )
        }
        onFile={(f) => void chooseFile(f)}
      />
      <p class="pi-hint">{t('csv.dropHint')}</p>
      {problem && (
        <p role="alert" class="pc-error" data-testid="import-file-error">
          {t(problem === 'binary' ? 'csv.notText' : 'csv.empty')}
        </p>
      )}
      {!problem && warnings.value.length > 0 && (
        <ul class="pi-warnings" data-testid="import-warnings">
          {warnings.value.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
