import { describe, expect, it } from 'vitest';
import { changeDirection, createPanelFormat, panelLang, percentChange, sharePercent, timeZoneOfArea } from './panel-format.js';

describe('panel formatting', () => {
  it('formats numbers and dates the Indonesian way by default', () => {
    const format = createPanelFormat('id');
    expect(format.number(1234)).toBe('1.234');
    expect(format.date('2024-06-13')).toBe('13 Juni 2024');
    expect(format.month('2024-06')).toMatch(/^Jun 2024$/);
  });

  it('formats numbers and dates the British way in English', () => {
    const format = createPanelFormat('en');
    expect(format.number(1234)).toBe('1,234');
    expect(format.date('2024-06-13')).toBe('13 June 2024');
    expect(format.dateShort('2024-06-13')).toBe('13 Jun 2024');
  });

  it('falls back to Indonesian for an unknown or missing language', () => {
    expect(panelLang(undefined)).toBe('id');
    expect(panelLang('fr')).toBe('id');
    expect(panelLang('en-US')).toBe('en');
  });

  it('writes a change with its sign, using a real minus sign', () => {
    const format = createPanelFormat('id');
    expect(format.signed(7)).toBe('+7');
    expect(format.signed(-1234)).toBe('\u22121.234');
    expect(format.signed(0)).toBe('0');
    expect(format.signedPercent(12.5)).toBe('+12,5%');
  });

  it('names the direction of a change', () => {
    expect([changeDirection(3), changeDirection(-2), changeDirection(0)]).toEqual(['up', 'down', 'same']);
  });

  it('computes shares and relative changes without dividing by zero', () => {
    expect(sharePercent(5, 20)).toBe(25);
    expect(sharePercent(5, 0)).toBe(0);
    expect(percentChange(20, 28)).toBe(40);
    expect(percentChange(0, 3)).toBeNull();
  });

  it('shows the calendar day of a load time in WIB, not in UTC', () => {
    // 20:00 UTC on 22 November is 03:00 on 23 November in Jakarta.
    expect(createPanelFormat('en').instantDate('2026-11-22T20:00:00Z', 'Asia/Jakarta')).toBe('23 Nov 2026');
  });

  it('picks the local time zone of an area from its province', () => {
    expect(timeZoneOfArea('19.04')).toBe('WIB');
    expect(timeZoneOfArea('51.03.01')).toBe('WITA');
    expect(timeZoneOfArea('82.08.04')).toBe('WIT');
    expect(timeZoneOfArea(null)).toBe('WIB');
  });
});
