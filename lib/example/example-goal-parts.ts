/** Pieces shared by the example goal builders: the people, bilingual number wording and a goal factory. */
import type { Goal } from '../schema';
import type { YearMonth } from './example-calendar';
import type { SimMonth, Simulation } from './example-simulation';

/** Who: Sao Mai's management team. */
export const PEOPLE = {
  ceo: 'Nguyễn Thị Lan',
  sales: 'Trần Văn Minh',
  marketing: 'Lê Hoàng Anh',
  operations: 'Phạm Thu Hà',
  people: 'Đỗ Quang Huy',
  finance: 'Vũ Ngọc Mai',
} as const;

/** Everything a goal needs besides what makes it this goal. */
export type GoalInput = Omit<
  Goal,
  'weight' | 'example' | 'archived' | 'deletedAt' | 'createdAt' | 'updatedAt'
> &
  Partial<Pick<Goal, 'weight'>>;

export function exampleGoal(input: GoalInput, createdAt: number, updatedAt: number): Goal {
  return {
    weight: 1,
    ...input,
    example: true,
    archived: false,
    deletedAt: null,
    createdAt,
    updatedAt,
  };
}

/** "5.2 billion VND" / "5,2 tỷ đồng": Vietnamese writes the decimal comma. */
export function billions(amount: number): { en: string; vi: string } {
  const value = Math.round(amount / 1e8) / 10;
  return { en: `${value} billion VND`, vi: `${String(value).replace('.', ',')} tỷ đồng` };
}

export function millions(amount: number): { en: string; vi: string } {
  const value = Math.round(amount / 1e5) / 10;
  return { en: `${value} million VND`, vi: `${String(value).replace('.', ',')} triệu đồng` };
}

/** Whole đồng with digit grouping: "196,000 VND" / "196.000 đồng". */
export function dong(amount: number): { en: string; vi: string } {
  const grouped = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { en: `${grouped} VND`, vi: `${grouped.replaceAll(',', '.')} đồng` };
}

export function decimalVi(value: number): string {
  return String(value).replace('.', ',');
}

export interface QuarterRef {
  year: number;
  /** 0-based: 0 = Q1. */
  quarter: number;
}

export function quarterOf(ym: YearMonth): QuarterRef {
  return { year: ym.year, quarter: Math.floor(ym.month / 3) };
}

export function quarterStart(q: QuarterRef): number {
  return Date.UTC(q.year, q.quarter * 3, 1);
}

export function quarterEnd(q: QuarterRef): number {
  return Date.UTC(q.year, q.quarter * 3 + 3, 1) - 1;
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 0 ? { year: q.year - 1, quarter: 3 } : { year: q.year, quarter: q.quarter - 1 };
}

/** Simulated months of one quarter (all three always exist: the data spans 18 months). */
export function monthsOfQuarter(sim: Simulation, q: QuarterRef): SimMonth[] {
  return sim.months.filter((m) => m.ym.year === q.year && Math.floor(m.ym.month / 3) === q.quarter);
}

export function sumOf(months: SimMonth[], f: (m: SimMonth) => number): number {
  return months.reduce((sum, m) => sum + f(m), 0);
}

/** a / b, or `fallback` when b is 0, so a baseline is never NaN or Infinity. */
export function ratio(a: number, b: number, fallback = 0): number {
  return b === 0 ? fallback : a / b;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
