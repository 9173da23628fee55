import { randomUUID } from 'node:crypto';
import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { postJson } from '@server/modules/outbox/outbox.http.ts';
import { signWebhook, webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';
import { callbackUrlProblem } from '@server/modules/partner/partner.callback-url.ts';
import type { HooksRepository } from '@server/modules/partner/partner.hooks.repository.ts';
import type {
  CheckedAttendance,
  PartnerCheck,
} from '@server/modules/protocol/protocol.creation.ts';

/** How long the attendant waits for the partner's answer before STER gives up. */
export const VALIDATION_TIMEOUT_MS = 3000;

/** Longest partner reason shown to the attendant; the rest is cut. */
const MAX_REASON = 300;

function unavailable(detail: string) {
  return new AppError(
    'PARTNER_UNAVAILABLE',
    `O sistema do cliente não confirmou o atendimento (${detail}). Nenhum protocolo foi ` +
      'criado; tente de novo em instantes.',
  );
}

/** The body STER sends: the contract's field names, the form's answers under `dados`. */
export function validationBody(attendance: CheckedAttendance) {
  return {
    codigoServico: attendance.serviceCode,
    tipoAtendimento: attendance.attendanceType,
    numeroIdentificacaoCliente: attendance.citizen.document.number,
    nomeCliente: attendance.citizen.name,
    quantidade: attendance.quantity,
    dados: attendance.values,
  };
}

/** Reads `{ valido, mensagem }`; anything else is a partner fault, not a refusal. */
function verdictOf(body: string): { valid: boolean; reason: string | null } | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== 'object' || parsed === null) {
      return null;
    }
    const { valido, mensagem } = parsed as Record<string, unknown>;
    if (typeof valido !== 'boolean') {
      return null;
    }
    const reason = typeof mensagem === 'string' ? mensagem.trim().slice(0, MAX_REASON) : '';

    return { valid: valido, reason: reason || null };
  } catch {
    return null;
  }
}

/**
 * The partner validation of hosted-form services: STER POSTs the checked attendance, signed
 * with the partner's Standard Webhooks secret, and waits a few seconds. `{ "valido": true }`
 * lets it go ahead; `{ "valido": false, "mensagem": "..." }` refuses with the partner's reason;
 * silence, an error status or an unreadable answer refuses too, and nothing is created.
 */
export function createPartnerValidation(
  ctx: AppContext,
  hooks: HooksRepository,
  options: { timeoutMs?: number } = {},
): PartnerCheck {
  const timeoutMs = options.timeoutMs ?? VALIDATION_TIMEOUT_MS;

  return async (serviceId, prepare) => {
    const hook = await hooks.findForService(ctx.db, serviceId);
    if (!hook?.validationUrl) {
      return;
    }
    const attendance = await prepare();
    const problem = await callbackUrlProblem(hook.validationUrl);
    if (problem) {
      throw unavailable('endereço de validação recusado');
    }
    const body = JSON.stringify(validationBody(attendance));
    const secret = webhookSecretOf(ctx.config.secretKey, hook.partnerId, hook.webhookSecretVersion);
    const headers = signWebhook(secret, `val_${randomUUID()}`, ctx.clock.now(), body);
    const result = await postJson(hook.validationUrl, body, headers, timeoutMs);

    if (result.statusCode === null) {
      ctx.logger.info({ event: 'partner_validation_failed', serviceId }, result.error);
      throw unavailable(/timeout/i.test(result.error) ? 'sem resposta a tempo' : 'sem conexão');
    }
    const verdict = verdictOf(result.body);
    if (!verdict || (result.statusCode >= 300 && verdict.valid)) {
      throw unavailable(`resposta inválida, HTTP ${result.statusCode}`);
    }
    if (!verdict.valid) {
      const message = verdict.reason ?? 'O cliente recusou este atendimento.';

      throw new AppError('PARTNER_REFUSED', `Atendimento recusado pelo cliente: ${message}`, {
        fields: [{ field: 'body.formData', code: 'partnerRefused', message }],
      });
    }
  };
}
