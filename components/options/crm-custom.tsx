/**
 * Any other CRM: the user types its address, the browser asks for that host, and Pacer is enabled
 * there; its mappings (made by pointing on the CRM's pages) can be exported, imported and removed.
 */
import { useState } from 'preact/hooks';
import { type CrmMapping, exportMapping, importMapping } from '../../lib/crm/mapping';
import { originFromInput } from '../../lib/overlay/site';
import { removeMapping, sameMappingSlot, upsertMapping } from '../../lib/overlay/stored';
import { tr } from '../app/session';
import { downloadText } from '../shared/download';
import { FileField } from '../shared/file-field';
import { writeMappings } from './crm-browser';
import { MappingCurrency } from './crm-mapping-currency';
import { MappingOutcomes } from './crm-mapping-outcomes';

export interface CustomCrmsProps {
  enabled: string[];
  mappings: CrmMapping[];
  onToggle(crm: string, label: string): void;
  onMessage(text: string | null): void;
}

/** Where a mapping reads, as the user sees it in the address bar: `/leads`, `#/contacts`, `/`. */
const whereOf = (m: CrmMapping) => `${m.pathPrefix ?? '/'}${m.hashPrefix ?? ''}`;

export function CustomCrms({ enabled, mappings, onToggle, onMessage }: CustomCrmsProps) {
  const t = tr.value;
  const [input, setInput] = useState('');
  /** An imported mapping that would replace one: held until the user says so. */
  const [pending, setPending] = useState<CrmMapping | null>(null);
  /** The mapping file last chosen, named beside the button. */
  const [chosenFile, setChosenFile] = useState<string | null>(null);
  const origins = [
    ...new Set([
      ...enabled.filter((c) => c.startsWith('custom:')).map((c) => c.slice('custom:'.length)),
      ...mappings.map((m) => m.origin),
    ]),
  ];

  const add = (e: Event) => {
    e.preventDefault();
    const origin = originFromInput(input);
    if (!origin) {
      onMessage(t('crm.custom.invalid'));
      return;
    }
    setInput('');
    onToggle(`custom:${origin}`, origin);
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    const result = importMapping(await file.text());
    if (!result.ok) {
      onMessage(t('crm.mappings.invalid', { error: result.error }));
      return;
    }
    // Never a silent replacement: a mapping for the same pages and rows waits for the user's word.
    if (mappings.some((m) => sameMappingSlot(m, result.mapping))) {
      onMessage(null);
      setPending(result.mapping);
      return;
    }
    await writeMappings(upsertMapping(mappings, result.mapping));
    onMessage(t('crm.mappings.imported', { origin: result.mapping.origin }));
  };

  const replace = async (mapping: CrmMapping) => {
    setPending(null);
    await writeMappings(upsertMapping(mappings, mapping));
    onMessage(
      t('crm.mappings.replaced', { kind: mapping.kind, where: whereOf(mapping), origin: mapping.origin }),
    );
  };

  return (
    <div class="pc-crm-custom" data-testid="crm-custom">
      <h3>{t('crm.custom.title')}</h3>
      <form onSubmit={add}>
        <label>
          {t('crm.custom.origin')}{' '}
          <input
            type="url"
            inputMode="url"
            placeholder="https://crm.example.com"
            value={input}
            data-testid="crm-custom-origin"
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit" data-testid="crm-custom-add">
          {t('crm.custom.add')}
        </button>
      </form>
      <p class="pc-muted">{t('crm.custom.hint')}</p>
      <ul>
        {origins.map((origin) => {
          const crm = `custom:${origin}`;
          const on = enabled.includes(crm);
          const own = mappings.filter((m) => m.origin === origin);
          return (
            <li key={origin} data-testid="crm-custom-origin-row">
              <code>{origin}</code> {on && <span>({t('crm.enabled')})</span>}{' '}
              <button type="button" onClick={() => onToggle(crm, origin)}>
                {t(on ? 'crm.disable' : 'crm.enable')}
              </button>
              <h4>{t('crm.mappings.title')}</h4>
              {own.length === 0 && <p class="pc-muted">{t('crm.mappings.none')}</p>}
              <ul>
                {own.map((m) => (
                  <li key={`${m.kind}-${m.createdAt}`} data-testid="crm-mapping">
                    {m.kind} · {m.objectType} · <code>{whereOf(m)}</code>{' '}
                    <button
                      type="button"
                      onClick={() =>
                        downloadText(
                          `pacer-mapping-${new URL(m.origin).hostname}-${m.kind}.json`,
                          exportMapping(m),
                          'application/json',
                        )
                      }
                    >
                      {t('crm.mappings.export')}
                    </button>{' '}
                    <button type="button" onClick={() => void writeMappings(removeMapping(mappings, m))}>
                      {t('crm.mappings.remove')}
                    </button>
                    {m.custom && m.custom.length > 0 && (
                      <p class="pc-muted">
                        {t('crm.mappings.custom', { names: m.custom.map((f) => f.name).join(', ') })}
                      </p>
                    )}
                    <MappingCurrency
                      mapping={m}
                      onChange={(currency) => {
                        const { defaultCurrency: _, ...rest } = m;
                        const next = currency ? { ...rest, defaultCurrency: currency } : rest;
                        void writeMappings(upsertMapping(mappings, next)).catch((error: unknown) =>
                          onMessage(String(error)),
                        );
                      }}
                    />
                    <MappingOutcomes
                      mapping={m}
                      onChange={(stageOutcomes) =>
                        void writeMappings(upsertMapping(mappings, { ...m, stageOutcomes })).catch(
                          (error: unknown) => onMessage(String(error)),
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {pending && (
        <div role="alertdialog" aria-live="polite" data-testid="crm-mapping-replace">
          <p>
            {t('crm.mappings.replaceAsk', {
              kind: pending.kind,
              where: whereOf(pending),
              origin: pending.origin,
            })}
          </p>
          <button
            type="button"
            data-testid="crm-mapping-replace-yes"
            onClick={() => void replace(pending).catch((error: unknown) => onMessage(String(error)))}
          >
            {t('crm.mappings.replace')}
          </button>{' '}
          <button type="button" data-testid="crm-mapping-replace-no" onClick={() => setPending(null)}>
            {t('crm.mappings.keep')}
          </button>
        </div>
      )}
      <FileField
        button={t('crm.mappings.import')}
        accept="application/json,.json"
        testId="crm-mapping-import"
        chosen={Boolean(chosenFile)}
        status={chosenFile ?? t('file.none')}
        onFile={(file) => {
          if (file) setChosenFile(file.name);
          void doImport(file).catch((error: unknown) => onMessage(String(error)));
        }}
      />
    </div>
  );
}
