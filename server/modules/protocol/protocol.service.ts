import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import {
  BACK_OFFICE_ROLES,
  requireCounterStaff,
  requireStaff,
  type Actor,
  type CitizenActor,
  type StaffActor,
} from '@server/modules/auth/actor.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import {
  checkDocuments,
  checkFormData,
  parseCitizen,
  type AttendanceInput,
  type CitizenInput,
  type PartnerCheck,
  type ProtocolCreation,
} from '@server/modules/protocol/protocol.creation.ts';
import {
  illegalTransition,
  staffEventActor,
  SYSTEM_ACTOR,
  type ProtocolHistory,
} from '@server/modules/protocol/protocol.history.ts';
import { presentProtocol, type ProtocolView } from '@server/modules/protocol/protocol.presenter.ts';
import type {
  ProtocolRepository,
  ProtocolViewRow,
  Visibility,
} from '@server/modules/protocol/protocol.repository.ts';
import type { ErrorBody } from '@shared/errors.ts';
import { normalizeProtocolCode, protocolCodeProblem } from '@shared/protocol/protocol-code.ts';

export type CompleteInput = {
  citizen?: CitizenInput | undefined;
  formData?: Record<string, unknown> | undefined;
  documentsChecked: string[];
  quantity: number;
};

type Attendance = Omit<AttendanceInput, 'attendanceType'>;

/** Reads a protocol code as typed; a wrong length or check digit is refused before any lookup. */
export function parseProtocolCode(input: string, field = 'params.code'): string {
  const code = normalizeProtocolCode(input);
  const problem = protocolCodeProblem(code);
  if (problem) {
    const message =
      problem === 'format'
        ? 'O código do protocolo tem 14 dígitos.'
        : 'Código de protocolo inválido: confira os dígitos (o último é de verificação).';

    throw new AppError('PROTOCOL_CODE_INVALID', message, {
      fields: [{ field, code: problem, message }],
    });
  }

  return code;
}

export function visibilityOf(actor: StaffActor): Visibility {
  if (BACK_OFFICE_ROLES.includes(actor.role)) {
    return { kind: 'all' };
  }
  if (!actor.agency) {
    throw new AppError('FORBIDDEN', 'Seu usuário não está vinculado a uma agência.');
  }

  return { kind: 'agency', agencyId: actor.agency.id, staffId: actor.staffId };
}

export const protocolNotFound = () =>
  new AppError('PROTOCOL_NOT_FOUND', 'Protocolo não encontrado (ou de outra agência).');

export function createProtocolService(
  ctx: AppContext,
  deps: {
    catalogue: CatalogueRepository;
    protocols: ProtocolRepository;
    history: ProtocolHistory;
    creation: ProtocolCreation;
    /** The client's partner validation (issue #6), when the partner module is wired. */
    partnerCheck?: PartnerCheck;
  },
) {
  const { catalogue, protocols, history, creation } = deps;

  /** Lets the service's partner refuse the attendance before anything is written. */
  async function askPartner(input: AttendanceInput, agency: StaffActor['agency'] | null) {
    await deps.partnerCheck?.(input.serviceId, () => creation.precheck(ctx.db, input, agency));
  }

  async function view(
    db: AppContext['db'] | Tx,
    code: string,
    visibility: Visibility,
  ): Promise<ProtocolView> {
    const row = await protocols.findView(db, code, visibility);
    if (!row) {
      throw protocolNotFound();
    }

    return presentProtocol(row, ctx.vault);
  }

  async function ok(tx: Tx, code: string) {
    return { statusCode: 200, body: { protocol: await view(tx, code, { kind: 'all' }) } };
  }

  /** A protocol just created, answered from what was written rather than read back. */
  function created(row: ProtocolViewRow) {
    return { statusCode: 201, body: { protocol: presentProtocol(row, ctx.vault) } };
  }

  /** The citizen's own attendance: the CPF is the one IdCorreios vouched for, no other. */
  async function attendVirtuallyAsCitizen(
    citizen: CitizenActor,
    input: Attendance,
    key: string | undefined,
  ) {
    const given = parseCitizen(input.citizen);
    if (given.document.kind !== 'cpf' || given.document.number !== citizen.cpf) {
      const message = 'O CPF do atendimento deve ser o seu, o mesmo do IdCorreios.';
      throw new AppError('FORBIDDEN', message, {
        fields: [{ field: 'body.citizen.document', code: 'notSignedInCitizen', message }],
      });
    }
    const attendance = {
      ...input,
      citizen: { document: citizen.cpf, name: input.citizen.name ?? citizen.name ?? undefined },
    };
    await askPartner({ ...attendance, attendanceType: 'virtual' }, null);

    return runIdempotent(
      ctx.db,
      {
        scope: `citizen:${citizen.documentHash}`,
        key,
        fingerprint: ['attendVirtually', attendance],
      },
      async (tx) => {
        const row = await creation.create(
          tx,
          { ...attendance, attendanceType: 'virtual' },
          {
            actor: { ...SYSTEM_ACTOR, kind: 'citizen', label: 'Usuário (IdCorreios)' },
            agency: null,
            attendant: null,
          },
        );

        return created(row);
      },
    );
  }

  return {
    view,

    /** Flow 3: the attendant fills the hosted form at the counter; the protocol is pending. */
    async attendInPerson(actor: Actor, input: Attendance, key: string | undefined) {
      const staff = requireCounterStaff(actor);
      await askPartner({ ...input, attendanceType: 'inPerson' }, staff.agency);

      return runIdempotent(
        ctx.db,
        { scope: `staff:${staff.staffId}`, key, fingerprint: ['attendInPerson', input] },
        async (tx) => {
          const row = await creation.create(
            tx,
            { ...input, attendanceType: 'inPerson' },
            { actor: staffEventActor(staff), agency: staff.agency, attendant: staff },
          );

          return created(row);
        },
      );
    },

    /**
     * Virtual attendance: done online and finalised at once, for direct ERP billing. A citizen
     * signed in with IdCorreios does it for themselves; an attendant may do it for a citizen, as
     * the document allows.
     */
    async attendVirtually(actor: Actor, input: Attendance, key: string | undefined) {
      if (actor.kind === 'citizen') {
        return attendVirtuallyAsCitizen(actor, input, key);
      }
      const staff = requireStaff(actor);
      await askPartner({ ...input, attendanceType: 'virtual' }, null);

      return runIdempotent(
        ctx.db,
        { scope: `staff:${staff.staffId}`, key, fingerprint: ['attendVirtually', input] },
        async (tx) => {
          const row = await creation.create(
            tx,
            { ...input, attendanceType: 'virtual' },
            { actor: staffEventActor(staff), agency: null, attendant: staff },
          );

          return created(row);
        },
      );
    },

    /** Flow 4, first half: the citizen fills the form online, with no sign-in. */
    async startPreAttendance(
      input: Omit<Attendance, 'documentsChecked' | 'quantity'>,
      key: string | undefined,
    ) {
      await askPartner(
        { ...input, attendanceType: 'preAttendance', documentsChecked: [], quantity: 1 },
        null,
      );

      return runIdempotent(
        ctx.db,
        { scope: 'public', key, fingerprint: ['startPreAttendance', input] },
        async (tx) => {
          const row = await creation.create(
            tx,
            { ...input, attendanceType: 'preAttendance', documentsChecked: [], quantity: 1 },
            {
              actor: { ...SYSTEM_ACTOR, kind: 'citizen', label: 'Usuário (internet)' },
              agency: null,
              attendant: null,
            },
          );

          return created(row);
        },
      );
    },

    /**
     * Flow 4, second half: at the counter the attendant checks the documents, corrects or
     * completes the data and confirms; the protocol becomes pending at this agency, priced now.
     */
    complete(actor: Actor, rawCode: string, input: CompleteInput, key: string | undefined) {
      const staff = requireCounterStaff(actor);
      const code = parseProtocolCode(rawCode);

      return runIdempotent<{ protocol: ProtocolView } | ErrorBody>(
        ctx.db,
        { scope: `staff:${staff.staffId}`, key, fingerprint: ['complete', code, input] },
        async (tx) => {
          const row = await protocols.lockByCode(tx, code);
          // Unclaimed pre-attendances wait for any counter; anything else must be this agency's
          // (a virtual protocol has no agency, and is not another agency's to probe).
          const visible =
            row !== undefined &&
            (row.agencyId === null
              ? row.attendanceType === 'preAttendance' || row.attendantId === staff.staffId
              : row.agencyId === staff.agency.id);
          if (!row || !visible) {
            throw protocolNotFound();
          }
          if (row.status === 'expired') {
            throw new AppError(
              'PROTOCOL_EXPIRED',
              'Este pré-atendimento expirou. Faça um novo atendimento.',
            );
          }
          const now = ctx.clock.now();
          if (row.status === 'preAttendance' && row.expiresAt && row.expiresAt <= now) {
            // The expiry is committed and the refusal stored under the key, so a retry agrees.
            await history.transition(
              tx,
              row,
              'expire',
              { actor: SYSTEM_ACTOR, reason: 'expiryDate' },
              now,
            );
            const refusal = new AppError(
              'PROTOCOL_EXPIRED',
              'Este pré-atendimento expirou. Faça um novo atendimento.',
            );

            return { statusCode: refusal.status, body: refusal.toBody() };
          }
          if (row.status !== 'preAttendance') {
            throw illegalTransition(row.status, 'complete');
          }
          if (!(await catalogue.isOfferedAt(tx, row.serviceId, staff.agency))) {
            throw new AppError(
              'SERVICE_NOT_AVAILABLE',
              'Este serviço não é oferecido nesta agência.',
            );
          }

          const form = await catalogue.findFormVersion(tx, row.formDefinitionId ?? '');
          if (!form) {
            throw new Error(`protocol ${row.id} has no form definition`);
          }
          const values = input.formData
            ? checkFormData(form.definition, input.formData)
            : undefined;
          checkDocuments(form.definition, input.documentsChecked);
          const citizen = input.citizen ? parseCitizen(input.citizen) : undefined;
          const service = await catalogue.findServiceForAttendance(tx, row.serviceId);
          if (!service) {
            throw new Error(`protocol ${row.id} lost its service`);
          }
          const priced = await creation.price(tx, service, input.quantity);

          await protocols.insertLines(
            tx,
            priced.lines.map((line) => ({ ...line, protocolId: row.id })),
          );
          await history.transition(
            tx,
            row,
            'complete',
            {
              actor: staffEventActor(staff),
              data: { totalCents: priced.totalCents, dataChanged: values !== undefined },
              patch: {
                agencyId: staff.agency.id,
                attendantId: staff.staffId,
                documentsChecked: input.documentsChecked,
                tariffId: priced.lines[0]?.tariffId ?? null,
                totalCents: priced.totalCents,
                ...(values ? { formDataSealed: ctx.vault.seal(values) } : {}),
                ...(citizen
                  ? {
                      citizenDocumentKind: citizen.document.kind,
                      citizenDocumentHash: ctx.vault.indexOf(citizen.document.number),
                      citizenSealed: ctx.vault.seal(citizen),
                    }
                  : {}),
              },
            },
            now,
          );

          return ok(tx, code);
        },
      );
    },
  };
}

export type ProtocolService = ReturnType<typeof createProtocolService>;
