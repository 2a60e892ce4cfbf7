/**
 * A date inside a sentence, localised: "Dec 31, 2026" / "31/12/2026", on the user's calendar — never
 * an ISO "2026-12-31" in the middle of words. Engine messages carry both languages (messages.ts), so
 * both are formatted here. A deadline is read half a day early (as evaluate-all reads a window's last
 * day), so an "end of year" stored as UTC midnight stays 31 Dec in UTC+7; other dates are read as is.
 */
export function sentenceDate(
  t: number,
  timeZone: string,
  kind: 'deadline' | 'day' = 'deadline',
): { dateEn: string; dateVi: string } {
  const at = kind === 'deadline' ? t - 43_200_000 : t;
  try {
    return {
      dateEn: formatter(
        `en|${timeZone}`,
        () => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }),
      ).format(at),
      dateVi: formatter(
        `vi|${timeZone}`,
        () =>
          new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }),
      ).format(at),
    };
  } catch {
    // An unknown time zone (a setting from another browser): the same words in UTC.
    return timeZone === 'UTC'
      ? { dateEn: new Date(t).toISOString().slice(0, 10), dateVi: new Date(t).toISOString().slice(0, 10) }
      : sentenceDate(t, 'UTC', kind);
  }
}

/** Intl formatters are costly to build (much of an incremental evaluation's time): built once each. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
