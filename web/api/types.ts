import type { Cents } from '@shared/money.ts';
import type { FormDefinition, FormValue } from '@shared/forms/form-definition.ts';
import type { AttendanceType, ProtocolStatus } from '@shared/protocol/lifecycle.ts';

/** The shapes the STER API answers with (see GET /docs/json), as the screens use them. */
export type Staff = {
  registration: string;
  name: string;
  role: string;
  terminal: string | null;
  agency: { id: string; code: string; name: string; kind: string } | null;
};

export type Modality = 'cash' | 'invoiced';

export type Protocol = {
  code: string;
  status: ProtocolStatus;
  statusLabel: string;
  attendanceType: AttendanceType;
  attendanceTypeLabel: string;
  modality: Modality;
  citizen: { documentKind: string; document: string; name: string | null };
  client: { id: string; name: string };
  contract: { number: string; adminCode: string; postalCard: string };
  service: { id: string; code: string; name: string };
  agency: { code: string; name: string } | null;
  attendant: { registration: string } | null;
  totalCents: Cents | null;
  documentsChecked: string[];
  counterReference: {
    till: string;
    entryNumber: string | null;
    attendanceNumber: string | null;
  } | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SaleLine = {
  lineNumber: number;
  kind: string;
  itemCode: string;
  description: string;
  quantity: number;
  unitCents: Cents;
  extrasCents: Cents;
  discountCents: Cents;
  totalCents: Cents;
};

export type ContractInfo = { number: string; adminCode: string; postalCard: string };

export type Sale = {
  protocolCode: string;
  modality: Modality;
  modalityLabel: string;
  payer: { kind: string; document: string; name: string | null };
  client: { name: string; document: string };
  contract: ContractInfo;
  service: { code: string; name: string; description: string };
  lines: SaleLine[];
  totalCents: Cents;
};

export type Receipt = {
  title: string;
  protocolCode: string;
  agency: { code: string; name: string | null } | null;
  attendant: string | null;
  client: { name: string; document: string };
  citizenDocument: string | null;
  contract: ContractInfo;
  modality: Modality;
  modalityLabel: string;
  till: string | null;
  entryNumber: string | null;
  attendanceNumber: string | null;
  finalisedAt: string;
  finalisedAtLocal: string;
  lines: SaleLine[];
  totalCents: Cents;
  ticketLines: string[];
  invoicedStatement: string | null;
  reversed: boolean;
};

export type Client = { id: string; code: string; name: string; kind: string; serviceCount: number };

export type Service = {
  id: string;
  code: string;
  name: string;
  description: string;
  solution: 'hostedForm' | 'clientSite' | string;
  clientSiteUrl: string | null;
  attendanceTypes: string[];
  preAttendanceExpiryDays: number;
  modality: string;
};

export type ServiceForm = { id: string; version: number; definition: FormDefinition };

export type ProtocolDetail = {
  protocol: Protocol;
  lines: Omit<SaleLine, 'extrasCents' | 'discountCents'>[];
  form: {
    version: number;
    answers: { field: string; label: string; value: FormValue }[];
    requiredDocuments: { id: string; label: string }[];
  } | null;
  allowedActions: string[];
};

export type HistoryEvent = {
  sequence: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { kind: string; label: string };
  agency: { code: string; name: string } | null;
  terminal: string | null;
  reason: string | null;
  note: string | null;
  occurredAt: string;
  hash: string;
};
