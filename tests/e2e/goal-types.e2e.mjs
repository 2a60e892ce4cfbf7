// Issue 14 in real Chromium, from an empty profile (no example data): one goal of each type made
// through the new tab's goal form — reach a total, reach a level, keep a level, a milestone and an
// objective scored from its key results — values logged through the toolbar popup, and every card's
// text checked against figures worked out by hand below (docs/figures.md defines each one).
// Screenshots of the dashboard in light/en and dark/vi go to test-results/goal-types-*.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  openExtensionPage,
  RESULTS_DIR,
  saveScreenshot,
  withExtension,
} from './helpers.mjs';

const DAY = 86_400_000;

/** A local calendar day `offset` days from today, as the form's date inputs take it (YYYY-MM-DD). */
function day(offset, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + offset * DAY);
}

/** Milliseconds of local midnight starting `dayKey` in `timeZone`. */
function localMidnight(dayKey, timeZone) {
  const [y, m, d] = dayKey.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that instant: format the UTC midnight in the zone and see how far it moved.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return guess - (asLocal - guess);
}

async function newGoal(page, fields) {
  const first = page.getByTestId('first-run-create');
  if (await first.isVisible().catch(() => false)) await first.click();
  else await page.getByTestId('new-goal').click();
  await page.getByTestId('editor-goal').waitFor();
  await page.locator('#goal-kind').selectOption(fields.kind);
  await page.locator('#goal-title').fill(fields.title);
  if (fields.metric) {
    if (fields.newMetric) {
      await page.getByTestId('goal-new-metric').click();
      await page.locator('#metric-name').fill(fields.metric);
      await page.locator('#metric-unit').selectOption(fields.newMetric.unit);
      await page.locator('#metric-direction').selectOption(fields.newMetric.direction);
      await page.locator('#metric-aggregation').selectOption(fields.newMetric.aggregation);
      await page.getByTestId('metric-save').click();
      await page.locator('#goal-title').waitFor();
    } else {
      await page.locator('#goal-metricId').selectOption({ label: fields.metric });
    }
  }
  if (fields.kind === 'objective' && !fields.metric) {
    // An objective is scored by its key results: the form asks for no metric or measure of its own.
    assert.equal(await page.locator('#goal-metricId, #goal-goalType, #goal-target').count(), 0);
  } else await page.locator('#goal-goalType').selectOption(fields.goalType);
  if (fields.keepSide) await page.locator('#goal-keepSide').selectOption(fields.keepSide);
  if (fields.parent) await page.locator('#goal-parentId').selectOption({ label: fields.parent });
  if (fields.baseline !== undefined) await page.locator('#goal-baseline').fill(fields.baseline);
  if (fields.target !== undefined) await page.locator('#goal-target').fill(fields.target);
  if (fields.start) await page.locator('#goal-start').fill(fields.start);
  if (fields.deadline) await page.locator('#goal-deadline').fill(fields.deadline);
  await page.getByTestId('goal-save').click();
  await page.getByTestId('editor-goal').waitFor({ state: 'detached' });
}

async function logInPopup(ext, metric, typed) {
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.getByTestId('metric-input').fill(metric);
  await popup.getByTestId('metric-option').first().waitFor();
  await popup.getByTestId('metric-input').press('Enter');
  await popup.getByTestId('value-input').fill(typed);
  await popup.getByTestId('value-input').press('Enter');
  await popup
    .locator('[data-testid="log-status"]')
    .filter({ hasText: /Saved|Đã lưu/ })
    .waitFor();
  const status = (await popup.getByTestId('log-status').textContent()) ?? '';
  await popup.close();
  return status;
}

/**
 * Every card's figures, keyed by title, read once all `titles` are on the page: the dashboard renders
 * twice (first paint, then the evaluated cards), and one read between the two found the list without
 * the total card.
 */
async function cardsByTitle(page, titles = GOAL_TITLES) {
  await page.waitForFunction(
    (want) => {
      const have = new Set(
        [...document.querySelectorAll('.pc-widget-goals [data-testid="goal-card"] .pc-card-title')].map((e) =>
          e.textContent?.trim(),
        ),
      );
      return want.every((t) => have.has(t));
    },
    titles,
    { timeout: 30_000 },
  );
  const list = await page.locator('.pc-widget-goals [data-testid="goal-card"]').evaluateAll((cards) =>
    cards.map((c) => {
      const text = (sel) => c.querySelector(sel)?.textContent?.trim() ?? '';
      return {
        title: text('.pc-card-title'),
        status: [...c.classList].find((x) => x.startsWith('pc-status-'))?.slice('pc-status-'.length),
        value: text('[data-testid="goal-value"]'),
        target: text('[data-testid="goal-target"]'),
        progress: text('[data-testid="goal-progress-text"]'),
        reason: text('[data-testid="goal-reason"]'),
        pace: text('[data-testid="goal-pace"]'),
        forecast: text('[data-testid="goal-forecast"]'),
      };
    }),
  );
  return new Map(list.map((c) => [c.title, c]));
}

/** The four goal cards the test makes (the milestone is listed under Milestones, not as a card). */
const GOAL_TITLES = [
  'Win 100 deals',
  'Distributors buy more and stay',
  'Lift conversion to 15%',
  'Keep churn at or under 2%',
];

async function saveTop(page, name) {
  await saveScreenshot(page, name);
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-top.png`) });
}

it(
  'one goal of each type, made in the UI and fed through the popup, reads as worked out by hand',
  {
    timeout: 240_000,
  },
  () =>
    withExtension(
      async (ext) => {
        const page = ext.page;
        await page.setViewportSize({ width: 1366, height: 1100 });
        await page.goto(ext.extUrl('newtab.html'), { waitUntil: 'load' });
        await page.getByTestId('first-run-create').waitFor({ timeout: 30_000 });
        const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

        // 1. Reach a total: 100 deals between 60 days ago and 120 days from now.
        const totalStart = day(-60, tz);
        const totalEnd = day(120, tz);
        await newGoal(page, {
          kind: 'kpi_target',
          title: 'Win 100 deals',
          metric: 'Deals won',
          newMetric: { unit: 'count', direction: 'up', aggregation: 'sum' },
          goalType: 'total',
          target: '100',
          start: totalStart,
          deadline: totalEnd,
        });
        // 2. An objective, scored from its key results (3 and 4 below).
        await newGoal(page, {
          kind: 'objective',
          title: 'Distributors buy more and stay',
          goalType: 'objective',
          start: day(-30, tz),
          deadline: day(60, tz),
        });
        // 3. Reach a level, a key result: conversion from 10% to 15% between 30 days ago and 60 from now.
        const levelStart = day(-30, tz);
        const levelEnd = day(60, tz);
        await newGoal(page, {
          kind: 'key_result',
          title: 'Lift conversion to 15%',
          metric: 'Conversion',
          newMetric: { unit: 'percent', direction: 'up', aggregation: 'average' },
          goalType: 'level',
          parent: 'Distributors buy more and stay',
          baseline: '10',
          target: '15',
          start: levelStart,
          deadline: levelEnd,
        });
        // 4. Keep a level, a key result: churn at or below 2% every month.
        await newGoal(page, {
          kind: 'key_result',
          title: 'Keep churn at or under 2%',
          metric: 'Churn',
          newMetric: { unit: 'percent', direction: 'down', aggregation: 'average' },
          goalType: 'keep',
          keepSide: 'at_most',
          parent: 'Distributors buy more and stay',
          target: '2',
          start: day(-30, tz),
          deadline: day(60, tz),
        });
        // 5. A milestone without a metric, due in 30 days.
        const milestoneDue = day(30, tz);
        await newGoal(page, {
          kind: 'milestone',
          title: 'Open the Đà Nẵng warehouse',
          goalType: 'milestone',
          deadline: milestoneDue,
        });

        // Values through the toolbar popup, all today.
        assert.match(await logInPopup(ext, 'Deals', '30'), /Saved 30 to Deals won/);
        assert.match(await logInPopup(ext, 'Deals', '12'), /Saved 12 to Deals won/);
        assert.match(await logInPopup(ext, 'Conver', '12.5%'), /Saved 12\.5% to Conversion/);
        assert.match(await logInPopup(ext, 'Churn', '1.5%'), /Saved 1\.5% to Churn/);

        await page.reload({ waitUntil: 'load' });
        const totalCard = page.locator('[data-testid="goal-card"]', { hasText: 'Win 100 deals' }).first();
        await totalCard.getByTestId('goal-value').filter({ hasText: '42' }).waitFor({ timeout: 30_000 });
        const cards = await cardsByTitle(page);
        const month = new Intl.DateTimeFormat('en', { month: 'short', timeZone: tz }).format(Date.now());
        // The running month names the days it covers so far: "Dec 1–6" on the 6th, "Dec 1" on the 1st.
        const today = Number(
          new Intl.DateTimeFormat('en', { day: 'numeric', timeZone: tz }).format(Date.now()),
        );
        const soFar = today === 1 ? `${month} 1` : `${month} 1–${today}`;

        // ---- Reach a total ----
        // Value: 30 + 12 = 42 logged in the window; target 100. Progress 42 ÷ 100 = 42%.
        // Trajectory: a straight line from 0 at the start's local midnight to 100 at the end of the
        // deadline's day; today it expects 100 × elapsed ÷ length (about 100 × 60 ÷ 181 ≈ 33), so the
        // card is ahead of pace by 42 − expected ≈ 9 deals (whole numbers for a count), and on track.
        const total = cards.get('Win 100 deals');
        assert.ok(total, 'the total card');
        assert.equal(total.value, '42');
        assert.equal(total.target, '100');
        assert.equal(total.progress, '42% of target');
        const t0 = localMidnight(totalStart, tz);
        const t1 = localMidnight(totalEnd, tz) + DAY;
        const expected = (100 * (Date.now() - t0)) / (t1 - t0);
        const ahead = Number(/^Ahead of pace by (\d+)$/.exec(total.pace)?.[1] ?? Number.NaN);
        assert.ok(Math.abs(ahead - (42 - expected)) <= 1, `pace ${total.pace}, expected ≈ ${42 - expected}`);
        assert.equal(total.status, 'on_track');

        // ---- Reach a level ----
        // Value: December's average so far, the one logged value 12.5% ("Dec 1–6: 12.5%" — a rate logged for
        // the running month counts). Progress (12.5 − 10) ÷ (15 − 10) = 2.5 ÷ 5 = 50% of the way from 10%.
        // Line: 10 + 5 × elapsed ÷ length (about 10 + 5 × 30 ÷ 91 ≈ 11.65%), so ahead by 12.5 − that
        // ≈ 0.85 pt, in points. No forecast: a level waits for 8 complete months (0 so far).
        const level = cards.get('Lift conversion to 15%');
        assert.ok(level, 'the level card');
        assert.equal(level.value, `${soFar}: 12.5%`);
        assert.equal(level.target, '15%');
        assert.equal(level.progress, '50% of the way from 10%');
        const l0 = localMidnight(levelStart, tz);
        const l1 = localMidnight(levelEnd, tz) + DAY;
        const line = 10 + (5 * (Date.now() - l0)) / (l1 - l0);
        const pts = Number(/^Ahead of pace by ([\d.]+) pt$/.exec(level.pace)?.[1] ?? Number.NaN);
        assert.ok(Math.abs(pts - (12.5 - line)) <= 0.02, `pace ${level.pace}, expected ≈ ${12.5 - line} pt`);
        assert.equal(level.forecast, 'Forecast after 8 complete months of data (0 so far)');
        assert.equal(level.status, 'on_track');

        // ---- Keep a level ----
        // Value: December so far, 1.5%, on the right side of the 2% ceiling: held 1 of 1 months, margin
        // 2 − 1.5 = 0.5 pt below the ceiling; on track, and the reason names the months held.
        const keep = cards.get('Keep churn at or under 2%');
        assert.ok(keep, 'the keep card');
        assert.equal(keep.value, `${soFar}: 1.5%`);
        assert.equal(keep.target, '2%');
        assert.equal(keep.progress, 'held 1 of 1 month');
        assert.equal(keep.pace, '0.5 pt below the 2% ceiling');
        assert.equal(keep.reason, 'On track · held every month so far');
        assert.equal(keep.status, 'on_track');

        // ---- Objective ----
        // Its key results score 0.50 (the level, 50% of the way) and 1.00 (the keep goal, 1 of 1 held);
        // each clamped to 0–1 and weighted equally: (0.50 + 1.00) ÷ 2 = 0.75 of 1.00, green (≥ 0.7).
        const objective = cards.get('Distributors buy more and stay');
        assert.ok(objective, 'the objective card');
        assert.equal(objective.value, '0.75');
        assert.equal(objective.target, '1.00');
        // The quarter runs: the score so far, no zone beside the status (docs/figures.md § Objective).
        assert.equal(objective.progress, 'OKR score so far · 0.7 by the end is a good result');

        // Its detail lists the key results the 0.75 is the mean of, each opening its own detail.
        await page
          .locator('.pc-widget-goals [data-testid="goal-card"] .pc-card-title', {
            hasText: 'Distributors buy more and stay',
          })
          .click();
        const detail = page.getByTestId('goal-detail');
        const krs = detail.getByTestId('detail-key-results');
        await krs.waitFor({ timeout: 15_000 });
        const rows = await krs
          .locator('li')
          .evaluateAll((lis) =>
            lis.map((li) => [
              li.querySelector('.pc-link')?.textContent?.trim(),
              li.querySelector('[data-testid="detail-kr-score"]')?.textContent?.trim(),
            ]),
          );
        assert.deepEqual(rows.sort(), [
          ['Keep churn at or under 2%', 'score 1.00'],
          ['Lift conversion to 15%', 'score 0.50'],
        ]);
        assert.match((await krs.textContent()) ?? '', /The score 0\.75 is the mean of these scores\./);
        await krs.getByRole('button', { name: 'Lift conversion to 15%' }).click();
        await page.waitForFunction(
          () => document.querySelector('#detail-title')?.textContent === 'Lift conversion to 15%',
          null,
          { timeout: 15_000 },
        );
        assert.match(page.url(), /#goal=/);
        // Switching goals replaces the history entry (model.ts, openGoal): one Back still closes it.
        await page.goBack();
        await detail.waitFor({ state: 'detached' });

        // ---- Milestone ----
        // No metric, not ticked off, due in 30 days: listed on the milestone timeline (milestones have
        // their own, not a card) under its date, "Upcoming" — not overdue while its date is ahead.
        const ms = page.locator('.pc-milestone', { hasText: 'Open the Đà Nẵng warehouse' });
        const due = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(`${milestoneDue}T12:00:00Z`),
        );
        assert.equal(await ms.getAttribute('data-state'), 'upcoming');
        assert.equal((await ms.locator('.pc-ms-when').textContent())?.trim(), due);
        assert.equal((await ms.locator('.pc-ms-state').textContent())?.trim(), 'Upcoming');

        await page.getByTestId('goal-card').first().waitFor();
        await saveTop(page, 'goal-types-light-en');

        // The same cards in Vietnamese on the dark theme: numbers written the Vietnamese way.
        const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
        // Wait for the options page to have read the settings, so the change isn't overwritten by them.
        await options.waitForFunction(
          () => document.querySelector('select[name="locale"]')?.value === 'en',
          null,
          { timeout: 30_000 },
        );
        await options.locator('select[name="locale"]').selectOption('vi');
        await options.waitForFunction(() => document.documentElement.lang === 'vi', null, {
          timeout: 30_000,
        });
        await options.locator('select[name="theme"]').selectOption('dark');
        await options.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, {
          timeout: 30_000,
        });
        // A reload reads the saved settings (no race with the live re-render under load).
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.lang === 'vi', null, { timeout: 30_000 });
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('[data-testid="goal-value"]')].some((e) =>
              /^\d{2}(–\d{2})?\/\d{2}: /.test(e.textContent ?? ''),
            ),
          null,
          { timeout: 30_000 },
        );
        const vi = await cardsByTitle(page);
        const m = new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: tz }).format(Date.now());
        // The running month's days so far, written the Vietnamese way: "01–07/12", "01/12" on the 1st.
        const two = (n) => String(n).padStart(2, '0');
        const viSoFar = `${today === 1 ? '01' : `01–${two(today)}`}/${two(m)}`;
        assert.equal(vi.get('Lift conversion to 15%')?.value, `${viSoFar}: 12,5%`);
        assert.equal(vi.get('Keep churn at or under 2%')?.progress, 'Giữ được 1/1 tháng');
        assert.equal(vi.get('Distributors buy more and stay')?.value, '0,75');
        // The gap first, then the line (as in English): two numbers side by side read as one.
        assert.equal(vi.get('Keep churn at or under 2%')?.pace, '0,5 điểm % dưới mức trần 2%');
        // The milestone's date the Vietnamese way: dd/mm/yyyy.
        const [yy, mm, dd] = milestoneDue.split('-');
        assert.equal((await ms.locator('.pc-ms-when').textContent())?.trim(), `${dd}/${mm}/${yy}`);
        await saveTop(page, 'goal-types-dark-vi');

        assertNoPageErrors(ext);
        assertNoExternalRequests(ext);
      },
      { name: 'goal-types' },
    ),
);
