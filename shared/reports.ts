/** How a report's rows are grouped. */
export const REPORT_GROUPINGS = [
  'day',
  'agency',
  'client',
  'service',
  'status',
  'modality',
  'attendant',
] as const;

export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const REPORT_GROUPING_LABELS: Record<ReportGrouping, string> = {
  day: 'Dia',
  agency: 'Agência',
  client: 'Cliente',
  service: 'Serviço',
  status: 'Situação',
  modality: 'Modalidade',
  attendant: 'Atendente',
};

export const MODALITY_LABELS = { cash: 'À vista', invoiced: 'A faturar' } as const;

/** The longest period one report covers: a year and a day, so any calendar year fits. */
export const MAX_REPORT_DAYS = 366;
