/**
 * Protocol codes: 14 digits, as in the original STER. The first two digits are the year of
 * creation (UTC), the next eleven a database sequence number and the last one a Damm check digit.
 *
 * Damm detects every single-digit error and every adjacent transposition, which the CPF's mod-11
 * scheme does not, so a mistyped code is rejected before any lookup. The check digit is not a
 * secret: knowing a valid code grants nothing by itself.
 */

/** A totally anti-symmetric quasigroup of order 10 (Damm, 2004). */
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const PROTOCOL_CODE_LENGTH = 14;
const SEQUENCE_DIGITS = 11;
export const MAX_PROTOCOL_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** The Damm interim digit of a string of decimal digits. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) {
    const row = DAMM_TABLE[interim];
    const digit = char.charCodeAt(0) - 48;
    if (row === undefined || digit < 0 || digit > 9) {
      throw new RangeError('dammDigit expects decimal digits only');
    }
    interim = row[digit] as number;
  }

  return interim;
}

export type ProtocolCodeProblem = 'format' | 'checkDigit';

/** Why a code is not a valid protocol code, or null when it is. */
export function protocolCodeProblem(code: string): ProtocolCodeProblem | null {
  if (!/^\d{14}$/.test(code)) {
    return 'format';
  }

  return dammDigit(code) === 0 ? null : 'checkDigit';
}

export function isValidProtocolCode(code: string): boolean {
  return protocolCodeProblem(code) === null;
}

/** Builds the code of the protocol numbered `sequence`, created in `year` (four digits). */
export function buildProtocolCode(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_PROTOCOL_SEQUENCE) {
    throw new RangeError(`protocol sequence out of range: ${sequence}`);
  }

  const prefix = String(year % 100).padStart(2, '0');
  const body = prefix + String(sequence).padStart(SEQUENCE_DIGITS, '0');

  return body + String(dammDigit(body));
}

/** Accepts the code as people type it: spaces, dots and dashes are ignored. */
export function normalizeProtocolCode(input: string): string {
  return input.replace(/[\s.\-/]/g, '');
}

/** Groups the 14 digits so a person can read them aloud without losing their place. */
export function formatProtocolCode(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2, 7)}.${code.slice(7, 13)}-${code.slice(13)}`;
}
