import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildProtocolCode,
  dammDigit,
  formatProtocolCode,
  isValidProtocolCode,
  MAX_PROTOCOL_SEQUENCE,
  normalizeProtocolCode,
  protocolCodeProblem,
} from '@shared/protocol/protocol-code.ts';

const year = fc.integer({ min: 2000, max: 2099 });
const sequence = fc.integer({ min: 1, max: MAX_PROTOCOL_SEQUENCE });
const code = fc.tuple(year, sequence).map(([y, s]) => buildProtocolCode(y, s));

const replaceAt = (text: string, index: number, char: string) =>
  text.slice(0, index) + char + text.slice(index + 1);

describe('protocol codes', () => {
  it('builds 14-digit codes that pass their own check', () => {
    fc.assert(
      fc.property(code, (built) => {
        expect(built).toMatch(/^\d{14}$/);
        expect(protocolCodeProblem(built)).toBeNull();
        expect(isValidProtocolCode(built)).toBe(true);
      }),
    );
  });

  it('starts with the two-digit year and carries the zero-padded sequence', () => {
    expect(buildProtocolCode(2026, 1).slice(0, 13)).toBe('2600000000001');
    expect(buildProtocolCode(2105, 42).slice(0, 13)).toBe('0500000000042');
  });

  it('rejects every single-digit substitution of any valid code', () => {
    fc.assert(
      fc.property(code, (valid) => {
        for (let index = 0; index < valid.length; index++) {
          for (let digit = 0; digit <= 9; digit++) {
            const typo = replaceAt(valid, index, String(digit));
            if (typo !== valid) {
              expect(protocolCodeProblem(typo), `${valid} → ${typo}`).toBe('checkDigit');
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every adjacent transposition of any valid code', () => {
    fc.assert(
      fc.property(code, (valid) => {
        for (let index = 0; index + 1 < valid.length; index++) {
          const a = valid.charAt(index);
          const b = valid.charAt(index + 1);
          if (a === b) continue;
          const swapped = valid.slice(0, index) + b + a + valid.slice(index + 2);
          expect(protocolCodeProblem(swapped), `${valid} → ${swapped}`).toBe('checkDigit');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a format problem for anything but exactly 14 digits', () => {
    const valid = buildProtocolCode(2026, 17);
    for (const bad of [
      '',
      valid.slice(0, 13),
      `${valid}0`,
      replaceAt(valid, 3, 'a'),
      ` ${valid}`,
      `${valid.slice(0, 7)}-${valid.slice(7)}`,
      '１'.repeat(14),
    ]) {
      expect(protocolCodeProblem(bad), JSON.stringify(bad)).toBe('format');
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\d{14}$/.test(text));
        expect(protocolCodeProblem(text)).toBe('format');
      }),
    );
  });

  it('refuses sequences outside 1..10^11-1', () => {
    for (const bad of [0, -1, MAX_PROTOCOL_SEQUENCE + 1, 1.5, Number.NaN]) {
      expect(() => buildProtocolCode(2026, bad)).toThrow(RangeError);
    }
  });

  it('normalizes what people type and round-trips the readable format', () => {
    fc.assert(
      fc.property(code, (valid) => {
        const readable = formatProtocolCode(valid);
        expect(readable).toMatch(/^\d{2}\.\d{5}\.\d{6}-\d$/);
        expect(normalizeProtocolCode(readable)).toBe(valid);
        expect(normalizeProtocolCode(` ${valid.slice(0, 4)} ${valid.slice(4)}/ `)).toBe(valid);
      }),
    );
  });

  it('computes the Damm digit of the textbook example and refuses non-digits', () => {
    expect(dammDigit('572')).toBe(4);
    expect(dammDigit('5724')).toBe(0);
    expect(() => dammDigit('12a')).toThrow(RangeError);
  });
});
