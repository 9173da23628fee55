import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { requireCitizen, type Actor } from '@server/modules/auth/actor.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { presentLines, presentReceipt } from '@server/modules/counter/counter.presenter.ts';
import { presentCitizenProtocol, statusDates } from '@server/modules/citizen/citizen.presenter.ts';
import { voucherCodes } from '@server/modules/citizen/voucher.codes.ts';
import { parseDocumentField } from '@server/modules/protocol/protocol.creation.ts';
import type { SealedCitizen } from '@server/modules/protocol/protocol.presenter.ts';
import type {
  ProtocolRepository,
  ProtocolViewRow,
} from '@server/modules/protocol/protocol.repository.ts';
import { parseProtocolCode } from '@server/modules/protocol/protocol.service.ts';
import { maskDocument } from '@shared/documents.ts';
import type { FormData } from '@shared/forms/form-definition.ts';
import { formatProtocolCode } from '@shared/protocol/protocol-code.ts';
import { formatDate } from '@shared/time.ts';

/** The proof a citizen gives on the public pages: the protocol code and their CPF (or CNPJ). */
export type ProofInput = { code: string; document: string };

const MY_PROTOCOLS_LIMIT = 200;

export const VOUCHER_NOTICE =
  'Leve este comprovante e os documentos a qualquer agência própria ou franqueada dos ' +
  'Correios que ofereça o serviço: o atendente encontra o pré-atendimento pelo código ou pelo CPF.';

/** Wrong pairs and unknown codes get this same answer, so a code cannot be probed. */
const notFoundForProof = () =>
  new AppError(
    'PROTOCOL_NOT_FOUND',
    'Não encontramos protocolo com este código e este CPF/CNPJ. Confira os dois.',
  );

/**
 * What the public portal reads: status lookups and vouchers by proof (code plus CPF), and a
 * signed-in citizen's own protocols, receipts and data-subject export (matched by the CPF index).
 */
export function createCitizenService(
  ctx: AppContext,
  deps: { catalogue: CatalogueRepository; protocols: ProtocolRepository },
) {
  const { catalogue, protocols } = deps;

  /** The protocol this proof names; the code's check digit is verified before any lookup. */
  async function proven(input: ProofInput): Promise<ProtocolViewRow> {
    const code = parseProtocolCode(input.code, 'body.code');
    const document = parseDocumentField(input.document, 'body.document');
    const [row] = await protocols.search(
      ctx.db,
      { code, documentHash: ctx.vault.indexOf(document.number), limit: 1 },
      { kind: 'all' },
    );
    if (!row) {
      throw notFoundForProof();
    }

    return row;
  }

  async function owned(actor: Actor, rawCode: string): Promise<ProtocolViewRow> {
    const citizen = requireCitizen(actor);
    const code = parseProtocolCode(rawCode);
    const [row] = await protocols.search(
      ctx.db,
      { code, documentHash: citizen.documentHash, limit: 1 },
      { kind: 'all' },
    );
    if (!row) {
      throw new AppError('PROTOCOL_NOT_FOUND', 'Protocolo não encontrado entre os seus.');
    }

    return row;
  }

  async function requiredDocuments(row: ProtocolViewRow) {
    const form = row.formDefinitionId
      ? await catalogue.findFormVersion(ctx.db, row.formDefinitionId)
      : undefined;

    return form?.definition.requiredDocuments ?? [];
  }

  async function answersOf(row: ProtocolViewRow) {
    const stored = await protocols.findFormData(ctx.db, row.id);

    return stored?.formDataSealed ? ctx.vault.unseal<FormData>(stored.formDataSealed) : {};
  }

  return {
    /** "Consultar protocolo": the status and its dates, the service and the agency. */
    async status(input: ProofInput) {
      const row = await proven(input);
      const events = await protocols.listEvents(ctx.db, row.id);

      return { protocol: { ...presentCitizenProtocol(row), dates: statusDates(events) } };
    },

    /** The pre-attendance voucher the citizen prints or downloads. */
    async voucher(input: ProofInput) {
      const row = await proven(input);
      if (row.attendanceType !== 'preAttendance') {
        throw new AppError(
          'RULE_VIOLATED',
          'Só pré-atendimentos têm comprovante para levar à agência.',
        );
      }

      return {
        voucher: {
          code: row.code,
          formattedCode: formatProtocolCode(row.code),
          status: row.status,
          client: { name: row.clientName },
          service: { code: row.serviceCode, name: row.serviceName },
          requiredDocuments: await requiredDocuments(row),
          expiresAt: row.expiresAt?.toISOString() ?? null,
          expiresAtLocal: row.expiresAt ? formatDate(row.expiresAt) : '–',
          notice: VOUCHER_NOTICE,
          ...voucherCodes(row.code),
        },
      };
    },

    /** "Meus protocolos": every protocol under the signed-in citizen's CPF, newest first. */
    async myProtocols(actor: Actor) {
      const citizen = requireCitizen(actor);
      const rows = await protocols.search(
        ctx.db,
        { documentHash: citizen.documentHash, limit: MY_PROTOCOLS_LIMIT },
        { kind: 'all' },
      );

      return { protocols: rows.map(presentCitizenProtocol) };
    },

    /** The receipt of the citizen's own finalised protocol, to print at home. */
    async receipt(actor: Actor, rawCode: string) {
      const row = await owned(actor, rawCode);
      const finalisedAt =
        (await protocols.lastEventAt(ctx.db, row.id, 'finalise')) ??
        (row.attendanceType === 'virtual' ? row.createdAt : null);
      if (!finalisedAt || (row.status !== 'finalised' && row.status !== 'reversed')) {
        throw new AppError('RULE_VIOLATED', 'Só há comprovante de protocolos finalizados.');
      }
      const lines = await protocols.listLines(ctx.db, row.id);

      return presentReceipt(row, lines, finalisedAt, ctx.vault);
    },

    /**
     * The data-subject export (LGPD): everything STER holds about the signed-in citizen, their
     * own protocols with answers, prices and history, unmasked since it is their own.
     */
    async export(actor: Actor) {
      const citizen = requireCitizen(actor);
      const rows = await protocols.search(
        ctx.db,
        { documentHash: citizen.documentHash, limit: 10_000 },
        { kind: 'all' },
      );
      const exported = [];
      for (const row of rows) {
        const sealed = ctx.vault.unseal<SealedCitizen>(row.citizenSealed);
        const events = await protocols.listEvents(ctx.db, row.id);
        exported.push({
          ...presentCitizenProtocol(row),
          citizen: { document: sealed.document.number, name: sealed.name },
          answers: await answersOf(row),
          documentsChecked: row.documentsChecked,
          lines: presentLines(await protocols.listLines(ctx.db, row.id)),
          history: events.map((event) => ({
            type: event.type,
            fromStatus: event.fromStatus,
            toStatus: event.toStatus,
            by: event.actorKind,
            agency: event.agencyName,
            reason: event.reason,
            occurredAt: event.occurredAt.toISOString(),
          })),
        });
      }

      return {
        exportedAt: ctx.clock.now().toISOString(),
        subject: {
          document: citizen.cpf,
          documentMasked: maskDocument({ kind: 'cpf', number: citizen.cpf }),
          name: citizen.name,
        },
        protocols: exported,
      };
    },
  };
}

export type CitizenService = ReturnType<typeof createCitizenService>;
export type Voucher = Awaited<ReturnType<CitizenService['voucher']>>['voucher'];
