import type { CounterReference } from '@web/api/endpoints.ts';

const TILL_KEY = 'ster.till';

/** The till (guichê) this browser works at, remembered between attendances. */
export function savedTill(): string {
  return window.localStorage.getItem(TILL_KEY) ?? '01';
}

export function saveTill(till: string) {
  window.localStorage.setItem(TILL_KEY, till);
}

function digits(length: number): string {
  const values = crypto.getRandomValues(new Uint32Array(length));

  return Array.from(values, (value) => String(value % 10)).join('');
}

/**
 * The entry and attendance numbers STER's own counter gives a sale, standing in for SARA's:
 * time of day plus random digits, so two terminals of an agency never pick the same pair.
 */
export function newCounterReference(now = new Date()): CounterReference {
  const time = [now.getHours(), now.getMinutes(), now.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join('');

  return { till: savedTill(), entryNumber: `${time}${digits(4)}`, attendanceNumber: digits(6) };
}

export const REFERENCE_PATTERN = /^[0-9A-Za-z-]{1,20}$/;
