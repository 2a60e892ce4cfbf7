import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { checkFormula } from '../../../lib/engine/formula';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { buildExampleData } from '../../../lib/example/example-data';
import {
  ChannelSpend,
  CheckIn,
  defaultSettings,
  Goal,
  GoalKind,
  Lead,
  Metric,
  Observation,
  PERSPECTIVES,
} from '../../../lib/schema';

const NOW = Date.UTC(2026, 10, 23, 10, 57, 31);
const data = buildExampleData(NOW);
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

function monthTotal(metricId: string, yyyyMm: string, dims: Record<string, string> = {}): number {
  return data.observations
    .filter(
      (o) =>
        o.metricId === metricId &&
        new Date(o.time).toISOString().startsWith(yyyyMm) &&
        Object.entries(dims).every(([k, v]) => o.dims[k as keyof typeof o.dims] === v),
    )
    .reduce((sum, o) => sum + o.value, 0);
}

function allIds(d: ReturnType<typeof buildExampleData>): string[] {
  return [d.metrics, d.observations, d.goals, d.checkIns, d.leads, d.channelSpend].flatMap((list) =>
    list.map((r) => r.id),
  );
}

describe('buildExampleData: schema and integrity', () => {
  it('every record parses with its schema', () => {
    const failures: string[] = [];
    const check = <T extends { id: string }>(
      schema: { safeParse: (v: unknown) => { success: boolean } },
      list: T[],
    ) => {
      for (const r of list) if (!schema.safeParse(r).success) failures.push(r.id);
    };
    check(Metric, data.metrics);
    check(Observation, data.observations);
    check(Goal, data.goals);
    check(CheckIn, data.checkIns);
    check(Lead, data.leads);
    check(ChannelSpend, data.channelSpend);
    expect(failures).toEqual([]);
  });

  it('has counts in range', () => {
    expect(data.metrics).toHaveLength(24);
    expect(data.observations.length).toBeGreaterThanOrEqual(5000);
    expect(data.observations.length).toBeLessThanOrEqual(20000);
    expect(data.goals.length).toBeGreaterThanOrEqual(25);
    expect(data.checkIns.length).toBe(80);
    expect(data.leads).toHaveLength(60);
    expect(data.channelSpend).toHaveLength(18 * 5);
  });

  it('uses unique ids that all start with ex- and marks every record as example data', () => {
    const ids = allIds(data);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith('ex-'))).toEqual([]);
    for (const list of [data.metrics, data.goals, data.checkIns, data.leads, data.channelSpend]) {
      expect(list.every((r) => r.example === true && r.deletedAt === null)).toBe(true);
    }
    expect(data.observations.every((o) => o.source === 'example')).toBe(true);
  });

  it('names observations ex-obs-<metric>-<dims>-<yyyy-mm-dd>', () => {
    const revenue = data.observations.find((o) => o.metricId === 'ex-revenue' && o.dims.segment === 'retail');
    expect(revenue?.id).toBe('ex-obs-revenue-retail-2025-06-01');
    expect(data.observations.find((o) => o.id === 'ex-obs-gross-profit-all-2026-11-01')?.metricId).toBe(
      'ex-gross-profit',
    );
    expect(
      data.observations.find((o) => o.id === 'ex-obs-new-customers-zalo.retail-2026-10-01')?.dims,
    ).toEqual({
      channel: 'zalo',
      segment: 'retail',
    });
    for (const o of data.observations) {
      expect(o.id.endsWith(new Date(o.time).toISOString().slice(0, 10))).toBe(true);
    }
  });

  it('references only metrics, goals and parents that exist', () => {
    const metricIds = new Set(data.metrics.map((m) => m.id));
    const goalIds = new Set(data.goals.map((g) => g.id));
    expect(data.observations.filter((o) => !metricIds.has(o.metricId))).toEqual([]);
    expect(data.goals.filter((g) => g.metricId !== undefined && !metricIds.has(g.metricId))).toEqual([]);
    expect(data.goals.filter((g) => g.parentId !== undefined && !goalIds.has(g.parentId))).toEqual([]);
    expect(data.checkIns.filter((c) => !goalIds.has(c.goalId))).toEqual([]);
    const formulaRefs = data.metrics.flatMap((m) =>
      [...(m.formula ?? '').matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
    );
    expect(formulaRefs.length).toBeGreaterThanOrEqual(20);
    expect(formulaRefs.filter((ref) => ref === undefined || !metricIds.has(ref))).toEqual([]);
  });

  it('gives observations exactly the dimensions their metric declares, and none to derived metrics', () => {
    const byId = new Map(data.metrics.map((m) => [m.id, m]));
    for (const o of data.observations) {
      const metric = byId.get(o.metricId);
      expect(metric?.formula).toBeUndefined();
      expect(Object.keys(o.dims).sort()).toEqual([...(metric?.dimensions ?? [])].sort());
    }
  });

  it('defines the derived growth KPIs by formula', () => {
    const formula = (id: string) => data.metrics.find((m) => m.id === id)?.formula;
    expect(formula('ex-gross-margin')).toBe('{ex-gross-profit} / {ex-revenue} * 100');
    expect(formula('ex-cost-per-mql')).toBe('{ex-ad-spend} / {ex-mqls}');
    expect(formula('ex-roas')).toBe('{ex-channel-revenue} / {ex-ad-spend}');
    expect(formula('ex-mql-conversion')).toBe('{ex-new-customers} / {ex-mqls} * 100');
    expect(formula('ex-customer-value')).toBe('{ex-revenue} / {ex-active-customers}');
    expect(formula('ex-churn-rate')).toBe('{ex-churned-customers} / prev({ex-active-customers}) * 100');
    // Every formula must be accepted by the engine that evaluates it.
    for (const m of data.metrics) {
      if (m.formula) expect(checkFormula(m.id, m.formula, data.metrics), m.id).toEqual([]);
    }
    expect(data.metrics.find((m) => m.id === 'ex-roas')?.dimensions).toEqual(['channel']);
    expect(data.metrics.find((m) => m.id === 'ex-churn-rate')?.dimensions).toEqual(['segment']);
  });

  it('is deterministic', () => {
    expect(buildExampleData(NOW)).toEqual(data);
  });

  it('carries Vietnamese names with diacritics on every metric and goal', () => {
    for (const r of [...data.metrics, ...data.goals]) {
      const vi = r.translations?.vi ?? '';
      expect(vi.length, r.id).toBeGreaterThan(0);
    }
    const withDiacritics = [...data.metrics, ...data.goals].filter((r) =>
      DIACRITIC.test(r.translations?.vi ?? ''),
    );
    expect(withDiacritics.length).toBeGreaterThan(0.8 * (data.metrics.length + data.goals.length));
    expect(data.metrics.find((m) => m.id === 'ex-revenue')?.translations?.vi).toBe('Doanh thu');
  });
});

describe('buildExampleData: time range and magnitudes', () => {
  it('spans 18 months ending within the month of now, never after now', () => {
    const times = data.observations.map((o) => o.time);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 1));
    expect(Math.min(...times)).toBe(Date.UTC(2025, 5, 1, 12));
    expect(data.observations.filter((o) => o.id === 'ex-obs-revenue-online-2026-11-23')).toHaveLength(1);
    expect(data.observations.filter((o) => o.id.endsWith('2026-11-24'))).toEqual([]);
  });

  it('starts near 2.5 billion VND a month, grows, and peaks before Tết', () => {
    const first = monthTotal('ex-revenue', '2025-06');
    expect(first).toBeGreaterThan(2.1e9);
    expect(first).toBeLessThan(2.9e9);
    expect(monthTotal('ex-revenue', '2026-10')).toBeGreaterThan(1.5 * first);
    // Tết 2026 is 17 February: January stocks up, March is the lull after.
    expect(monthTotal('ex-revenue', '2026-01')).toBeGreaterThan(monthTotal('ex-revenue', '2025-12'));
    expect(monthTotal('ex-revenue', '2026-03')).toBeLessThan(monthTotal('ex-revenue', '2026-01'));
    // The Tết holiday week itself ships almost nothing.
    expect(monthTotal('ex-revenue', '2026-02-18')).toBeLessThan(0.3 * monthTotal('ex-revenue', '2026-02-04'));
  });

  it('keeps gross margin around 28–32% and splits revenue by segment', () => {
    let revenue = 0;
    let gross = 0;
    for (const month of ['2025-09', '2026-01', '2026-06', '2026-10']) {
      revenue += monthTotal('ex-revenue', month);
      gross += monthTotal('ex-gross-profit', month);
      const margin = monthTotal('ex-gross-profit', month) / monthTotal('ex-revenue', month);
      expect(margin).toBeGreaterThan(0.27);
      expect(margin).toBeLessThan(0.33);
    }
    expect(gross / revenue).toBeGreaterThan(0.28);
    expect(gross / revenue).toBeLessThan(0.32);
    expect(monthTotal('ex-revenue', '2026-10', { segment: 'online' })).toBeGreaterThan(0);
  });

  it('records channel spend that matches the marketing-spend observations', () => {
    for (const spend of data.channelSpend) {
      const month = new Date(spend.periodStart).toISOString().slice(0, 7);
      expect(spend.amount).toBe(monthTotal('ex-ad-spend', month, { channel: spend.channel }));
      expect(spend.currency).toBe('VND');
    }
    const current = data.channelSpend.filter((s) => s.periodStart === Date.UTC(2026, 10, 1));
    expect(current.map((s) => s.periodEnd)).toEqual([NOW, NOW, NOW, NOW, NOW]);
    // Trade-fair booths make October's trade-show spend lumpy.
    expect(monthTotal('ex-ad-spend', '2026-10', { channel: 'trade_show' })).toBeGreaterThan(
      5 * monthTotal('ex-ad-spend', '2026-09', { channel: 'trade_show' }),
    );
  });

  it('gives plausible cost per MQL, conversion and ROAS by channel', () => {
    for (const channel of ['facebook', 'google', 'zalo', 'referral']) {
      const spend = monthTotal('ex-ad-spend', '2026-09', { channel });
      const mqls = monthTotal('ex-mqls', '2026-09', { channel });
      const customers = monthTotal('ex-new-customers', '2026-09', { channel });
      const roas = monthTotal('ex-channel-revenue', '2026-09', { channel }) / spend;
      expect(spend / mqls, channel).toBeGreaterThan(50_000);
      expect(spend / mqls, channel).toBeLessThan(500_000);
      expect(customers / mqls, channel).toBeGreaterThan(0.03);
      expect(customers / mqls, channel).toBeLessThan(0.5);
      expect(roas, channel).toBeGreaterThan(1);
      expect(roas, channel).toBeLessThan(40);
    }
  });
});

describe('buildExampleData: goals', () => {
  const byId = new Map(data.goals.map((g) => [g.id, g]));
  const children = (id: string) => data.goals.filter((g) => g.parentId === id);

  it('has every goal kind and every BSC perspective at least twice', () => {
    expect(new Set(data.goals.map((g) => g.kind))).toEqual(new Set(GoalKind.options));
    for (const perspective of PERSPECTIVES) {
      const kpis = data.goals.filter(
        (g) => g.kind === 'kpi_target' && g.perspective === perspective && g.frameworks.includes('bsc'),
      );
      expect(kpis.length, perspective).toBeGreaterThanOrEqual(2);
    }
    expect(data.goals.filter((g) => g.pinned).length).toBeGreaterThanOrEqual(3);
  });

  it('cascades the BHAG into yearly, quarterly and monthly milestones with what/when/budget/who', () => {
    const bhag = byId.get('ex-goal-bhag');
    expect(bhag?.kind).toBe('bhag');
    // Its deadline is Dec 31, 2028: the title says so in both languages ("vào năm 2029", "in 2029",
    // said the opposite of the deadline).
    expect(bhag?.title).toBe('Reach 150 billion VND annual revenue by the end of 2028');
    expect(bhag?.translations?.vi).toBe('Đạt doanh thu 150 tỷ đồng mỗi năm vào cuối năm 2028');
    expect(new Date(bhag?.deadline ?? 0).toISOString().slice(0, 10)).toBe('2028-12-31');
    const years = children('ex-goal-bhag');
    const quarters = years.flatMap((y) => children(y.id));
    const months = quarters.flatMap((q) => children(q.id));
    expect(years.map((y) => y.id)).toEqual(['ex-goal-year-2026', 'ex-goal-year-2027', 'ex-goal-year-2028']);
    expect(quarters).toHaveLength(5);
    expect(months).toHaveLength(6);
    for (const m of [...years, ...quarters, ...months]) {
      expect(m.kind).toBe('milestone');
      expect(m.description?.length, m.id).toBeGreaterThan(10);
      expect(m.deadline, m.id).toBeTypeOf('number');
      expect(m.budget?.currency).toBe('VND');
      expect(m.budget?.amount).toBeGreaterThan(0);
      expect(m.owner).toMatch(DIACRITIC);
    }
    expect(months.filter((m) => (m.deadline ?? 0) < NOW && m.doneAt === null).map((m) => m.id)).toEqual([
      'ex-goal-month-2026-10',
    ]);
    expect(months.filter((m) => typeof m.doneAt === 'number').map((m) => m.id)).toEqual([
      'ex-goal-month-2026-08',
      'ex-goal-month-2026-09',
    ]);
    // Revenue milestones are decided by their revenue, never ticked by hand.
    expect([...years, ...quarters].every((q) => q.doneAt === null && q.metricId === 'ex-revenue')).toBe(true);
    expect(months.filter((m) => (m.deadline ?? 0) > NOW).every((m) => m.doneAt === null)).toBe(true);
  });

  it('shows no revenue milestone Overdue: ended quarters reached their plan, Done from their own window', () => {
    for (const now of [NOW, Date.UTC(2026, 3, 2, 4), Date.UTC(2027, 0, 10, 4), Date.UTC(2029, 6, 15, 4)]) {
      const d = buildExampleData(now);
      const revenue = d.observations.filter((o) => o.metricId === 'ex-revenue');
      const result = evaluateAll({
        goals: d.goals,
        metrics: d.metrics,
        rollups: rollupFromPoints('ex-revenue', revenue, 'Asia/Ho_Chi_Minh'),
        checkIns: d.checkIns,
        settings: defaultSettings({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' }),
        now,
        forecastPaths: 20,
      });
      const measured = d.goals.filter((g) => g.kind === 'milestone' && g.metricId === 'ex-revenue');
      const ended = measured.filter((g) => (g.deadline ?? 0) < now);
      expect(ended.length, new Date(now).toISOString()).toBeGreaterThanOrEqual(1);
      for (const g of measured) {
        const inWindow = revenue
          .filter((o) => o.time >= (g.startAt ?? 0) && o.time <= (g.deadline ?? 0))
          .reduce((a, o) => a + o.value, 0);
        const state = result.perGoal.get(g.id)?.milestone?.state;
        expect(state, g.id).not.toBe('overdue');
        if (inWindow >= (g.target ?? 0)) expect(state, g.id).toBe('done');
      }
      // Done because the window's revenue reached the target, not because someone ticked it.
      for (const g of ended) {
        expect(g.doneAt ?? null, g.id).toBeNull();
        expect(result.perGoal.get(g.id)?.current ?? 0, g.id).toBeGreaterThanOrEqual(g.target ?? 0);
        expect(result.perGoal.get(g.id)?.milestone?.state, g.id).toBe('done');
      }
    }
  });

  it('sets two objectives with 3–4 key results each in the current quarter, committed and stretch', () => {
    const objectives = data.goals.filter((g) => g.kind === 'objective');
    expect(objectives).toHaveLength(2);
    const types = new Set<string>();
    for (const o of objectives) {
      const krs = children(o.id);
      expect(krs.length).toBeGreaterThanOrEqual(3);
      expect(krs.length).toBeLessThanOrEqual(4);
      for (const kr of krs) {
        expect(kr.kind).toBe('key_result');
        expect(kr.frameworks).toContain('okr');
        expect(kr.metricId).toBeDefined();
        expect(kr.baseline).toBeTypeOf('number');
        expect(kr.target).toBeTypeOf('number');
        expect(kr.baseline).not.toBe(kr.target);
        expect(kr.startAt).toBe(Date.UTC(2026, 9, 1));
        expect(kr.deadline).toBe(Date.UTC(2027, 0, 1) - 1);
        types.add(kr.okrType ?? 'none');
      }
    }
    expect(types).toEqual(new Set(['committed', 'stretch']));
  });

  it('writes weekly check-ins in both languages with a mix of confidences', () => {
    const goals = new Set(data.checkIns.map((c) => c.goalId));
    expect(goals.size).toBe(10);
    for (const goalId of goals) {
      const times = data.checkIns.filter((c) => c.goalId === goalId).map((c) => c.time);
      expect(times).toHaveLength(8);
      expect(times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) === 7 * 86_400_000)).toBe(true);
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
      expect(NOW - Math.max(...times)).toBeLessThan(7 * 86_400_000);
    }
    expect(new Set(data.checkIns.map((c) => c.confidence))).toEqual(
      new Set(['on_track', 'at_risk', 'off_track']),
    );
    const vietnamese = data.checkIns.filter((c) => DIACRITIC.test(c.progress ?? ''));
    expect(vietnamese.length).toBeGreaterThan(0);
    expect(vietnamese.length).toBeLessThan(data.checkIns.length);
  });
});

describe('buildExampleData: CRM leads', () => {
  it('spreads ~60 VND deals over HubSpot and Pipedrive with ordered stage history', () => {
    expect(data.leads.filter((l) => l.crm === 'hubspot')).toHaveLength(30);
    expect(data.leads.filter((l) => l.crm === 'pipedrive')).toHaveLength(30);
    expect(new Set(data.leads.map((l) => l.segment))).toEqual(new Set(['retail', 'distributor', 'online']));
    expect(new Set(data.leads.map((l) => l.channel)).size).toBe(5);
    for (const lead of data.leads) {
      expect(lead.currency).toBe('VND');
      expect(lead.amount).toBeGreaterThanOrEqual(5_000_000);
      expect(lead.stageHistory.length).toBeGreaterThan(0);
      const at = lead.stageHistory.map((s) => s.at);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(lead.stage).toBe(lead.stageHistory.at(-1)?.stage);
      expect(lead.firstSeen).toBeLessThanOrEqual(lead.lastSeen);
      expect(lead.lastSeen).toBeLessThanOrEqual(NOW);
      expect(lead.id).toBe(`ex-${lead.crm}:${lead.objectType}:${lead.externalId}`);
    }
  });
});

describe('buildExampleData: any now', () => {
  it('keeps its invariants for arbitrary instants 2021–2034', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2034, 11, 31) }), (now) => {
        const d = buildExampleData(now);
        const ids = allIds(d);
        expect(new Set(ids).size).toBe(ids.length);
        expect(d.observations.length).toBeGreaterThanOrEqual(5000);
        expect(d.observations.length).toBeLessThanOrEqual(20000);
        const last = Math.max(...d.observations.map((o) => o.time));
        const month = new Date(now);
        expect(last).toBeLessThanOrEqual(now);
        expect(last).toBeGreaterThanOrEqual(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1));
        const overdue = d.goals.filter(
          (g) => g.id.startsWith('ex-goal-month-') && (g.deadline ?? 0) < now && g.doneAt === null,
        );
        expect(overdue).toHaveLength(1);
        expect(d.channelSpend.every((s) => ChannelSpend.safeParse(s).success)).toBe(true);
        expect(d.goals.every((g) => Goal.safeParse(g).success)).toBe(true);
        expect(d.checkIns.length).toBeGreaterThanOrEqual(32);
      }),
      { numRuns: 8 },
    );
  });

  it('handles the first millisecond of a month', () => {
    const now = Date.UTC(2027, 0, 1);
    const d = buildExampleData(now);
    expect(d.channelSpend.every((s) => ChannelSpend.safeParse(s).success)).toBe(true);
    expect(d.observations.every((o) => o.time <= now)).toBe(true);
    expect(d.observations.some((o) => o.time === now)).toBe(true);
  });
});
