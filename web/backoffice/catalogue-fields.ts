import { AGENCY_SOURCE } from '@web/backoffice/picker-sources.ts';
import type { FieldSpec } from '@web/backoffice/record-form.tsx';
import type { PickerSource } from '@web/backoffice/search-picker.tsx';
import {
  AGENCY_KINDS,
  ATTENDANCE_TYPES,
  CLIENT_KINDS,
  MODALITIES,
  ROLES,
  SOLUTIONS,
  type Labels,
} from '@web/backoffice/labels.ts';

const ACTIVE: FieldSpec = { name: 'active', label: 'Ativo', kind: 'checkbox' };

export const CLIENT_FIELDS: FieldSpec[] = [
  {
    name: 'code',
    label: 'Sigla',
    kind: 'text',
    required: true,
    help: 'Letras maiúsculas, dígitos, _ ou -.',
  },
  { name: 'name', label: 'Nome', kind: 'text', required: true },
  { name: 'cnpj', label: 'CNPJ', kind: 'cnpj', required: true },
  { name: 'kind', label: 'Tipo de cliente', kind: 'select', options: CLIENT_KINDS },
  ACTIVE,
];

export const CONTRACT_FIELDS: FieldSpec[] = [
  { name: 'number', label: 'Número do contrato', kind: 'text', required: true },
  {
    name: 'adminCode',
    label: 'Código administrativo',
    kind: 'text',
    required: true,
    help: '8 dígitos.',
  },
  {
    name: 'postalCard',
    label: 'Cartão de postagem',
    kind: 'text',
    required: true,
    help: '10 dígitos.',
  },
  { name: 'modality', label: 'Modalidade', kind: 'select', options: MODALITIES },
  { name: 'validFrom', label: 'Início da vigência', kind: 'date', required: true },
  {
    name: 'validTo',
    label: 'Fim da vigência',
    kind: 'date',
    nullable: true,
    help: 'Vazio: sem fim.',
  },
  { name: 'allowsAssociatedItems', label: 'Permite itens associados', kind: 'checkbox' },
  ACTIVE,
];

/** With `lookup`, the contract is searched on the server instead of chosen among `contracts`. */
export function serviceFields(contracts: Labels, lookup?: PickerSource): FieldSpec[] {
  return [
    {
      name: 'contractId',
      label: 'Contrato',
      kind: lookup ? 'lookup' : 'select',
      options: contracts,
      ...(lookup ? { lookup, required: true } : {}),
      createOnly: true,
    },
    {
      name: 'code',
      label: 'Código do serviço',
      kind: 'text',
      required: true,
      help: 'Até 10 dígitos.',
    },
    { name: 'name', label: 'Nome', kind: 'text', required: true },
    { name: 'description', label: 'Descrição', kind: 'text' },
    { name: 'solution', label: 'Solução', kind: 'select', options: SOLUTIONS },
    {
      name: 'clientSiteUrl',
      label: 'Endereço do site do cliente',
      kind: 'text',
      nullable: true,
      help: 'Só para a solução site do cliente: https://…',
    },
    {
      name: 'attendanceTypes',
      label: 'Tipos de atendimento',
      kind: 'multi',
      options: ATTENDANCE_TYPES,
    },
    { name: 'agencyKinds', label: 'Tipos de agência', kind: 'multi', options: AGENCY_KINDS },
    {
      name: 'preAttendanceExpiryDays',
      label: 'Validade do pré-atendimento (dias)',
      kind: 'integer',
    },
    ACTIVE,
  ];
}

export function tariffFields(contracts: Labels): FieldSpec[] {
  return [
    { name: 'contractId', label: 'Contrato', kind: 'select', options: contracts, createOnly: true },
    { name: 'amountCents', label: 'Valor (R$)', kind: 'money', required: true },
    {
      name: 'validFrom',
      label: 'Início da vigência',
      kind: 'date',
      required: true,
      createOnly: true,
    },
    {
      name: 'validTo',
      label: 'Fim da vigência',
      kind: 'date',
      nullable: true,
      help: 'Para encerrar a tarifa, informe o último dia.',
    },
  ];
}

export const ITEM_FIELDS: FieldSpec[] = [
  { name: 'code', label: 'Código do item', kind: 'text', required: true },
  { name: 'description', label: 'Descrição', kind: 'text', required: true },
  { name: 'unitAmountCents', label: 'Valor unitário (R$)', kind: 'money', required: true },
  { name: 'quantity', label: 'Quantidade', kind: 'integer' },
  ACTIVE,
];

export const AGENCY_FIELDS: FieldSpec[] = [
  { name: 'code', label: 'Código da agência', kind: 'text', required: true, help: '8 dígitos.' },
  { name: 'name', label: 'Nome', kind: 'text', required: true },
  { name: 'kind', label: 'Tipo', kind: 'select', options: AGENCY_KINDS },
  { name: 'city', label: 'Cidade', kind: 'text', required: true },
  { name: 'state', label: 'UF', kind: 'text', required: true },
  ACTIVE,
];

/** `agencies` names the agencies already known; the picker searches all of them. */
export function staffFields(agencies: Labels): FieldSpec[] {
  return [
    { name: 'registration', label: 'Matrícula', kind: 'text', required: true, createOnly: true },
    { name: 'name', label: 'Nome', kind: 'text', required: true },
    { name: 'role', label: 'Perfil', kind: 'select', options: ROLES },
    {
      name: 'agencyId',
      label: 'Agência',
      kind: 'lookup',
      options: agencies,
      lookup: AGENCY_SOURCE,
      nullable: true,
      help: 'Obrigatória para atendentes e supervisores.',
    },
    {
      name: 'password',
      label: 'Senha inicial',
      kind: 'password',
      required: true,
      createOnly: true,
    },
    ACTIVE,
  ];
}
