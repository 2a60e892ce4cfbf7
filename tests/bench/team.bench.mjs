// Team sync at scale (issue 21): 20 members × 2 years of weekly values × 30 metrics = 62,400
// observation documents on pouchdb-server (in memory, 127.0.0.1). Measured in the same run, each as a
// ratio against a raw `_all_docs?include_docs=true` fetch of the same documents:
//   - the first full sync of a fresh mirror (PouchDB replication, one-shot and checkpointed, as the
//     background runs it, with each pulled document parsed by the zod schemas);
//   - the roll-up recompute: every pulled document turned into Pacer observations and day rollups, and
//     the 30 team goals read by the engine with the per-member split (lib/team/rollup-view.ts);
// and the incremental sync of one member's new week (30 documents), against 1 s.
// Runs in Node (PouchDB's memory adapter for the mirror); the browser is not needed.
import { startTeamServer } from '../../scripts/team-server.mjs';

const MEMBERS = 20;
const WEEKS = 104;
const METRICS = 30;
const WEEK = 7 * 86_400_000;
const START = Date.parse('2024-12-02T09:00:00Z'); // a Monday

export default async function team(bench) {
  const { tsImport } = await import('tsx/esm/api');
  const load = (p) => tsImport(p, import.meta.url);
  const [{ default: PouchDB }, { default: Http }, { default: Memory }, { default: Replication }] =
    await Promise.all([
      import('pouchdb-core'),
      import('pouchdb-adapter-http'),
      import('pouchdb-adapter-memory'),
      import('pouchdb-replication'),
    ]);
  const docs = await load('../../lib/team/docs.ts');
  const { openSession, sessionFetch } = await load('../../lib/team/session.ts');
  const { syncOnce } = await load('../../lib/team/sync.ts');
  const { refusalFor } = await load('../../lib/team/validate.ts');
  const { buildTeamRollup } = await load('../../lib/team/rollup-view.ts');
  const { rollupFromPoints } = await load('../../lib/engine/rollup.ts');
  const { defaultSettings } = await load('../../lib/schema/settings.ts');
  const Pouch = PouchDB.plugin(Http).plugin(Memory).plugin(Replication);

  const users = [
    { name: 'boss', password: 'boss-pass', role: 'manager' },
    ...Array.from({ length: MEMBERS }, (_, i) => ({ name: `m${i}`, password: `p${i}`, role: 'member' })),
  ];
  const server = await startTeamServer({ users });
  const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  try {
    // The team's numbers, written as the members' own documents would be (admin bulk writes, for speed).
    const metrics = Array.from({ length: METRICS }, (_, k) => ({
      id: `kpi-${k}`,
      name: `KPI ${k}`,
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: k % 3 === 0 ? 'last' : 'sum',
      dimensions: ['owner'],
      source: 'manual',
      archived: false,
      deletedAt: null,
      createdAt: START,
      updatedAt: START,
    }));
    const goals = metrics.map((m) => ({
      id: `goal-${m.id}`,
      kind: 'kpi_target',
      goalType: m.aggregation === 'last' ? 'level' : 'total',
      title: `Team ${m.name}`,
      frameworks: ['smart'],
      metricId: m.id,
      baseline: 0,
      target: 1_000_000,
      startAt: START,
      deadline: START + WEEKS * WEEK,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: START,
      updatedAt: START,
    }));
    const all = [
      ...goals.map((g) => docs.goalToDoc(g, START)),
      ...metrics.map((m) => docs.metricToDoc(m, START)),
    ];
    for (let u = 0; u < MEMBERS; u++) {
      for (const m of metrics) {
        const points = Array.from({ length: WEEKS }, (_, w) => ({
          id: `${u}-${m.id}-${w}`,
          metricId: m.id,
          time: START + w * WEEK,
          value: 1 + ((u * 7 + w * 3) % 11),
          dims: {},
          source: 'manual',
        }));
        all.push(...docs.observationsToDocs(m, `m${u}`, points, START));
      }
    }
    const seedStart = performance.now();
    for (let i = 0; i < all.length; i += 5000) {
      const res = await fetch(`${server.url}/sales/_bulk_docs`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ docs: all.slice(i, i + 5000) }),
      });
      if (!res.ok) throw new Error(`seeding: ${res.status} ${await res.text()}`);
    }
    const observationDocs = all.length - goals.length - metrics.length;
    console.log(
      `  seeded ${all.length} documents (${observationDocs} observations) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const session = await openSession(server.url, 'boss', 'boss-pass');
    // As the background pushes: only what this user writes (lib/background/team-sync.ts).
    const ownDocs = (doc) => refusalFor(doc._id, session, 'sales') === null;
    const remote = () =>
      new Pouch(`${server.url}/sales`, {
        adapter: 'http',
        skip_setup: true,
        fetch: sessionFetch(server.url, session),
      });

    // Raw: the same documents in one plain HTTP read, parsed as JSON.
    const rawStart = performance.now();
    const raw = await fetch(`${server.url}/sales/_all_docs?include_docs=true`, {
      headers: { cookie: session.cookie },
    });
    const rawRows = (await raw.json()).rows.filter((r) => !r.id.startsWith('_design/'));
    const rawMs = performance.now() - rawStart;
    if (rawRows.length !== all.length) throw new Error(`raw fetch read ${rawRows.length} of ${all.length}`);

    // First full sync of a fresh mirror, run after run until complete (as the alarm would).
    const mirror = new Pouch('bench-mirror', { adapter: 'memory' });
    const pulled = [];
    let runs = 0;
    const syncStart = performance.now();
    for (;;) {
      runs++;
      const r = await syncOnce(mirror, remote(), { batchSize: 500, maxBatches: 20, pushFilter: ownDocs });
      pulled.push(...r.pulled);
      if (r.rejected.length) throw new Error(`rejected: ${r.rejected[0].problems}`);
      if (r.complete) break;
    }
    const syncMs = performance.now() - syncStart;
    if (pulled.length !== all.length) throw new Error(`sync pulled ${pulled.length} of ${all.length}`);

    // Roll-up recompute over everything pulled.
    const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
    const rollStart = performance.now();
    const byMetric = new Map();
    for (const d of pulled) {
      if (d.type !== 'observation') continue;
      const o = docs.docToObservation(d);
      const list = byMetric.get(o.metricId);
      if (list) list.push(o);
      else byMetric.set(o.metricId, [o]);
    }
    const rollups = [...byMetric].flatMap(([id, points]) => rollupFromPoints(id, points, 'UTC'));
    const view = buildTeamRollup(
      {
        goals: pulled.filter((d) => d.type === 'goal').map(docs.docToGoal),
        metrics: pulled.filter((d) => d.type === 'metric').map(docs.docToMetric),
        checkIns: [],
        rollups,
      },
      settings,
      START + 60 * WEEK,
      { goalIds: goals.map((g) => g.id), user: 'boss' },
    );
    const rollMs = performance.now() - rollStart;
    if (view.length !== METRICS || view.some((v) => v.members.length !== MEMBERS)) {
      throw new Error(`roll-up: ${view.length} goals, members ${view.map((v) => v.members.length)}`);
    }

    // One member's new week: 30 documents pushed by the member, then the manager's incremental sync.
    const memberSession = await openSession(server.url, 'm3', 'p3');
    const memberMirror = new Pouch('bench-member', { adapter: 'memory' });
    const week = metrics.flatMap((m) =>
      docs.observationsToDocs(
        m,
        'm3',
        [
          {
            id: `new-${m.id}`,
            metricId: m.id,
            time: START + WEEKS * WEEK,
            value: 5,
            dims: {},
            source: 'manual',
          },
        ],
        START,
      ),
    );
    await memberMirror.bulkDocs(week);
    const memberRemote = new Pouch(`${server.url}/sales`, {
      adapter: 'http',
      skip_setup: true,
      fetch: sessionFetch(server.url, memberSession),
    });
    await syncOnce(memberMirror, memberRemote, { batchSize: 500, maxBatches: 1 }).catch(() => null);
    const incStart = performance.now();
    const inc = await syncOnce(mirror, remote(), { batchSize: 500, pushFilter: ownDocs });
    const incMs = performance.now() - incStart;
    if (inc.pulled.length !== METRICS) throw new Error(`incremental pulled ${inc.pulled.length}`);

    const rows = [
      { step: `raw _all_docs (${all.length} docs)`, ms: rawMs.toFixed(0), ratio: '1.00' },
      { step: `first full sync (${runs} runs)`, ms: syncMs.toFixed(0), ratio: (syncMs / rawMs).toFixed(2) },
      {
        step: 'roll-up recompute (30 goals × 20 members)',
        ms: rollMs.toFixed(0),
        ratio: (rollMs / rawMs).toFixed(2),
      },
      { step: 'incremental sync, one member’s week (30 docs)', ms: incMs.toFixed(0), ratio: '—' },
    ];
    bench.table(rows);
    bench.budget('first full sync / raw _all_docs', syncMs / rawMs, 10);
    bench.budget('roll-up recompute / raw _all_docs', rollMs / rawMs, 1);
    bench.budget('incremental sync of one week / 1 s', incMs / 1000, 1);
    bench.record({
      documents: all.length,
      rawMs,
      syncMs,
      rollMs,
      incMs,
      ratios: { sync: syncMs / rawMs, rollup: rollMs / rawMs },
    });
  } finally {
    await server.stop();
  }
}
