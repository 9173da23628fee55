/**
 * Kysely's view of the tables, in camelCase (the CamelCasePlugin maps to the snake_case columns).
 * Kept by hand next to the migrations; the migration is the source of truth.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import type { AttendanceType, ProtocolStatus } from '@shared/protocol/lifecycle.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Version = ColumnType<number, never, never>;
/** A calendar date as `YYYY-MM-DD`. */
type CalendarDate = string;

export type AgencyKind = 'own' | 'franchised';
export type StaffRole = 'attendant' | 'supervisor' | 'backOffice' | 'admin';
export type ClientKind = 'public' | 'private' | 'microSmall';
export type Modality = 'cash' | 'invoiced';
export type Solution = 'hostedForm' | 'clientSite';
export type PriceRule = 'tariff' | 'partner';
export type ActorKind = 'staff' | 'partner' | 'citizen' | 'system';

export type AgenciesTable = {
  id: Generated<string>;
  code: string;
  name: string;
  kind: AgencyKind;
  city: string;
  state: string;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  updatedAt: UpdatedAt;
};

export type StaffTable = {
  id: Generated<string>;
  registration: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
  passwordHash: string;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  updatedAt: UpdatedAt;
};

export type StaffSessionsTable = {
  id: Generated<string>;
  tokenHash: string;
  staffId: string;
  terminal: string | null;
  createdAt: CreatedAt;
  lastSeenAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: Date;
  revokedAt: Date | null;
};

export type LoginAttemptsTable = {
  id: Generated<number>;
  registration: string;
  ip: string;
  succeeded: boolean;
  attemptedAt: CreatedAt;
};

export type ClientsTable = {
  id: Generated<string>;
  code: string;
  name: string;
  cnpj: string;
  kind: ClientKind;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  updatedAt: UpdatedAt;
};

export type ContractsTable = {
  id: Generated<string>;
  clientId: string;
  number: string;
  adminCode: string;
  postalCard: string;
  modality: Modality;
  allowsAssociatedItems: Generated<boolean>;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  updatedAt: UpdatedAt;
  /** How often the contract's statements are produced (issue #7). */
  billingPeriod: Generated<BillingPeriod>;
};

export type ServicesTable = {
  id: Generated<string>;
  clientId: string;
  contractId: string;
  code: string;
  name: string;
  description: Generated<string>;
  solution: Solution;
  clientSiteUrl: string | null;
  attendanceTypes: AttendanceType[];
  agencyKinds: ColumnType<AgencyKind[], AgencyKind[] | undefined, AgencyKind[]>;
  preAttendanceExpiryDays: Generated<number>;
  priceRule: Generated<PriceRule>;
  partnerPriceMinCents: number | null;
  partnerPriceMaxCents: number | null;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  updatedAt: UpdatedAt;
};

export type ServiceAgenciesTable = { serviceId: string; agencyId: string };

export type AssociatedItemsTable = {
  id: Generated<string>;
  serviceId: string;
  code: string;
  description: string;
  unitAmountCents: number;
  quantity: Generated<number>;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
};

export type TariffsTable = {
  id: Generated<string>;
  contractId: string;
  serviceId: string;
  amountCents: number;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  createdAt: CreatedAt;
  /** Bumped by the database on every change; the back office's edit precondition. */
  version: Version;
  createdBy: string | null;
};

export type FormDefinitionsTable = {
  id: Generated<string>;
  serviceId: string;
  version: number;
  status: 'draft' | 'published';
  definition: JSONColumnType<FormDefinition>;
  createdAt: CreatedAt;
  createdBy: string | null;
  publishedAt: Date | null;
};

export type ProtocolsTable = {
  id: Generated<string>;
  code: string;
  clientId: string;
  contractId: string;
  serviceId: string;
  agencyId: string | null;
  attendantId: string | null;
  attendanceType: AttendanceType;
  status: ProtocolStatus;
  modality: Modality;
  citizenDocumentKind: 'cpf' | 'cnpj';
  citizenDocumentHash: string;
  citizenSealed: string;
  formDefinitionId: string | null;
  formDataSealed: string | null;
  documentsChecked: ColumnType<string[], string[] | undefined, string[]>;
  tariffId: string | null;
  totalCents: number | null;
  ticketText: string | null;
  isTest: Generated<boolean>;
  expiresAt: Date | null;
  counterTill: string | null;
  counterEntryNumber: string | null;
  counterAttendanceNumber: string | null;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  /** The partner that registered the protocol through the published contract, if any. */
  partnerId: ColumnType<string | null, string | null | undefined, never>;
  /** The partner's own key for the sale (`chaveCliente`), unique per partner. */
  partnerKey: ColumnType<string | null, string | null | undefined, never>;
  partnerRequestHash: ColumnType<string | null, string | null | undefined, never>;
};

export type ProtocolLinesTable = {
  protocolId: string;
  lineNumber: number;
  kind: 'service' | 'associated';
  itemCode: string;
  description: string;
  quantity: number;
  unitCents: number;
  extrasCents: Generated<number>;
  discountCents: Generated<number>;
  totalCents: number;
  tariffId: string | null;
};

export type ProtocolEventsTable = {
  id: Generated<number>;
  protocolId: string;
  sequence: number;
  type: string;
  fromStatus: ProtocolStatus | null;
  toStatus: ProtocolStatus;
  actorKind: ActorKind;
  actorId: string | null;
  actorLabel: string;
  agencyId: string | null;
  terminal: string | null;
  reason: string | null;
  note: string | null;
  data: JSONColumnType<Record<string, unknown>>;
  occurredAt: Date;
  prevHash: string;
  hash: string;
};

export type IdempotencyKeysTable = {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number;
  responseBody: JSONColumnType<object>;
  createdAt: CreatedAt;
};

export type OutboxTable = {
  id: Generated<number>;
  topic: string;
  aggregateId: string;
  payload: JSONColumnType<Record<string, unknown>>;
  createdAt: CreatedAt;
  availableAt: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  deliveredAt: Date | null;
  lastError: string | null;
};

export type CatalogueChangesTable = {
  id: Generated<number>;
  entity: string;
  entityId: string;
  action: 'create' | 'update';
  before: JSONColumnType<Record<string, unknown>> | null;
  after: JSONColumnType<Record<string, unknown>>;
  actorId: string | null;
  actorLabel: string;
  occurredAt: CreatedAt;
};

export type ErpImportsTable = {
  id: Generated<string>;
  source: 'file' | 'erp';
  format: 'csv' | 'json';
  fileName: string | null;
  contentHash: string;
  rows: JSONColumnType<unknown[]>;
  operations: JSONColumnType<unknown[]>;
  summary: JSONColumnType<Record<string, number>>;
  status: ColumnType<'previewed' | 'applied', 'previewed' | undefined, 'applied'>;
  createdBy: string | null;
  createdByLabel: string;
  createdAt: CreatedAt;
  appliedByLabel: string | null;
  appliedAt: Date | null;
};

export type RateLimitCountersTable = { key: string; windowStart: Date; count: number };

export type DB = {
  agencies: AgenciesTable;
  staff: StaffTable;
  staffSessions: StaffSessionsTable;
  loginAttempts: LoginAttemptsTable;
  clients: ClientsTable;
  contracts: ContractsTable;
  services: ServicesTable;
  serviceAgencies: ServiceAgenciesTable;
  associatedItems: AssociatedItemsTable;
  tariffs: TariffsTable;
  formDefinitions: FormDefinitionsTable;
  protocols: ProtocolsTable;
  protocolLines: ProtocolLinesTable;
  protocolEvents: ProtocolEventsTable;
  idempotencyKeys: IdempotencyKeysTable;
  outbox: OutboxTable;
  catalogueChanges: CatalogueChangesTable;
  rateLimitCounters: RateLimitCountersTable;
  partners: PartnersTable;
  partnerCredentials: PartnerCredentialsTable;
  outboxDeliveries: OutboxDeliveriesTable;
  outboxDeliveryAttempts: OutboxDeliveryAttemptsTable;
  statements: StatementsTable;
  statementLines: StatementLinesTable;
  billedProtocols: BilledProtocolsTable;
  statementAcknowledgements: StatementAcknowledgementsTable;
  dayCloses: DayClosesTable;
  reconciliationImports: ReconciliationImportsTable;
  reconciliationDifferences: ReconciliationDifferencesTable;
  reconciliationNotes: ReconciliationNotesTable;
  reportDaily: ReportDailyTable;
  reportDeltas: ReportDeltasTable;
  reportExports: ReportExportsTable;
  reportExportChunks: ReportExportChunksTable;
  partnerServiceHooks: PartnerServiceHooksTable;
  citizenSignIns: CitizenSignInsTable;
  citizenSessions: CitizenSessionsTable;
  erpImports: ErpImportsTable;
};

/** A hosted-form service's calls to its client's partner (issue #6). */
export type PartnerServiceHooksTable = {
  serviceId: string;
  partnerId: string;
  validationUrl: string | null;
  submissionUrl: string | null;
  updatedAt: Generated<Date>;
};

export type PartnerMode = 'live' | 'sandbox';

export type PartnersTable = {
  id: Generated<string>;
  clientId: string;
  name: string;
  confirmationUrl: string | null;
  webhookSecretVersion: Generated<number>;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
};

export type PartnerCredentialsTable = {
  id: Generated<string>;
  partnerId: string;
  tokenHash: string;
  tokenHint: string;
  mode: PartnerMode;
  createdAt: CreatedAt;
  createdBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export type OutboxDeliveriesTable = {
  id: Generated<number>;
  outboxId: number;
  subscriber: string;
  protocolId: string | null;
  /** The statement an ERP delivery carries (issue #7); partner callbacks carry a protocol. */
  statementId: ColumnType<string | null, string | null | undefined, never>;
  partnerId: string | null;
  status: DeliveryStatus;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

export type OutboxDeliveryAttemptsTable = {
  id: Generated<number>;
  deliveryId: number;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

export type BillingPeriod = 'monthly' | 'fortnightly';
export type StatementStatus = 'draft' | 'issued';
export type BillingKind = 'charge' | 'credit';

export type StatementsTable = {
  id: Generated<string>;
  number: string;
  contractId: string;
  clientId: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  status: StatementStatus;
  chargeCents: number;
  creditCents: number;
  totalCents: number;
  lineCount: number;
  contentHash: string;
  generatedAt: Date;
  generatedBy: string;
  issuedAt: Date | null;
  issuedBy: string | null;
};

export type StatementLinesTable = {
  statementId: string;
  lineNumber: number;
  kind: BillingKind;
  protocolId: string;
  protocolCode: string;
  itemKind: 'service' | 'associated';
  itemCode: string;
  description: string;
  serviceId: string;
  serviceCode: string;
  serviceName: string;
  occurredOn: CalendarDate;
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  quantity: number;
  unitCents: number;
  totalCents: number;
};

export type BilledProtocolsTable = {
  protocolId: string;
  kind: BillingKind;
  statementId: string;
  totalCents: number;
};

export type StatementAcknowledgementsTable = {
  id: Generated<number>;
  statementId: string;
  deliveryId: number | null;
  accepted: boolean;
  erpReference: string | null;
  totalCents: number | null;
  message: string | null;
  receivedAt: Date;
};

export type DayClosesTable = {
  id: Generated<string>;
  agencyId: string;
  businessDate: CalendarDate;
  attendanceCount: number;
  totalCents: number;
  summary: JSONColumnType<Record<string, unknown>>;
  closedBy: string;
  closedByLabel: string;
  closedAt: Date;
};

export type DifferenceKind =
  | 'absentAtCounter'
  | 'unknownInSter'
  | 'notFinalisedInSter'
  | 'amountDiffers'
  | 'billedTwice'
  | 'billedNever';
export type DifferenceStatus = 'open' | 'explained' | 'resolved';

export type ReconciliationImportsTable = {
  id: Generated<string>;
  source: 'counter' | 'erp';
  agencyId: string | null;
  businessDate: CalendarDate | null;
  fileHash: string;
  rowCount: number;
  differenceCount: number;
  importedBy: string;
  importedByLabel: string;
  importedAt: Date;
};

export type ReconciliationDifferencesTable = {
  id: Generated<string>;
  importId: string;
  agencyId: string | null;
  kind: DifferenceKind;
  protocolId: string | null;
  protocolCode: string | null;
  reference: string;
  sterCents: number | null;
  reportedCents: number | null;
  status: Generated<DifferenceStatus>;
  createdAt: Date;
};

export type ReconciliationNotesTable = {
  id: Generated<number>;
  differenceId: string;
  note: string;
  resolution: 'explained' | 'resolved' | null;
  authorId: string;
  authorLabel: string;
  createdAt: Date;
};

/** Protocols per São Paulo creation day and dimensions; kept by triggers (issue #7). */
export type ReportDailyTable = {
  day: ColumnType<string, string, never>;
  agencyId: string | null;
  clientId: string;
  serviceId: string;
  status: ProtocolStatus;
  modality: Modality;
  isTest: boolean;
  attendances: number;
  amountCents: number;
};

/** Signed changes to `report_daily` not yet folded into it. */
export type ReportDeltasTable = ReportDailyTable & { id: Generated<number> };

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export type ReportExportsTable = {
  id: Generated<string>;
  requestedBy: string;
  format: ExportFormat;
  filters: JSONColumnType<Record<string, unknown>>;
  status: Generated<ExportStatus>;
  /** Raised by each claim; a worker whose attempt is no longer current stops writing. */
  attempt: Generated<number>;
  rowsTotal: Generated<number>;
  rowsDone: Generated<number>;
  fileName: string | null;
  contentType: string | null;
  byteSize: number | null;
  error: string | null;
  createdAt: CreatedAt;
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
};

export type ReportExportChunksTable = {
  exportId: string;
  attempt: number;
  sequence: number;
  data: Buffer;
};

export type CitizenSignInsTable = {
  id: Generated<string>;
  handleHash: string;
  state: string;
  nonce: string;
  codeVerifierSealed: string;
  returnTo: string;
  createdAt: CreatedAt;
  expiresAt: Date;
  consumedAt: Date | null;
};

export type CitizenSessionsTable = {
  id: Generated<string>;
  tokenHash: string;
  subject: string;
  documentHash: string;
  citizenSealed: string;
  createdAt: CreatedAt;
  lastSeenAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: Date;
  revokedAt: Date | null;
};
