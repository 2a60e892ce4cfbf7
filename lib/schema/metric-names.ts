import type { Metric } from './metric';

/**
 * When two KPI names are the same name: case and spacing aside ("Revenue", " revenue "), diacritics
 * kept (Vietnamese "Doanh thu" and "Doanh thụ" are different words). A KPI answers to its name and to
 * its English and Vietnamese translations.
 */
const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function namesOf(m: Pick<Metric, 'name' | 'translations'>): string[] {
  return [m.name, m.translations?.en, m.translations?.vi].filter((n): n is string => !!n?.trim()).map(fold);
}

/**
 * The live KPI (not deleted, not archived) already called one of `names`, other than `exceptId`: two
 * KPIs both called "Revenue" cannot be told apart in the quick log, and values logged to the wrong one
 * never reach the goal.
 */
export function metricNamed(
  names: readonly string[],
  metrics: readonly Metric[],
  exceptId?: string,
): Metric | undefined {
  const wanted = new Set(names.map(fold).filter(Boolean));
  return metrics.find(
    (m) => m.id !== exceptId && m.deletedAt === null && !m.archived && namesOf(m).some((n) => wanted.has(n)),
  );
}
