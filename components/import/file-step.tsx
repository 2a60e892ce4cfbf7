import { useState } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n/format';
import type { Locale } from '../../lib/schema';
import { tr } from '../app/session';
import { busy, chooseFile, file, fileProblem, warnings } from './import-model';

const fileSize = (bytes: number, locale: Locale): string =>
  bytes < 1_000_000
    ? `${formatNumber(Math.max(0.1, bytes / 1000), locale, { maximumFractionDigits: 1 })} KB`
    : `${formatNumber(bytes / 1_000_000, locale, { maximumFractionDigits: 1 })} MB`;

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
      {/* The native input is visually hidden (still focusable, still the label's control): its own
          "No file chosen." / "No file selected." would contradict the file named here, since the input
          is cleared after every choice so the same file can be chosen again. */}
      <div class="pi-file-row">
        <label class={`pi-file${busy.value ? ' pi-file-busy' : ''}`}>
          <input
            type="file"
            class="pc-visually-hidden"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            disabled={busy.value}
            aria-describedby="pi-file-status"
            data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void chooseFile(input.files?.[0]);
              // Choosing the same (fixed) file again must fire `change` again.
              input.value = '';
            }}
          />
          <span class="pc-button pi-file-button" data-testid="import-file-button">
            {t('csv.chooseFile')}
          </span>
        </label>
        <p
          id="pi-file-status"
          class={chosen ? 'pi-file-status' : 'pi-file-status pi-file-none'}
          data-testid="import-file-status"
        >
          {chosen ? (
            <span data-testid="import-file-name">
              {t('csv.fileLine', { file: chosen.name, size: fileSize(chosen.size, t.locale) })}
            </span>
          ) : (
            t('csv.noFile')
          )}
        </p>
      </div>
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
