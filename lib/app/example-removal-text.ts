/**
 * The words of "Remove example data" (lib/example/example-removal.ts): what goes, in numbers, and
 * what stays and why ("Kept 1 KPI you use: Doanh thu (1 value you logged, 1 goal)"), for the question
 * before and the line after.
 */
import type { ExampleRemovalPlan } from '../example/example-removal';
import { localizedName, type Nameable, type PluralKey, type Translator } from '../i18n/translate';

function list(items: readonly string[], t: Translator): string {
  return new Intl.ListFormat(t.locale, { style: 'long', type: 'conjunction' }).format(items);
}

function counts(t: Translator, pairs: readonly [PluralKey, number][]): string[] {
  return pairs.filter(([, n]) => n > 0).map(([key, n]) => t.plural(key, n));
}

/** "24 KPIs, 6,405 example values, 32 goals …": what the remove takes. */
function goes(plan: ExampleRemovalPlan, t: Translator): string {
  return list(
    counts(t, [
      ['exampleRemove.kpis', plan.remove.metrics.length],
      ['exampleRemove.values', plan.exampleValues],
      ['exampleRemove.goals', plan.remove.goals.length],
      ['exampleRemove.checkIns', plan.remove.checkIns.length],
      ['exampleRemove.deals', plan.remove.leads.length],
      ['exampleRemove.spend', plan.remove.channelSpend.length],
    ]),
    t,
  );
}

/** The kept records with why, each sentence's list; none when nothing of the user's is in it. */
function stays(plan: ExampleRemovalPlan, t: Translator, done: boolean): string[] {
  const out: string[] = [];
  const name = (r: Nameable) => localizedName(r, t.locale);
  if (plan.kept.length) {
    const items = plan.kept.map((k) => {
      const why = counts(t, [
        ['exampleRemove.why.values', k.values],
        ['exampleRemove.why.goals', k.goals],
        ['exampleRemove.why.formulas', k.formulas],
      ]);
      return why.length ? `${name(k.metric)} (${why.join(', ')})` : name(k.metric);
    });
    out.push(
      t.plural(done ? 'exampleRemove.keptKpis' : 'exampleRemove.staysKpis', plan.kept.length, {
        list: list(items, t),
      }),
    );
  }
  if (plan.keptGoals.length) {
    const items = plan.keptGoals.map((k) => {
      const why = [
        ...counts(t, [
          ['exampleRemove.why.subGoals', k.subGoals],
          ['exampleRemove.why.checkIns', k.checkIns],
        ]),
        ...(k.edited ? [t('exampleRemove.why.edited')] : []),
      ];
      return `“${name(k.goal)}” (${why.length ? why.join(', ') : t('exampleRemove.why.above')})`;
    });
    out.push(
      t.plural(done ? 'exampleRemove.keptGoals' : 'exampleRemove.staysGoals', plan.keptGoals.length, {
        list: list(items, t),
      }),
    );
  }
  return out;
}

export interface RemovalQuestion {
  ask: string;
  goes: string;
  /** What stays and why, or that the user's own data is not touched. */
  stays: string[];
  hint: string;
}

export function removalQuestion(plan: ExampleRemovalPlan, t: Translator): RemovalQuestion {
  const kept = stays(plan, t, false);
  return {
    ask: t('exampleRemove.ask'),
    goes: t('exampleRemove.goes', { list: goes(plan, t) }),
    stays: kept.length ? kept : [t('exampleRemove.yoursUntouched')],
    hint: t('exampleRemove.undoHint'),
  };
}

/** The line after: what went, and what was kept. */
export function removalDone(plan: ExampleRemovalPlan, t: Translator): string {
  return [t('exampleRemove.done', { list: goes(plan, t) }), ...stays(plan, t, true)].join(' ');
}
