import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/schema';
import { ValidationError } from '../../lib/storage/records';
import { settings, tr, updateSettings } from '../app/session';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const HOURS = Array.from({ length: 24 }, (_, i) => i);

function zones(current: string): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.includes(current) ? supported : [current, ...supported];
}

function HourSelect(props: { label: string; name: string; value: number; onChange: (hour: number) => void }) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
        ))}
      </select>
    </label>
  );
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
        <label>
          {t('checkIn.whoAreYou')}
          <input
            name="ownerName"
            value={s.ownerName}
            maxLength={200}
            onChange={(e) => save({ ownerName: e.currentTarget.value.trim() })}
          />
        </label>
      </div>
      <fieldset class="pc-form-grid">
        <legend>{t('settings.checkInReminder')}</legend>
        <label>
          <input
            type="checkbox"
            name="checkInEnabled"
            checked={s.checkIn.enabled}
            onChange={(e) => save({ checkIn: { ...s.checkIn, enabled: e.currentTarget.checked } })}
          />{' '}
          {t('settings.checkInReminder')}
        </label>
        <label>
          {t('settings.reminderDay')}
          <select
            name="checkInWeekday"
            value={s.checkIn.weekday}
            onChange={(e) => save({ checkIn: { ...s.checkIn, weekday: Number(e.currentTarget.value) } })}
          >
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {weekdayName(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.reminderTime')}
          <input
            type="time"
            name="checkInTime"
            value={`${String(s.checkIn.hour).padStart(2, '0')}:${String(s.checkIn.minute).padStart(2, '0')}`}
            onChange={(e) => {
              const [h, m] = e.currentTarget.value.split(':').map(Number);
              if (Number.isInteger(h) && Number.isInteger(m))
                save({ checkIn: { ...s.checkIn, hour: h!, minute: m! } });
            }}
          />
        </label>
      </fieldset>
      <fieldset class="pc-form-grid">
        <legend>{t('settings.quietHours')}</legend>
        <label>
          <input
            type="checkbox"
            name="quietEnabled"
            checked={s.quietHours.enabled}
            onChange={(e) => save({ quietHours: { ...s.quietHours, enabled: e.currentTarget.checked } })}
          />{' '}
          {t('settings.quietHours')}
        </label>
        <HourSelect
          label={t('settings.quietFrom')}
          name="quietFrom"
          value={s.quietHours.from}
          onChange={(h) => save({ quietHours: { ...s.quietHours, from: h } })}
        />
        <HourSelect
          label={t('settings.quietTo')}
          name="quietTo"
          value={s.quietHours.to}
          onChange={(h) => save({ quietHours: { ...s.quietHours, to: h } })}
        />
      </fieldset>
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
    </section>
  );
}
