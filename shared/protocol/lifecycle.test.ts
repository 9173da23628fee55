import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  ATTENDANCE_TYPES,
  initialStatus,
  isTerminal,
  nextStatus,
  PROTOCOL_STATUSES,
  PROTOCOL_STATUS_LABELS,
  type ProtocolStatus,
  type ProtocolTransition,
} from '@shared/protocol/lifecycle.ts';

const TRANSITIONS: ProtocolTransition[] = ['complete', 'finalise', 'cancel', 'reverse', 'expire'];

/** The rules of DOMAIN.md, written independently of the implementation. */
const MODEL: Record<ProtocolStatus, Partial<Record<ProtocolTransition, ProtocolStatus>>> = {
  preAttendance: { complete: 'pending', expire: 'expired' },
  pending: { finalise: 'finalised', cancel: 'cancelled' },
  finalised: { reverse: 'reversed' },
  cancelled: {},
  reversed: {},
  expired: {},
};

describe('protocol lifecycle', () => {
  it('gives each attendance type its initial status', () => {
    expect(initialStatus('inPerson')).toBe('pending');
    expect(initialStatus('preAttendance')).toBe('preAttendance');
    expect(initialStatus('virtual')).toBe('finalised');
  });

  it('follows the model over any random sequence of transitions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ATTENDANCE_TYPES),
        fc.array(fc.constantFrom(...TRANSITIONS), { maxLength: 30 }),
        (type, attempts) => {
          let status = initialStatus(type);
          for (const transition of attempts) {
            const expected = MODEL[status][transition] ?? null;
            const actual = nextStatus(status, transition);
            expect(actual, `${status} --${transition}->`).toBe(expected);
            if (isTerminal(status)) {
              expect(actual).toBeNull();
            }
            if (transition === 'cancel' && actual) expect(status).toBe('pending');
            if (transition === 'reverse' && actual) expect(status).toBe('finalised');
            status = actual ?? status;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lists exactly the allowed transitions of each status', () => {
    for (const status of PROTOCOL_STATUSES) {
      expect(allowedTransitions(status).sort()).toEqual(Object.keys(MODEL[status]).sort());
    }
  });

  it('has no way out of cancelled, reversed or expired', () => {
    for (const status of ['cancelled', 'reversed', 'expired'] as const) {
      expect(isTerminal(status)).toBe(true);
      expect(allowedTransitions(status)).toEqual([]);
    }
    for (const status of ['preAttendance', 'pending', 'finalised'] as const) {
      expect(isTerminal(status)).toBe(false);
    }
  });

  it('labels every status in Portuguese', () => {
    expect(PROTOCOL_STATUS_LABELS.finalised).toBe('Finalizado');
    expect(PROTOCOL_STATUS_LABELS.reversed).toBe('Estornado');
    for (const status of PROTOCOL_STATUSES) {
      expect(PROTOCOL_STATUS_LABELS[status]).toMatch(/\S/);
    }
  });
});
