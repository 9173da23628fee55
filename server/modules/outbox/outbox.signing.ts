import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A partner's Standard Webhooks signing secret (`whsec_` + base64). It is derived from the
 * server's secret key, the partner id and a version number instead of being stored, so a
 * database dump cannot forge callbacks; rotating it is bumping the version.
 */
export function webhookSecretOf(secretKey: Buffer, partnerId: string, version: number): string {
  const key = hkdfSync('sha256', secretKey, partnerId, `partner-webhook-secret-v${version}`, 24);

  return `whsec_${Buffer.from(key).toString('base64')}`;
}

/** The three Standard Webhooks headers for one message: HMAC-SHA256 over `id.timestamp.body`. */
export function signWebhook(secret: string, id: string, at: Date, body: string) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');

  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
