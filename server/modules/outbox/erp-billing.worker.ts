import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import { statementDocument } from '@server/modules/billing/billing.document.ts';
import {
  createErpDeliveryRepository,
  type ClaimedStatementDelivery,
  type ErpAcknowledgement,
} from '@server/modules/billing/billing.erp.repository.ts';
import { createBillingRepository } from '@server/modules/billing/billing.repository.ts';
import {
  createDeliveryRepository,
  type DeliveryOutcome,
} from '@server/modules/outbox/outbox.deliveries.repository.ts';
import { postJson } from '@server/modules/outbox/outbox.http.ts';
import { RETRY_POLICY, retryDelayMs } from '@server/modules/outbox/outbox.worker.ts';
import { signWebhook, webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';

/** The ERP's signing secret: configured, or derived from the server key like partners' are. */
export function erpSecretOf(ctx: AppContext): string {
  return ctx.config.erpSecret ?? webhookSecretOf(ctx.config.secretKey, 'erp', 1);
}

function parseObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);

    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * What the ERP answered, read leniently: `{ aceito, protocoloRecebimento, totalCentavos,
 * mensagem }`. A 2xx without a readable body still means the statement arrived.
 */
export function acknowledgementOf(body: string): ErpAcknowledgement {
  const answer = parseObject(body);
  const total = answer.totalCentavos;

  return {
    accepted: answer.aceito !== false,
    erpReference:
      typeof answer.protocoloRecebimento === 'string'
        ? answer.protocoloRecebimento.slice(0, 100)
        : null,
    totalCents: typeof total === 'number' && Number.isSafeInteger(total) ? total : null,
    message: typeof answer.mensagem === 'string' ? answer.mensagem.slice(0, 500) : null,
  };
}

/**
 * Delivers issued statements to the ERP from the outbox, with the partner callbacks' retry
 * policy and Standard Webhooks signature (`webhook-id` is stable across retries, so the ERP
 * dedupes), and records the ERP's acknowledgement against the statement.
 */
export function createErpBillingWorker(ctx: AppContext, options: { timeoutMs?: number } = {}) {
  const deliveries = createDeliveryRepository();
  const erp = createErpDeliveryRepository();
  const billing = createBillingRepository();
  const timeoutMs = options.timeoutMs ?? RETRY_POLICY.timeoutMs;

  async function send(delivery: ClaimedStatementDelivery, now: Date) {
    const url = ctx.config.erpUrl;
    if (!url) {
      return { statusCode: null, error: 'URL do ERP não configurada (STER_ERP_URL).' } as const;
    }
    const header = await billing.findHeader(ctx.db, delivery.statementId);
    if (!header) {
      return { statusCode: null, error: 'Extrato não encontrado.' } as const;
    }
    const body = JSON.stringify(
      statementDocument(header, await billing.lines(ctx.db, delivery.statementId)),
    );
    const headers = signWebhook(erpSecretOf(ctx), `stmt_${delivery.id}`, now, body);

    return postJson(url, body, headers, timeoutMs, { guarded: false });
  }

  async function attempt(delivery: ClaimedStatementDelivery, now: Date) {
    const result = await send(delivery, now);
    if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) {
      const outcome: DeliveryOutcome = { kind: 'delivered', statusCode: result.statusCode };

      return { outcome, ack: acknowledgementOf(result.body) };
    }
    const error = 'error' in result ? result.error : `HTTP ${result.statusCode}`;
    if (now.getTime() - delivery.createdAt.getTime() >= RETRY_POLICY.giveUpAfterMs) {
      return { outcome: { kind: 'failed', statusCode: result.statusCode, error } as const };
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(delivery.attempts));

    return {
      outcome: { kind: 'retry', statusCode: result.statusCode, error, nextAttemptAt } as const,
    };
  }

  return {
    async deliverDue(limit = 20) {
      const now = ctx.clock.now();
      const leaseUntil = new Date(now.getTime() + RETRY_POLICY.leaseMs);
      const claimed = await inTransaction(ctx.db, (tx) => erp.claimDue(tx, now, leaseUntil, limit));
      let delivered = 0;
      for (const delivery of claimed) {
        const started = performance.now();
        const { outcome, ack } = await attempt(delivery, now);
        const durationMs = Math.round(performance.now() - started);
        await inTransaction(ctx.db, async (tx) => {
          await deliveries.record(tx, delivery.id, now, durationMs, outcome);
          if (ack) {
            await erp.recordAcknowledgement(tx, delivery.statementId, delivery.id, now, ack);
          }
        });
        if (outcome.kind === 'delivered') {
          delivered += 1;
        } else {
          ctx.logger.info(
            { event: 'erp_delivery_failed', deliveryId: delivery.id, error: outcome.error },
            'statement not delivered to the ERP',
          );
        }
      }

      return { attempted: claimed.length, delivered };
    },
  };
}
