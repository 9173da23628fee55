import type { ProtocolViewRow } from '@server/modules/protocol/protocol.repository.ts';
import type { PersonalDataVault } from '@server/security/personal-data.ts';
import { maskDocument, type CitizenDocument } from '@shared/documents.ts';
import { ATTENDANCE_TYPE_LABELS, PROTOCOL_STATUS_LABELS } from '@shared/protocol/lifecycle.ts';

/** What is sealed in `citizen_sealed`: the document and the name as given. */
export type SealedCitizen = { document: CitizenDocument; name: string | null };

/** "Maria da Silva" becomes "Maria d* S****": enough to confirm with the person, not to identify. */
export function maskName(name: string | null): string | null {
  if (!name) {
    return null;
  }
  const [first = '', ...rest] = name.trim().split(/\s+/);

  return [
    first,
    ...rest.map((part) => `${part.charAt(0)}${'*'.repeat(Math.max(part.length - 1, 1))}`),
  ].join(' ');
}

export function presentProtocol(row: ProtocolViewRow, vault: PersonalDataVault) {
  const citizen = vault.unseal<SealedCitizen>(row.citizenSealed);

  return {
    code: row.code,
    status: row.status,
    statusLabel: PROTOCOL_STATUS_LABELS[row.status],
    attendanceType: row.attendanceType,
    attendanceTypeLabel: ATTENDANCE_TYPE_LABELS[row.attendanceType],
    modality: row.modality,
    isTest: row.isTest,
    citizen: {
      documentKind: row.citizenDocumentKind,
      document: maskDocument(citizen.document),
      name: maskName(citizen.name),
    },
    client: { id: row.clientId, name: row.clientName },
    contract: { number: row.contractNumber, adminCode: row.adminCode, postalCard: row.postalCard },
    service: { id: row.serviceId, code: row.serviceCode, name: row.serviceName },
    agency:
      row.agencyCode && row.agencyName ? { code: row.agencyCode, name: row.agencyName } : null,
    attendant: row.attendantRegistration ? { registration: row.attendantRegistration } : null,
    totalCents: row.totalCents,
    documentsChecked: row.documentsChecked,
    counterReference: row.counterTill
      ? {
          till: row.counterTill,
          entryNumber: row.counterEntryNumber,
          attendanceNumber: row.counterAttendanceNumber,
        }
      : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ProtocolView = ReturnType<typeof presentProtocol>;
