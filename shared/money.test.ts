import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBRL,
  formatDecimal,
  isCents,
  multiplyCents,
  parseBRL,
  sumCents,
} from '@shared/money.ts';

describe('money in centavos', () => {
  it('accepts only safe integers as centavos', () => {
    expect(isCents(850)).toBe(true);
    expect(isCents(0)).toBe(true);
    for (const bad of [8.5, Number.NaN, Infinity, 2 ** 60, '850', null]) {
      expect(isCents(bad)).toBe(false);
    }
  });

  it('parses amounts as people type them in Brazil', () => {
    expect(parseBRL('1.234,56')).toBe(123456);
    expect(parseBRL('12,5')).toBe(1250);
    expect(parseBRL('R$ 10')).toBe(1000);
    expect(parseBRL('R$\u00a07,00')).toBe(700);
    expect(parseBRL('0,01')).toBe(1);
    expect(parseBRL('-3,00')).toBe(-300);
    expect(parseBRL('1234')).toBe(123400);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '1.23', '12.34,5', '1,2,3', '10,', ',5', '1e3', 'R$']) {
      expect(parseBRL(bad), bad).toBeNull();
    }
    expect(parseBRL('9'.repeat(20))).toBeNull();
  });

  it('round-trips every amount through its Brazilian format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        expect(parseBRL(formatBRL(cents))).toBe(cents);
        expect(parseBRL(formatDecimal(cents))).toBe(cents);
      }),
    );
  });

  it('formats as reais with Brazilian separators', () => {
    expect(formatBRL(123456)).toBe('R$\u00a01.234,56');
    expect(formatDecimal(850)).toBe('8,50');
    expect(formatDecimal(0)).toBe('0,00');
  });

  it('multiplies and sums without leaving the integers', () => {
    expect(multiplyCents(700, 3)).toBe(2100);
    expect(sumCents([700, 150])).toBe(850);
    expect(sumCents([])).toBe(0);
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => multiplyCents(701, 0.5)).toThrow(RangeError);
  });
});
