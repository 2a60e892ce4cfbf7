import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/schema';
import { ValidationError } from '../../lib/storage/records';
import { settings, tr, updateSettings } from '../app/session';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function zones(current: string): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.includes(current) ? supported : [current, ...supported];
}

export function SettingsSection() {
  const s = settings.value;
  const t = tr.value;
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: Partial<Settings>) => {
    setError(null);
    try {
      await updateSettings(patch);
    } catch (e) {
      setError(e instanceof ValidationError ? e.problems.join('; ') : String(e));
    }
  };
  const weekdayName = (d: number) =>
    new Intl.DateTimeFormat(s.locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + d));
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(s.locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, m - 1, 1));
  return (
    <section aria-labelledby="settings-h" class="pc-card">
      <h2 id="settings-h">{t('settings.title')}</h2>
      <div class="pc-form-grid">
        <label>
          {t('settings.language')}
          <select
            name="locale"
            value={s.locale}
            onChange={(e) => save({ locale: e.currentTarget.value as Settings['locale'] })}
          >
            <option value="en">English</option>
            <option value="vi">Tiếng Việt</option>
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select
            name="theme"
            value={s.theme}
            onChange={(e) => save({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            <option value="system">{t('settings.theme.system')}</option>
            <option value="light">{t('settings.theme.light')}</option>
            <option value="dark">{t('settings.theme.dark')}</option>
          </select>
        </label>
        <label>
          {t('settings.currency')}
          <input
            name="currency"
            value={s.currency}
            maxLength={3}
            onChange={(e) => save({ currency: e.currentTarget.value.trim().toUpperCase() })}
          />
        </label>
        <label>
          {t('settings.timeZone')}
          <select
            name="timeZone"
            value={s.timeZone}
            onChange={(e) => save({ timeZone: e.currentTarget.value })}
          >
            {zones(s.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.weekStart')}
          <select
            name="weekStart"
            value={s.weekStart}
            onChange={(e) => save({ weekStart: Number(e.currentTarget.value) })}
          >
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {weekdayName(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.fiscalYearStart')}
          <select
            name="fiscalYearStartMonth"
            value={s.fiscalYearStartMonth}
            onChange={(e) => save({ fiscalYearStartMonth: Number(e.currentTarget.value) })}
          >
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
    </section>
  );
}
