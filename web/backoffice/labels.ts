/** Portuguese names of the catalogue's coded values, for lists and selects. */
export const CLIENT_KINDS = {
  public: 'Órgão público',
  private: 'Empresa privada',
  microSmall: 'ME/EPP',
};
export const MODALITIES = { cash: 'À vista', invoiced: 'A faturar' };
export const SOLUTIONS = { hostedForm: 'Formulário do STER', clientSite: 'Site do cliente' };
export const ATTENDANCE_TYPES = {
  inPerson: 'Presencial',
  preAttendance: 'Com pré-atendimento',
  virtual: 'Virtual',
};
export const AGENCY_KINDS = { own: 'Própria', franchised: 'Franqueada' };
export const ROLES = {
  attendant: 'Atendente',
  supervisor: 'Supervisor',
  backOffice: 'Retaguarda',
  admin: 'Administrador',
};
export const ENTITIES = {
  agency: 'Agência',
  staff: 'Funcionário',
  client: 'Cliente',
  contract: 'Contrato',
  service: 'Serviço',
  tariff: 'Tarifa',
  associatedItem: 'Item associado',
  formDefinition: 'Formulário',
};

export type Labels = Record<string, string>;

export const labelOf = (labels: Labels, value: string) => labels[value] ?? value;

export const yesNo = (value: boolean) => (value ? 'Sim' : 'Não');

/** `2026-12-03` as people read it. */
export const showDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : '—');
