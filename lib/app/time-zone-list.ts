/**
 * The zones offered in Settings. `Intl.supportedValuesOf('timeZone')` lists ICU's canonical names,
 * and ICU still calls Vietnam "Asia/Saigon" (and India "Asia/Calcutta", Ukraine "Europe/Kiev"), so
 * a Vietnamese user looking for Asia/Ho_Chi_Minh — the name the IANA database, CRMs and Pacer's own
 * examples use — did not find it. The current IANA names are added where the runtime accepts them.
 */
const CURRENT_NAMES = ['Asia/Ho_Chi_Minh', 'Asia/Kolkata', 'Europe/Kyiv', 'Asia/Yangon', 'Asia/Kathmandu'];

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Sorted, without repeats, always holding `current` (a stored zone is never silently swapped). */
export function timeZoneChoices(current: string, supported: readonly string[]): string[] {
  const all = new Set(supported);
  for (const zone of CURRENT_NAMES) if (accepted(zone)) all.add(zone);
  all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b, 'en'));
}
