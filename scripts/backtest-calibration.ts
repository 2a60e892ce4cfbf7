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

export type PlattMaps = Record<ChanceKind, Record<ChanceFrequency, readonly [number, number]>>;

export interface ChanceCase {
  /** The simulated share (before any map). */
  raw: number;
  hit: boolean;
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
    const list = FREQS.flatMap((freq) => cases.get(`${kind}|development|${freq}`) ?? []);
    if (!list.length) continue;
    const [a, b] = fitPlatt(list.map((c) => ({ p: c.raw, hit: c.hit })));
    for (const freq of FREQS) maps[kind][freq] = [round3(a), round3(b)];
  }
  return maps;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function mapWith(maps: PlattMaps) {
  return (raw: number, kind: ChanceKind, freq: ChanceFrequency) => recalibrateWith(maps[kind][freq], raw);
}

export function printMaps(maps: PlattMaps, cases: ReadonlyMap<string, readonly ChanceCase[]>) {
  console.log('\n## Recalibration maps fitted on the development data (forecast-calibration.ts PLATT)\n');
  for (const kind of KINDS) {
    for (const freq of FREQS) {
      const n = FREQS.reduce((a, f) => a + (cases.get(`${kind}|development|${f}`)?.length ?? 0), 0);
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
