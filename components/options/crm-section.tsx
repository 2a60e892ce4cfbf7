/**
 * Options › CRM overlays: enable or disable each built-in CRM (the browser asks for that CRM's hosts
 * at that moment), enable any other CRM by its address, its mappings (export, import, remove), and
 * the log of pages Pacer could not read.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CrmMapping } from '../../lib/crm/mapping';
import { BUILT_IN_ADAPTERS } from '../../lib/crm/registry';
import { hostPatternsFor } from '../../lib/overlay/site';
import type { HealthRecord } from '../../lib/overlay/stored';
import { settings, tr, updateSettings } from '../app/session';
import { applyEnabled, onCrmStoreChange, readCrmStore, releaseHosts, requestHosts } from './crm-browser';
import { CustomCrms } from './crm-custom';
import { CrmHealthLog } from './crm-health-log';

/** Saves the enabled list, mirrors it for content scripts and updates the registrations. */
export async function setEnabled(enabled: string[]): Promise<void> {
  await updateSettings({ enabledCrms: enabled });
  await applyEnabled(enabled);
}

/** The browser could not make the permission request (not the user's "no"). */
export class PermissionRequestError extends Error {}

/** Enables a CRM from a click handler: the permission request comes first, while the gesture lasts. */
export async function enableCrm(crm: string): Promise<boolean> {
  const granted = await requestHosts(hostPatternsFor(crm)).catch((error: unknown) => {
    throw new PermissionRequestError(error instanceof Error ? error.message : String(error));
  });
  if (!granted) return false;
  const current = settings.value.enabledCrms;
  await setEnabled(current.includes(crm) ? current : [...current, crm]);
  return true;
}

export async function disableCrm(crm: string): Promise<void> {
  const rest = settings.value.enabledCrms.filter((c) => c !== crm);
  await setEnabled(rest);
  // Give the hosts back unless another enabled CRM still needs the same pattern (two ports of one host).
  const stillNeeded = new Set(rest.flatMap(hostPatternsFor));
  const release = hostPatternsFor(crm).filter((p) => !stillNeeded.has(p));
  if (release.length > 0) await releaseHosts(release);
}

export function CrmSection() {
  const t = tr.value;
  const enabled = settings.value.enabledCrms;
  const [store, setStore] = useState<{ mappings: CrmMapping[]; health: HealthRecord[] }>({
    mappings: [],
    health: [],
  });
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const refresh = () => void readCrmStore().then(setStore, () => {});
    refresh();
    return onCrmStoreChange(refresh);
  }, []);

  const toggle = (crm: string, label: string) => {
    setMessage(null);
    const work = enabled.includes(crm)
      ? disableCrm(crm)
      : enableCrm(crm).then((ok) => {
          if (!ok) setMessage(t('crm.permissionDenied', { crm: label }));
        });
    work.catch((error: unknown) =>
      setMessage(
        error instanceof PermissionRequestError
          ? t('crm.permissionError', { crm: label, error: error.message })
          : String(error),
      ),
    );
  };

  return (
    <section aria-labelledby="crm-h" class="pc-card" data-testid="crm-section">
      <h2 id="crm-h">{t('crm.title')}</h2>
      <p>{t('crm.intro')}</p>
      <ul class="pc-crm-list">
        {BUILT_IN_ADAPTERS.map((adapter) => {
          const on = enabled.includes(adapter.id);
          return (
            <li key={adapter.id} data-testid={`crm-${adapter.id}`}>
              <strong>{adapter.label}</strong> {on && <span>({t('crm.enabled')})</span>}{' '}
              <button
                type="button"
                data-testid={`crm-toggle-${adapter.id}`}
                aria-pressed={on}
                onClick={() => toggle(adapter.id, adapter.label)}
              >
                {t(on ? 'crm.disable' : 'crm.enable')}
              </button>
            </li>
          );
        })}
      </ul>
      {message && (
        <p role="alert" class="pc-error" data-testid="crm-message">
          {message}
        </p>
      )}
      <CustomCrms enabled={enabled} mappings={store.mappings} onToggle={toggle} onMessage={setMessage} />
      <CrmHealthLog records={store.health} />
    </section>
  );
}
