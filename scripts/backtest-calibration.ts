/**
 * The backtest's recalibration step: fit the Platt maps of lib/engine/forecast-calibration.ts on the
 * DEVELOPMENT goal cases only, and (with --write-calibration) put them into that file, so refitting
 * after any change to the simulation is one command:
 *
 *   npx tsx scripts/backtest.ts --write-calibration
 *
 * The simulated shares the maps are fitted on do not depend on the maps, so one run fits them, writes
 * them, and reports every table with the maps it wrote (the held-out cases never feed a fit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ChanceFrequency,
  type ChanceKind,
  fitPlatt,
  PLATT,
  recalibrateWith,
} from '../lib/engine/forecast-calibration';
import { decileCheck } from './backtest-targets';

export type PlattMaps = Record<ChanceKind, Record<ChanceFrequency, readonly [number, number]>>;

export interface ChanceCase {
  /** The simulated share (before any map). */
  raw: number;
  hit: boolean;
  /** The series' dataset (a family: one source, all its series and both frequencies). */
  family: string;
}

/**
 * How the cases of a fit are weighed: each case once (the shipped maps), or each family (dataset) the
 * same in total (compared in printMapCrossValidation: no better on a family left out).
 */
export type Weighting = 'pooled' | 'family';

export function weighted(list: readonly ChanceCase[], weighting: Weighting) {
  const count = new Map<string, number>();
  for (const c of list) count.set(c.family, (count.get(c.family) ?? 0) + 1);
  const families = count.size;
  return list.map((c) => ({
    p: c.raw,
    hit: c.hit,
    // Family weights sum to the number of cases, so the fit's scale (and its Newton steps) is unchanged.
    weight: weighting === 'pooled' ? 1 : list.length / families / (count.get(c.family) ?? 1),
  }));
}

const KINDS = ['total', 'level', 'keep'] as const;
const FREQS = ['month', 'week'] as const;

/**
 * The maps fitted on the development cases (keyed `${kind}|development|${freq}` in `cases`): one map
 * per goal kind, fitted on its cases of both frequencies together and used for both. A weekly map of
 * its own was tried: fitted on the development data's weekly series (two, both weather), it made the
 * Brier score worse than no map at all on the other one in all six cases (leave one series out; see
 * docs/forecast-backtest.md), so a map fitted on two series does not carry over even between them.
 */
export function fitMaps(cases: ReadonlyMap<string, readonly ChanceCase[]>): PlattMaps {
  const maps = structuredClone(PLATT) as PlattMaps;
  for (const kind of KINDS) {
    const list = developmentCases(cases, kind);
    if (!list.length) continue;
    const [a, b] = fitPlatt(weighted(list, 'pooled'));
    for (const freq of FREQS) maps[kind][freq] = [round3(a), round3(b)];
  }
  return maps;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

const developmentCases = (cases: ReadonlyMap<string, readonly ChanceCase[]>, kind: (typeof KINDS)[number]) =>
  FREQS.flatMap((freq) => cases.get(`${kind}|development|${freq}`) ?? []);

/**
 * Leave one family out: for each development family, fit each kind's map on the other families and
 * score it on this one, as a map meets a user's series it never saw. Printed per weighting: the Brier
 * score averaged over families (each family the same), and the out-of-family chances pooled into
 * deciles (with >= 100 goals, how many lie within +-0.1 of what happened).
 */
export function printMapCrossValidation(cases: ReadonlyMap<string, readonly ChanceCase[]>) {
  console.log('\n## Recalibration maps, leave one development family out\n');
  console.log(
    '| kind | weighting | families | Brier, families equal | Brier, pooled | deciles within ±0.1 |',
  );
  console.log('|---|---|---:|---:|---:|---:|');
  for (const kind of KINDS) {
    const list = developmentCases(cases, kind);
    const families = [...new Set(list.map((c) => c.family))];
    // With one family there is nothing to fit on when it is left out.
    if (families.length < 2) continue;
    for (const weighting of ['none', 'pooled', 'family'] as const) {
      const scored: Array<{ p: number; hit: boolean }> = [];
      let familyBrier = 0;
      for (const fam of families) {
        const map =
          weighting === 'none'
            ? ([1, 0] as const)
            : fitPlatt(
                weighted(
                  list.filter((c) => c.family !== fam),
                  weighting,
                ),
              );
        let sum = 0;
        let n = 0;
        for (const c of list) {
          if (c.family !== fam) continue;
          const p = recalibrateWith(map, c.raw);
          scored.push({ p, hit: c.hit });
          sum += (p - (c.hit ? 1 : 0)) ** 2;
          n++;
        }
        familyBrier += sum / n / families.length;
      }
      const pooled = scored.reduce((a, c) => a + (c.p - (c.hit ? 1 : 0)) ** 2, 0) / scored.length;
      console.log(
        `| ${kind} | ${weighting} | ${families.length} | ${familyBrier.toFixed(4)} | ${pooled.toFixed(4)} | ${decileCheck(scored)} |`,
      );
    }
  }
}

export function mapWith(maps: PlattMaps) {
  return (raw: number, kind: ChanceKind, freq: ChanceFrequency) => recalibrateWith(maps[kind][freq], raw);
}

export function printMaps(maps: PlattMaps, cases: ReadonlyMap<string, readonly ChanceCase[]>) {
  console.log('\n## Recalibration maps fitted on the development data (forecast-calibration.ts PLATT)\n');
  for (const kind of KINDS) {
    for (const freq of FREQS) {
      const n = developmentCases(cases, kind).length;
      const [a, b] = maps[kind][freq];
      const [a0, b0] = PLATT[kind][freq];
      console.log(
        `${kind}.${freq}: [${a}, ${b}] from ${n} goals (in the file before this run: [${a0}, ${b0}])`,
      );
    }
  }
}

/** The engine's calibration file (resolved when used: unit tests pass a copy instead). */
const calibrationFile = () =>
  fileURLToPath(new URL('../lib/engine/forecast-calibration.ts', import.meta.url));
const START = '// <platt-maps>';
const END = '// </platt-maps>';

/** Rewrites the lines between the markers in forecast-calibration.ts with `maps`. */
export function writeMaps(maps: PlattMaps, file = calibrationFile()) {
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file}: the ${START} … ${END} markers are missing`);
  const body = KINDS.map(
    (k) => `  ${k}: { month: [${maps[k].month.join(', ')}], week: [${maps[k].week.join(', ')}] },`,
  ).join('\n');
  const lineStart = text.lastIndexOf('\n', from) + 1;
  const indent = text.slice(lineStart, from);
  writeFileSync(file, `${text.slice(0, from)}${START}\n${body}\n${indent}${text.slice(to)}`);
  console.log(`\nWrote the fitted maps into ${file}.`);
}
