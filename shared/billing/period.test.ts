import { describe, expect, it } from 'vitest';
import {
  lastClosedPeriod,
  periodContaining,
  periodInstants,
  startOfLocalDay,
} from '@shared/billing/period.ts';

describe('billing periods', () => {
  it('covers whole months, February of a leap year included', () => {
    expect(periodContaining('monthly', '2028-02-10')).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodContaining('fortnightly', '2026-11-16')).toEqual({
      start: '2026-11-16',
      end: '2026-11-30',
    });
  });

  it('bills the period that ended, across a year boundary', () => {
    expect(lastClosedPeriod('monthly', new Date('2027-01-01T03:30:00Z'))).toEqual({
      start: '2026-12-01',
      end: '2026-12-31',
    });
    // 00:30 of 1 January in UTC is still 31 December in São Paulo.
    expect(lastClosedPeriod('monthly', new Date('2027-01-01T00:30:00Z'))).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
    });
  });

  it('starts São Paulo days at 03:00 UTC', () => {
    expect(startOfLocalDay('2026-12-03').toISOString()).toBe('2026-12-03T03:00:00.000Z');
    const { from, to } = periodInstants({ start: '2026-11-01', end: '2026-11-30' });
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2026-11-01T03:00:00.000Z',
      '2026-12-01T03:00:00.000Z',
    ]);
  });
});
