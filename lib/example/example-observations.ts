/** Turns the simulated business into stored records: observations (daily and monthly) and channel spend. */
import type { ChannelSpend, DimensionValues, Observation } from '../schema';
import { isoDay, monthEnd, stamp } from './example-calendar';
import { CHANNEL_SEGMENT_SHARE, CHANNELS, SEGMENTS, type Simulation } from './example-simulation';

/**
 * `ex-obs-<metric>-<dims>-<yyyy-mm-dd>`: stable, so rebuilding the example on the same day overwrites
 * instead of duplicating. The metric's own `ex-` prefix is dropped to keep ids short.
 */
export function observationId(metricId: string, dims: DimensionValues, day: number): string {
  const dimKey = [dims.channel, dims.segment].filter((v) => v !== undefined).join('.') || 'all';
  return `ex-obs-${metricId.replace(/^ex-/, '')}-${dimKey}-${isoDay(day)}`;
}

export function buildExampleObservations(sim: Simulation, now: number): Observation[] {
  const out: Observation[] = [];
  const push = (metricId: string, dims: DimensionValues, day: number, value: number) => {
    out.push({
      id: observationId(metricId, dims, day),
      metricId,
      time: stamp(day, now),
      value,
      dims,
      source: 'example',
    });
  };

  // Revenue, orders and leads arrive daily, like a POS or CRM export would deliver them.
  for (const d of sim.days) {
    for (const segment of SEGMENTS) {
      push('ex-revenue', { segment }, d.day, d.revenue[segment]);
      push('ex-orders', { segment }, d.day, d.orders[segment]);
    }
    for (const channel of CHANNELS) push('ex-mqls', { channel }, d.day, d.mqls[channel]);
  }

  // Everything else is closed monthly; the current month holds month-to-date figures.
  for (const m of sim.months) {
    const day = m.start;
    push('ex-gross-profit', {}, day, m.grossProfit);
    push('ex-net-profit', {}, day, m.netProfit);
    push('ex-on-time-delivery', {}, day, m.onTimeDelivery);
    push('ex-order-lead-time', {}, day, m.orderLeadTime);
    push('ex-training-hours', {}, day, m.trainingHours);
    push('ex-employee-engagement', {}, day, m.engagement);
    for (const segment of SEGMENTS) {
      push('ex-churned-customers', { segment }, day, m.churned[segment]);
      push('ex-active-customers', { segment }, day, m.active[segment]);
    }
    for (const channel of CHANNELS) {
      push('ex-ad-spend', { channel }, day, m.spend[channel]);
      push('ex-channel-revenue', { channel }, day, m.channelRevenue[channel]);
      for (const segment of SEGMENTS) {
        // A channel that never brings a segment gets no series rather than a flat line of zeros.
        if (CHANNEL_SEGMENT_SHARE[channel][segment] === 0) continue;
        push('ex-new-customers', { channel, segment }, day, m.newCustomers[channel][segment]);
      }
    }
  }
  return out;
}

const SPEND_NOTES: Record<(typeof CHANNELS)[number], string> = {
  facebook: 'Facebook & Instagram ads',
  google: 'Google Search & Shopping ads',
  zalo: 'Zalo OA messages and Zalo Ads',
  referral: 'Referral commissions to existing shops',
  trade_show: 'Trade-fair booths and local events',
};

export function buildExampleChannelSpend(sim: Simulation, now: number): ChannelSpend[] {
  return sim.months.flatMap((m) =>
    CHANNELS.map(
      (channel): ChannelSpend => ({
        id: `ex-spend-${channel}-${isoDay(m.start).slice(0, 7)}`,
        channel,
        periodStart: m.start,
        // The current month's record covers the spend so far, so its period ends now.
        periodEnd: m.fraction < 1 ? Math.max(now, m.start + 1) : monthEnd(m.ym) + 1,
        amount: m.spend[channel],
        currency: 'VND',
        note: m.fraction < 1 ? `${SPEND_NOTES[channel]} (month to date)` : SPEND_NOTES[channel],
        example: true,
        deletedAt: null,
      }),
    ),
  );
}
