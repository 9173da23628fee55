import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';

/**
 * The `codigoConfirmacao` a partner receives when one of its protocols changes status. "00" is
 * the published contract's "confirmed"; the others are ours, documented in OpenAPI and README.
 */
export const CONFIRMATION_CODES = {
  '00': 'Atendimento finalizado no balcão (confirmado).',
  '01': 'Protocolo cancelado por desistência do usuário.',
  '02': 'Protocolo cancelado por erro operacional.',
  '03': 'Protocolo expirado sem atendimento.',
  '04': 'Atendimento estornado depois de finalizado.',
} as const;

export type ConfirmationCode = keyof typeof CONFIRMATION_CODES;

/** The code table as Markdown, for the OpenAPI descriptions. */
export const CONFIRMATION_CODE_TABLE = [
  '| codigoConfirmacao | significado |',
  '| --- | --- |',
  ...Object.entries(CONFIRMATION_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
].join('\n');

/**
 * Which code a status change gives, or null when the partner is not told (creation as pending).
 * A cancellation that is not the citizen's giving up counts as operator error.
 */
export function confirmationCodeOf(
  toStatus: ProtocolStatus,
  reason: string | null,
): ConfirmationCode | null {
  switch (toStatus) {
    case 'finalised':
      return '00';
    case 'cancelled':
      return reason === 'citizenGaveUp' ? '01' : '02';
    case 'expired':
      return '03';
    case 'reversed':
      return '04';
    case 'pending':
    case 'preAttendance':
      return null;
  }
}
