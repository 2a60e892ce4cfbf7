import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../lib/schema/observation';
import {
  checkInToDoc,
  dayKey,
  docToCheckIn,
  docToObservation,
  idMatchesBody,
  observationsToDocs,
  parseTeamId,
  TeamDoc,
  teamIds,
  weekKey,
} from '../../../lib/team/docs';

const obs = (id: string, iso: string, value: number): Observation => ({
  id,
  metricId: 'm:leads',
  time: Date.parse(iso),
  value,
  dims: {},
  source: 'manual',
});

describe('team document ids', () => {
  it('are deterministic and round-trip, even with ":" and "%" in ids and names', () => {
    const id = teamIds.observation('m:leads', 'an:na%', '2026-12-06');
    expect(id).toBe(teamIds.observation('m:leads', 'an:na%', '2026-12-06'));
    expect(parseTeamId(id)).toEqual({
      type: 'observation',
      ref: 'm:leads',
      member: 'an:na%',
      period: '2026-12-06',
    });
    expect(parseTeamId(teamIds.goal('g:1'))).toEqual({ type: 'goal', ref: 'g:1' });
    expect(parseTeamId(teamIds.checkIn('g', 'bao', '2026-W49'))).toMatchObject({
      type: 'checkin',
      member: 'bao',
    });
  });

  it('give each member their own document for the same metric and day (one writer per doc)', () => {
    expect(teamIds.observation('m', 'an', '2026-12-06')).not.toBe(
      teamIds.observation('m', 'bao', '2026-12-06'),
    );
    expect(teamIds.checkIn('g', 'an', '2026-W49')).not.toBe(teamIds.checkIn('g', 'bao', '2026-W49'));
  });

  it('refuses ids Pacer does not write', () => {
    for (const id of ['_design/pacer', 'goal:', 'obs:m:an', 'obs:m:an:d:x', 'note:1', 'obs:m:%E0%A4%A:d']) {
      expect(parseTeamId(id)).toBeNull();
    }
  });

  it('uses UTC days and ISO weeks', () => {
    expect(dayKey(Date.parse('2026-12-06T23:59:59Z'))).toBe('2026-12-06');
    expect(weekKey(Date.parse('2026-12-06T12:00:00Z'))).toBe('2026-W49'); // a Sunday
    expect(weekKey(Date.parse('2026-12-07T00:00:00Z'))).toBe('2026-W50');
    expect(weekKey(Date.parse('2021-01-03T00:00:00Z'))).toBe('2020-W53');
    expect(weekKey(Date.parse('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });
});

describe('observations to team documents', () => {
  const list = [
    obs('a', '2026-12-06T09:00:00Z', 3),
    obs('b', '2026-12-06T15:00:00Z', 5),
    obs('c', '2026-12-07T01:00:00Z', 2),
  ];

  it('makes one document per UTC day, combined by the metric aggregation', () => {
    const sum = observationsToDocs({ id: 'm:leads', aggregation: 'sum' }, 'an', list, 1);
    expect(sum.map((d) => [d._id, d.value])).toEqual([
      ['obs:m%3Aleads:an:2026-12-06', 8],
      ['obs:m%3Aleads:an:2026-12-07', 2],
    ]);
    const last = observationsToDocs({ id: 'm:leads', aggregation: 'last' }, 'an', [...list].reverse(), 1);
    expect(last.find((d) => d.day === '2026-12-06')?.value).toBe(5);
    const avg = observationsToDocs({ id: 'm:leads', aggregation: 'average' }, 'an', list, 1);
    expect(avg.find((d) => d.day === '2026-12-06')?.value).toBe(4);
  });

  it('produces documents that pass the schema and agree with their ids', () => {
    for (const d of observationsToDocs({ id: 'm:leads', aggregation: 'sum' }, 'an', list, 1)) {
      const parsed = TeamDoc.parse(d);
      expect(idMatchesBody(parsed)).toBe(true);
    }
  });

  it('comes back as a Pacer observation with the member as the owner dimension', () => {
    const [doc] = observationsToDocs({ id: 'm:leads', aggregation: 'sum' }, 'an', list, 1);
    expect(docToObservation(doc as never)).toMatchObject({
      metricId: 'm:leads',
      value: 8,
      dims: { owner: 'an' },
    });
  });

  it('flags a body that claims another member than its id', () => {
    const [doc] = observationsToDocs({ id: 'm:leads', aggregation: 'sum' }, 'an', list, 1);
    expect(idMatchesBody(TeamDoc.parse({ ...doc, member: 'bao' }))).toBe(false);
  });
});

describe('check-ins to team documents', () => {
  it('keys one check-in per member × goal × ISO week and round-trips', () => {
    const doc = checkInToDoc(
      {
        id: 'c1',
        goalId: 'g1',
        time: Date.parse('2026-12-06T10:00:00Z'),
        confidence: 'at_risk',
        plans: 'call',
        deletedAt: null,
      },
      'an',
      1,
    );
    expect(doc._id).toBe('checkin:g1:an:2026-W49');
    expect(docToCheckIn(TeamDoc.parse(doc) as never)).toMatchObject({
      goalId: 'g1',
      confidence: 'at_risk',
      plans: 'call',
    });
  });

  it('rejects a malformed document with a reason', () => {
    const r = TeamDoc.safeParse({
      _id: 'obs:m:an:x',
      type: 'observation',
      metricId: 'm',
      member: 'an',
      day: 'x',
      value: 'NaN',
      time: 1,
      dims: {},
      updatedAt: 1,
    });
    expect(r.success).toBe(false);
  });
});
