/**
 * The protocol lifecycle as an explicit state machine, free of I/O so both the server and the
 * tests can reason about it. Terminal states (cancelled, reversed, expired) have no way out.
 */

export const PROTOCOL_STATUSES = [
  'preAttendance',
  'pending',
  'finalised',
  'cancelled',
  'reversed',
  'expired',
] as const;

export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

export const ATTENDANCE_TYPES = ['inPerson', 'preAttendance', 'virtual'] as const;

/**
 * inPerson: done entirely at a counter. preAttendance: started online by the citizen, finished
 * at a counter. virtual: done online and billed straight in the ERP, no counter involved.
 */
export type AttendanceType = (typeof ATTENDANCE_TYPES)[number];

/** Every change a protocol can go through after it was created. */
export type ProtocolTransition = 'complete' | 'finalise' | 'cancel' | 'reverse' | 'expire';

const TRANSITIONS: Record<ProtocolTransition, { from: ProtocolStatus; to: ProtocolStatus }> = {
  complete: { from: 'preAttendance', to: 'pending' },
  finalise: { from: 'pending', to: 'finalised' },
  cancel: { from: 'pending', to: 'cancelled' },
  reverse: { from: 'finalised', to: 'reversed' },
  expire: { from: 'preAttendance', to: 'expired' },
};

export const TERMINAL_STATUSES: readonly ProtocolStatus[] = ['cancelled', 'reversed', 'expired'];

/** The status a protocol is born with, given how it was attended. */
export function initialStatus(type: AttendanceType): ProtocolStatus {
  switch (type) {
    case 'inPerson':
      return 'pending';
    case 'preAttendance':
      return 'preAttendance';
    case 'virtual':
      return 'finalised';
  }
}

/** The status after `transition`, or null when the transition is not allowed from `status`. */
export function nextStatus(
  status: ProtocolStatus,
  transition: ProtocolTransition,
): ProtocolStatus | null {
  const rule = TRANSITIONS[transition];

  return rule.from === status ? rule.to : null;
}

export function allowedTransitions(status: ProtocolStatus): ProtocolTransition[] {
  return (Object.keys(TRANSITIONS) as ProtocolTransition[]).filter(
    (transition) => TRANSITIONS[transition].from === status,
  );
}

export function isTerminal(status: ProtocolStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Portuguese labels the screens and receipts show. */
export const PROTOCOL_STATUS_LABELS: Record<ProtocolStatus, string> = {
  preAttendance: 'Pré-atendimento',
  pending: 'Pendente',
  finalised: 'Finalizado',
  cancelled: 'Cancelado',
  reversed: 'Estornado',
  expired: 'Expirado',
};

export const ATTENDANCE_TYPE_LABELS: Record<AttendanceType, string> = {
  inPerson: 'Presencial',
  preAttendance: 'Presencial com pré-atendimento',
  virtual: 'Virtual',
};

/** Why a pending protocol was cancelled at the counter (the document names these two). */
export const CANCEL_REASONS = ['citizenGaveUp', 'operatorError'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  citizenGaveUp: 'Desistência do usuário',
  operatorError: 'Erro operacional',
};
