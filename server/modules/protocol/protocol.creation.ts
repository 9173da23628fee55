import { randomUUID } from 'node:crypto';
import type { AppContext } from '@server/context.ts';
import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError, fieldError, notFound } from '@server/errors.ts';
import type {
  AgencyScope,
  AssociatedItem,
  CatalogueRepository,
} from '@server/modules/catalogue/catalogue.repository.ts';
import { createOutboxRepository } from '@server/modules/outbox/outbox.repository.ts';
import {
  chainEvent,
  type EventActor,
  type ProtocolHistory,
} from '@server/modules/protocol/protocol.history.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type {
  ProtocolRepository,
  ProtocolViewRow,
} from '@server/modules/protocol/protocol.repository.ts';
import type { SealedCitizen } from '@server/modules/protocol/protocol.presenter.ts';
import { priceAttendance } from '@server/modules/protocol/pricing.ts';
import { parseCitizenDocument, type CitizenDocument } from '@shared/documents.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import { validateFormData } from '@shared/forms/form-validation.ts';
import { initialStatus, type AttendanceType } from '@shared/protocol/lifecycle.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';
import { addDays, localDate } from '@shared/time.ts';

export type CitizenInput = { document: string; name?: string | undefined };

export type AttendanceInput = {
  serviceId: string;
  attendanceType: AttendanceType;
  citizen: CitizenInput;
  formData: Record<string, unknown>;
  documentsChecked: string[];
  quantity: number;
};

/** Where the attendance happens and who does it. */
export type AttendancePlace = {
  actor: EventActor;
  agency: StaffActor['agency'];
  attendant: Pick<StaffActor, 'staffId' | 'registration' | 'name'> | null;
};

/** A hosted-form attendance that passed STER's own checks, as a partner validates it. */
export type CheckedAttendance = {
  serviceCode: string;
  attendanceType: AttendanceType;
  citizen: SealedCitizen;
  values: Record<string, unknown>;
  quantity: number;
};

/**
 * Asks the service's partner, when it has one configured, whether the attendance may go ahead;
 * throws to refuse. `prepare` runs STER's own checks first, so the partner sees only valid data.
 * It runs before the creating transaction, so that no lock is held while the partner answers.
 */
export type PartnerCheck = (
  serviceId: string,
  prepare: () => Promise<CheckedAttendance>,
) => Promise<void>;

const outbox = createOutboxRepository();

type ServiceRow = NonNullable<Awaited<ReturnType<CatalogueRepository['findServiceForAttendance']>>>;

/** Reads a CPF or CNPJ from the request, or refuses it naming the field. */
export function parseDocumentField(input: string, field: string): CitizenDocument {
  const document = parseCitizenDocument(input);
  if (!document) {
    throw fieldError(field, 'document', 'CPF ou CNPJ inválido: confira os dígitos.');
  }

  return document;
}

export function parseCitizen(
  citizen: CitizenInput,
  field = 'body.citizen.document',
): SealedCitizen {
  return {
    document: parseDocumentField(citizen.document, field),
    name: citizen.name?.trim() || null,
  };
}

export function checkFormData(definition: FormDefinition, data: Record<string, unknown>) {
  const result = validateFormData(definition, data);
  if (!result.ok) {
    const fields = result.errors.map((error) => ({
      ...error,
      field: `body.formData.${error.field}`,
    }));
    const first = result.errors[0];

    throw new AppError(
      'FORM_INVALID',
      first ? `${first.message} (${first.field})` : 'Formulário inválido.',
      {
        fields,
      },
    );
  }

  return result.values;
}

/** Every required document must be ticked by the attendant; unknown ids are mistakes. */
export function checkDocuments(definition: FormDefinition, checked: string[]) {
  const known = new Set(definition.requiredDocuments.map((document) => document.id));
  const unknown = checked.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw fieldError(
      'body.documentsChecked',
      'unknown',
      `Documento desconhecido: ${unknown.join(', ')}.`,
    );
  }
  const missing = definition.requiredDocuments.filter((document) => !checked.includes(document.id));
  if (missing.length > 0) {
    const names = missing.map((document) => document.label).join(', ');
    throw new AppError('DOCUMENTS_MISSING', `Confira e marque os documentos exigidos: ${names}.`, {
      fields: [{ field: 'body.documentsChecked', code: 'missing', message: `Faltam: ${names}.` }],
    });
  }
}

export function createProtocolCreation(
  ctx: AppContext,
  catalogue: CatalogueRepository,
  protocols: ProtocolRepository,
  // Creation writes its first event itself (see `chainEvent`); kept for the composition root.
  _history: ProtocolHistory,
) {
  /**
   * The service with what creating a protocol needs of the catalogue, read in one statement;
   * refused, in this order, when it is unknown, unavailable, not offered at the agency or
   * without a published form.
   */
  async function loadOffer(
    tx: Tx | Database,
    serviceId: string,
    type: AttendanceType,
    agency: AgencyScope | null,
  ) {
    const today = localDate(ctx.clock.now());
    const service = await catalogue.findOfferForAttendance(tx, serviceId, agency, today);
    if (!service) {
      throw notFound('Serviço');
    }
    const contractInForce =
      service.contractActive &&
      service.contractValidFrom <= today &&
      (service.contractValidTo === null || service.contractValidTo >= today);
    if (!service.active || !service.clientActive || !contractInForce) {
      throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não está disponível no momento.');
    }
    if (service.solution !== 'hostedForm') {
      throw new AppError(
        'SERVICE_NOT_AVAILABLE',
        'Este serviço é atendido pelo site do cliente, não pelo formulário do STER.',
      );
    }
    if (!service.attendanceTypes.includes(type)) {
      throw new AppError(
        'SERVICE_NOT_AVAILABLE',
        'Este serviço não aceita este tipo de atendimento.',
      );
    }
    if (!service.offeredHere) {
      throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não é oferecido nesta agência.');
    }
    if (service.formId === null || service.formVersion === null || !service.formDefinition) {
      throw new AppError(
        'SERVICE_NOT_AVAILABLE',
        'Este serviço ainda não tem formulário publicado.',
      );
    }
    const form = {
      id: service.formId,
      version: service.formVersion,
      definition: service.formDefinition,
    };

    return { service, form };
  }

  function tariffMissing() {
    return new AppError('TARIFF_NOT_FOUND', 'Não há tarifa vigente hoje para este serviço.');
  }

  function priceWith(
    service: Pick<ServiceRow, 'code' | 'name'>,
    tariff: { id: string; amountCents: number },
    items: readonly AssociatedItem[],
    quantity: number,
  ) {
    return priceAttendance({
      service: { code: service.code, name: service.name },
      unit: { amountCents: tariff.amountCents, tariffId: tariff.id },
      quantity,
      associatedItems: items,
    });
  }

  /** Prices the attendance from the tariff in force today (São Paulo calendar). */
  async function price(tx: Tx, service: ServiceRow, quantity: number) {
    const today = localDate(ctx.clock.now());
    const tariff = await catalogue.findTariffOn(tx, service.contractId, service.id, today);
    if (!tariff) {
      throw tariffMissing();
    }
    const items = service.allowsAssociatedItems
      ? await catalogue.listAssociatedItems(tx, service.id)
      : [];

    return priceWith(service, tariff, items, quantity);
  }

  /** `price`, from the tariff and items `loadOffer` already read. */
  function priceOffer(offer: Awaited<ReturnType<typeof loadOffer>>['service'], quantity: number) {
    if (offer.tariffId === null || offer.tariffAmountCents === null) {
      throw tariffMissing();
    }

    return priceWith(
      offer,
      { id: offer.tariffId, amountCents: offer.tariffAmountCents },
      offer.associatedItems,
      quantity,
    );
  }

  return {
    price,

    /** `create`'s checks without writing anything, for a partner's validation beforehand. */
    async precheck(
      db: Database,
      input: AttendanceInput,
      agency: AgencyScope | null,
    ): Promise<CheckedAttendance> {
      const { service, form } = await loadOffer(db, input.serviceId, input.attendanceType, agency);
      const citizen = parseCitizen(input.citizen);
      const values = checkFormData(form.definition, input.formData);
      if (input.attendanceType === 'inPerson') {
        checkDocuments(form.definition, input.documentsChecked);
      }

      return {
        serviceCode: service.code,
        attendanceType: input.attendanceType,
        citizen,
        values,
        quantity: input.quantity,
      };
    },

    /**
     * Creates a protocol from a hosted-form submission, in the status its attendance type gives,
     * and answers it as `findView` would read it back (built from what was just written).
     */
    async create(tx: Tx, input: AttendanceInput, place: AttendancePlace): Promise<ProtocolViewRow> {
      const now = ctx.clock.now();
      const { service, form } = await loadOffer(
        tx,
        input.serviceId,
        input.attendanceType,
        place.agency,
      );
      const citizen = parseCitizen(input.citizen);
      const values = checkFormData(form.definition, input.formData);
      if (input.attendanceType === 'inPerson') {
        checkDocuments(form.definition, input.documentsChecked);
      }
      const status = initialStatus(input.attendanceType);
      const priced = status === 'preAttendance' ? null : priceOffer(service, input.quantity);

      const code = buildProtocolCode(now.getUTCFullYear(), await protocols.nextSequence(tx));
      // The id is chosen here so that the row is written with its first event's chain head.
      const id = randomUUID();
      const first = chainEvent(
        { id, code, eventCount: 0, lastEventHash: null },
        {
          type: 'created',
          fromStatus: null,
          toStatus: status,
          actor: place.actor,
          data: {
            attendanceType: input.attendanceType,
            formVersion: form.version,
            totalCents: priced?.totalCents ?? null,
          },
        },
        now,
      );
      const protocol = {
        id,
        code,
        clientId: service.clientId,
        contractId: service.contractId,
        serviceId: service.id,
        agencyId: place.agency?.id ?? null,
        attendantId: place.attendant?.staffId ?? null,
        attendanceType: input.attendanceType,
        status,
        modality: service.modality,
        citizenDocumentKind: citizen.document.kind,
        citizenDocumentHash: ctx.vault.indexOf(citizen.document.number),
        citizenSealed: ctx.vault.seal(citizen),
        formDefinitionId: form.id,
        formDataSealed: ctx.vault.seal(values),
        documentsChecked: input.documentsChecked,
        tariffId: priced?.lines[0]?.tariffId ?? null,
        totalCents: priced?.totalCents ?? null,
        expiresAt:
          status === 'preAttendance' ? addDays(now, service.preAttendanceExpiryDays) : null,
        createdAt: now,
        updatedAt: now,
        ...first.chain,
      };
      const lines = (priced?.lines ?? []).map((line) => ({ ...line, protocolId: id }));
      await protocols.insertCreated(tx, protocol, lines, first.event);
      await outbox.enqueue(tx, 'protocol.statusChanged', id, {
        protocolCode: code,
        fromStatus: null,
        toStatus: status,
        reason: null,
        occurredAt: now.toISOString(),
      });

      return {
        id,
        code,
        status,
        attendanceType: protocol.attendanceType,
        modality: protocol.modality,
        citizenDocumentKind: protocol.citizenDocumentKind,
        citizenSealed: protocol.citizenSealed,
        totalCents: protocol.totalCents,
        ticketText: null,
        isTest: false,
        expiresAt: protocol.expiresAt,
        createdAt: now,
        updatedAt: now,
        agencyId: protocol.agencyId,
        attendantId: protocol.attendantId,
        formDefinitionId: form.id,
        documentsChecked: protocol.documentsChecked,
        counterTill: null,
        counterEntryNumber: null,
        counterAttendanceNumber: null,
        clientId: service.clientId,
        clientName: service.clientName,
        clientCnpj: service.clientCnpj,
        contractNumber: service.contractNumber,
        adminCode: service.adminCode,
        postalCard: service.postalCard,
        serviceId: service.id,
        serviceCode: service.code,
        serviceName: service.name,
        serviceDescription: service.description,
        agencyCode: place.agency?.code ?? null,
        agencyName: place.agency?.name ?? null,
        attendantRegistration: place.attendant?.registration ?? null,
        attendantName: place.attendant?.name ?? null,
      };
    },
  };
}

export type ProtocolCreation = ReturnType<typeof createProtocolCreation>;
