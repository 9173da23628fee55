export const STATUS_LABELS: Record<string, string> = { draft: 'Rascunho', issued: 'Emitido' };

export const DELIVERY_LABELS: Record<string, string> = {
  pending: 'Aguardando envio',
  delivered: 'Entregue',
  failed: 'Falhou',
};

export function periodLabel(start: string, end: string): string {
  const br = (day: string) => day.split('-').reverse().join('/');

  return `${br(start)} a ${br(end)}`;
}
