import type { Modality } from '@web/api/types.ts';

export const MODALITY_LABELS: Record<Modality, string> = { cash: 'À vista', invoiced: 'A faturar' };

/** The history's event types, in the words of the counter. */
export const EVENT_LABELS: Record<string, string> = {
  created: 'Criado',
  attendanceGenerated: 'Atendimento gerado',
  complete: 'Pré-atendimento concluído',
  finalise: 'Finalizado',
  cancel: 'Cancelado',
  reverse: 'Estornado',
  expire: 'Expirado',
};
