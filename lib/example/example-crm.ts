/**
 * Sixty example CRM deals as Pacer would have read them off HubSpot and Pipedrive pages: Vietnamese
 * contacts and shops, VND amounts, the channel and segment each came from, and their stage history.
 */
import type { Lead } from '../schema';
import { DAY_MS } from './example-calendar';
import type { Channel, Segment } from './example-simulation';
import { pick, type Rng, rngFor } from './random';

const LEADS_PER_CRM = 30;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh', 'Hoài'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Khánh',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
];
const SHOP_NAMES = [
  'Minh Châu',
  'Hồng Phát',
  'An Bình',
  'Đại Lợi',
  'Phú Quý',
  'Thành Công',
  'Hoa Mai',
  'Kim Ngân',
  'Bảo Long',
  'Hưng Thịnh',
  'Tân Tiến',
  'Việt Hưng',
  'Ngọc Lan',
  'Thiên Phúc',
  'Hải Đăng',
];
const COMPANY_FORMS: Record<Segment, string[]> = {
  retail: ['Tạp hóa', 'Cửa hàng', 'Siêu thị mini'],
  distributor: ['Công ty TNHH Phân phối', 'Nhà phân phối', 'Công ty CP Thương mại'],
  online: ['Shop', 'Cửa hàng online'],
};
const SALES_REPS = ['Trần Văn Minh', 'Bùi Thị Hương', 'Hoàng Đức Thắng', 'Ngô Thanh Tâm'];
/** Deal size in VND by segment: [min, max]. */
const AMOUNT: Record<Segment, [number, number]> = {
  retail: [15_000_000, 80_000_000],
  distributor: [200_000_000, 2_500_000_000],
  online: [5_000_000, 30_000_000],
};
const CHANNELS_BY_SEGMENT: Record<Segment, Channel[]> = {
  retail: ['facebook', 'google', 'zalo', 'zalo', 'referral', 'trade_show'],
  distributor: ['referral', 'referral', 'trade_show', 'trade_show', 'google'],
  online: ['facebook', 'facebook', 'google', 'zalo'],
};
const SEGMENT_MIX: Segment[] = ['retail', 'retail', 'retail', 'distributor', 'online', 'online'];

const STAGES = {
  hubspot: [
    'Appointment scheduled',
    'Qualified to buy',
    'Presentation scheduled',
    'Decision maker bought-in',
    'Contract sent',
  ],
  pipedrive: ['Qualified', 'Contact made', 'Demo scheduled', 'Proposal made', 'Negotiations started'],
} as const;
/** HubSpot moves a closed deal to a closing stage; Pipedrive keeps the stage and sets a status. */
const HUBSPOT_CLOSED = { won: 'Closed won', lost: 'Closed lost' } as const;

/** ASCII e-mail local part from a Vietnamese name: "Nguyễn Thị Lan" → "lan.nguyen". */
function emailFor(name: string, n: number): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(' ');
  return `${ascii.at(-1)}.${ascii[0]}${n}@example.com`;
}

function between(rng: Rng, [min, max]: [number, number], step: number): number {
  return Math.round((min + rng() * (max - min)) / step) * step;
}

function buildLead(crm: 'hubspot' | 'pipedrive', index: number, now: number): Lead {
  const rng = rngFor(`lead|${crm}|${index}`);
  const segment = pick(rng, SEGMENT_MIX);
  const channel = pick(rng, CHANNELS_BY_SEGMENT[segment]);
  const name = `${pick(rng, FAMILY)} ${pick(rng, MIDDLE)} ${pick(rng, GIVEN)}`;
  const company = `${pick(rng, COMPANY_FORMS[segment])} ${pick(rng, SHOP_NAMES)}`;
  const stages = STAGES[crm];
  const created = now - Math.round((3 + rng() * 177) * DAY_MS);

  // Walk the pipeline: a few days per stage, stopping at today; older deals are more often closed.
  const history: { stage: string; at: number }[] = [];
  let at = created;
  const depth = 1 + Math.floor(rng() * stages.length);
  for (const stage of stages.slice(0, depth)) {
    if (at > now) break;
    history.push({ stage, at });
    at += Math.round((2 + rng() * 12) * DAY_MS);
  }
  const outcome = at <= now && rng() < 0.6 ? (rng() < 0.6 ? 'won' : 'lost') : 'open';
  if (crm === 'hubspot' && outcome !== 'open') history.push({ stage: HUBSPOT_CLOSED[outcome], at });
  const lastChange = history.at(-1)?.at ?? created;

  const externalId = crm === 'hubspot' ? String(18_340_000_000 + index * 7919) : String(1200 + index * 3);
  const firstSeen = Math.min(now, created + Math.round(rng() * 2 * DAY_MS));
  return {
    id: `ex-${crm}:deal:${externalId}`,
    crm,
    objectType: 'deal',
    externalId,
    url:
      crm === 'hubspot'
        ? `https://app.hubspot.com/contacts/48213597/record/0-3/${externalId}`
        : `https://saomai.pipedrive.com/deal/${externalId}`,
    name: crm === 'hubspot' ? `${company} – ${name}` : name,
    company,
    email: emailFor(name, index),
    stage: history.at(-1)?.stage,
    // Pipedrive keeps won/lost deals in their last stage and says so in the status instead.
    ...(crm === 'pipedrive' ? { status: outcome } : {}),
    amount: between(rng, AMOUNT[segment], 100_000),
    currency: 'VND',
    owner: pick(rng, SALES_REPS),
    channel,
    segment,
    createdDate: created,
    firstSeen,
    lastSeen: Math.max(firstSeen, Math.min(now, lastChange + Math.round(rng() * 3 * DAY_MS))),
    stageHistory: history,
    example: true,
    deletedAt: null,
  };
}

export function buildExampleLeads(now: number): Lead[] {
  const leads: Lead[] = [];
  for (const crm of ['hubspot', 'pipedrive'] as const) {
    for (let i = 0; i < LEADS_PER_CRM; i++) leads.push(buildLead(crm, i, now));
  }
  return leads;
}
