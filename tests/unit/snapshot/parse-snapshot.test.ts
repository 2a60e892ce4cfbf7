import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../lib/snapshot/parse-snapshot';
import { pickWidgetLocale, widgetMessage } from '../../../lib/snapshot/widget-messages';
import { exampleSnapshot } from './fixtures';

describe('parseSnapshot', () => {
  it('accepts the example snapshot', () => {
    const result = parseSnapshot(JSON.stringify(exampleSnapshot()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.snapshot.goals).toHaveLength(4);
  });

  it('reports broken JSON with the parser message', () => {
    const result = parseSnapshot('{"format": "pacer-snapshot",');
    expect(result).toMatchObject({ ok: false, reason: 'json' });
    if (!result.ok) expect(result.detail.length).toBeGreaterThan(5);
  });

  it('reports the first schema problem with its path', () => {
    const bad = exampleSnapshot() as unknown as { goals: { title: unknown }[] };
    bad.goals[1]!.title = 42;
    const result = parseSnapshot(JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok) expect(result.detail).toBe('goals.1.title: expected string');
  });

  it('refuses another format', () => {
    const result = parseSnapshot(JSON.stringify({ ...exampleSnapshot(), format: 'other' }));
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok) expect(result.detail).toBe('format: expected "pacer-snapshot"');
  });
});

describe('widget messages', () => {
  it('fills params in both languages', () => {
    expect(widgetMessage('en', 'error.noGoal', { id: 'x' })).toBe(
      "Pacer widget: no goal with id 'x' in the snapshot",
    );
    expect(widgetMessage('vi', 'error.noGoal', { id: 'x' })).toBe(
      "Tiện ích Pacer: bản chụp không có mục tiêu với id 'x'",
    );
    expect(widgetMessage('en', 'error.invalidJson')).toContain('{detail}');
  });

  it.each([
    [['vi-VN', 'en'], 'vi'],
    [[null, 'en'], 'en'],
    [['fr', undefined, 'vi'], 'vi'],
    [['', 'de'], 'en'],
  ] as const)('pickWidgetLocale(%j) → %s', (candidates, expected) => {
    expect(pickWidgetLocale(...candidates)).toBe(expected);
  });
});
