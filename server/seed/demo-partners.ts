import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';
import { webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';
import { hashToken } from '@server/security/tokens.ts';

/** The demo partner site's token: STER_DEMO_PARTNER_TOKEN, or this fixed one printed at start. */
export const DEMO_PARTNER_TOKEN =
  process.env.STER_DEMO_PARTNER_TOKEN ?? 'sterp_demo-claro-recargas-nao-use-em-producao';

const DEMO_PARTNER_SITE = process.env.STER_DEMO_PARTNER_URL ?? 'http://127.0.0.1:3100/venda';

/** Where the demo partner site receives confirmations: `/confirmacoes` on the same origin. */
export const DEMO_PARTNER_CONFIRMATION_URL = new URL('/confirmacoes', DEMO_PARTNER_SITE).toString();

/** Claro's top-up site (the demo partner in `demo-partner/`) as a partner with a live token. */
export async function seedDemoPartners(tx: Tx) {
  const client = await tx
    .selectFrom('clients')
    .select('id')
    .where('code', '=', 'CLARO')
    .executeTakeFirstOrThrow();
  const partner = await tx
    .insertInto('partners')
    .values({
      clientId: client.id,
      name: 'Claro – Recargas (site de demonstração)',
      confirmationUrl: DEMO_PARTNER_CONFIRMATION_URL,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('partnerCredentials')
    .values({
      partnerId: partner.id,
      tokenHash: hashToken(DEMO_PARTNER_TOKEN),
      tokenHint: DEMO_PARTNER_TOKEN.slice(-4),
      mode: 'live',
    })
    .execute();
  // Claro's hosted form asks the demo site to validate the line and sends it the data.
  const lineHolder = await tx
    .selectFrom('services')
    .select('id')
    .where('code', '=', '30102')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('partnerServiceHooks')
    .values({
      serviceId: lineHolder.id,
      partnerId: partner.id,
      validationUrl: new URL('/validacao', DEMO_PARTNER_SITE).toString(),
      submissionUrl: new URL('/formularios', DEMO_PARTNER_SITE).toString(),
    })
    .execute();
}

/** The signing secret of the demo partner, so the demo site can verify what STER sends it. */
export async function demoPartnerWebhookSecret(db: Database, secretKey: Buffer) {
  const partner = await db
    .selectFrom('partners as p')
    .innerJoin('partnerCredentials as k', 'k.partnerId', 'p.id')
    .select(['p.id', 'p.webhookSecretVersion'])
    .where('k.tokenHash', '=', hashToken(DEMO_PARTNER_TOKEN))
    .executeTakeFirst();

  return partner ? webhookSecretOf(secretKey, partner.id, partner.webhookSecretVersion) : null;
}
