import { useState } from 'preact/hooks';
import { timeZoneChoices } from '../../lib/app/time-zone-list';
import { formatClockTime } from '../../lib/i18n/format';
import type { Settings } from '../../lib/schema';
import { ValidationError } from '../../lib/storage/records';
import { settings, tr, updateSettings } from '../app/session';
import { ExchangeRatesField } from './exchange-rates-field';
import { ParetoThresholdsField } from './pareto-thresholds-field';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const HOURS = Array.from({ length: 24 }, (_, i) => i);
const QUARTER_HOURS = Array.from({ length: 96 }, (_, i) => i * 15);

function zones(current: string): string[] {
  const supported =
    (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return timeZoneChoices(current, supported);
}

/** One labelled select; the chosen option's typed value is handed back, never the raw string. */
function SelectField<T extends string | number>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={String(props.value)}
        onChange={(e) => {
          const picked = props.options.find(([v]) => String(v) === e.currentTarget.value);
          if (picked) props.onChange(picked[0]);
        }}
      >
        {props.options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
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
  const weekdays = WEEKDAYS.map((d) => [d, weekdayName(d)] as const);
  const hours = HOURS.map((h) => [h, formatClockTime(h, 0, s.locale)] as const);
  const minuteOfDay = s.checkIn.hour * 60 + s.checkIn.minute;
  // Every quarter hour, and the stored time when it is off that grid (set before, or by a backup).
  const times = [...new Set([...QUARTER_HOURS, minuteOfDay])]
    .sort((a, b) => a - b)
    .map((m) => [m, formatClockTime(Math.floor(m / 60), m % 60, s.locale)] as const);
  return (
    <section aria-labelledby="settings-h" class="pc-card">
      <h2 id="settings-h">{t('settings.title')}</h2>
      <div class="pc-form-grid">
        <SelectField
          label={t('settings.language')}
          name="locale"
          value={s.locale}
          options={[
            ['en', 'English'],
            ['vi', 'Tiếng Việt'],
          ]}
          onChange={(locale) => save({ locale })}
        />
        <SelectField
          label={t('settings.theme')}
          name="theme"
          value={s.theme}
          options={[
            ['system', t('settings.theme.system')],
            ['light', t('settings.theme.light')],
            ['dark', t('settings.theme.dark')],
          ]}
          onChange={(theme) => save({ theme })}
        />
        <label>
          {t('settings.currency')}
          <input
            name="currency"
            value={s.currency}
            maxLength={3}
            onChange={(e) => save({ currency: e.currentTarget.value.trim().toUpperCase() })}
          />
        </label>
        <SelectField
          label={t('settings.timeZone')}
          name="timeZone"
          value={s.timeZone}
          options={zones(s.timeZone).map((z) => [z, z] as const)}
          onChange={(timeZone) => save({ timeZone })}
        />
        <SelectField
          label={t('settings.weekStart')}
          name="weekStart"
          value={s.weekStart}
          options={weekdays}
          onChange={(weekStart) => save({ weekStart })}
        />
        <SelectField
          label={t('settings.fiscalYearStart')}
          name="fiscalYearStartMonth"
          value={s.fiscalYearStartMonth}
          options={MONTHS.map((m) => [m, monthName(m)] as const)}
          onChange={(fiscalYearStartMonth) => save({ fiscalYearStartMonth })}
        />
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
        <label class="pc-check">
          <input
            type="checkbox"
            name="checkInEnabled"
            checked={s.checkIn.enabled}
            onChange={(e) => save({ checkIn: { ...s.checkIn, enabled: e.currentTarget.checked } })}
          />{' '}
          {t('settings.checkInReminderOn')}
        </label>
        <SelectField
          label={t('settings.reminderDay')}
          name="checkInWeekday"
          value={s.checkIn.weekday}
          options={weekdays}
          onChange={(weekday) => save({ checkIn: { ...s.checkIn, weekday } })}
        />
        <SelectField
          label={t('settings.reminderTime')}
          name="checkInTime"
          value={minuteOfDay}
          options={times}
          onChange={(m) => save({ checkIn: { ...s.checkIn, hour: Math.floor(m / 60), minute: m % 60 } })}
        />
      </fieldset>
      <fieldset class="pc-form-grid">
        <legend>{t('settings.quietHours')}</legend>
        <label class="pc-check">
          <input
            type="checkbox"
            name="quietEnabled"
            checked={s.quietHours.enabled}
            onChange={(e) => save({ quietHours: { ...s.quietHours, enabled: e.currentTarget.checked } })}
          />{' '}
          {t('settings.quietHoursOn')}
        </label>
        <SelectField
          label={t('settings.quietFrom')}
          name="quietFrom"
          value={s.quietHours.from}
          options={hours}
          onChange={(h) => save({ quietHours: { ...s.quietHours, from: h } })}
        />
        <SelectField
          label={t('settings.quietTo')}
          name="quietTo"
          value={s.quietHours.to}
          options={hours}
          onChange={(h) => save({ quietHours: { ...s.quietHours, to: h } })}
        />
      </fieldset>
      <ParetoThresholdsField />
      <ExchangeRatesField />
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
    </section>
  );
}
