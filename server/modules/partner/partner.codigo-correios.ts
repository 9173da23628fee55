import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** How long the code STER hands the client's site stays good: one attendance, with margin. */
export const CODIGO_CORREIOS_TTL_MS = 2 * 60 * 60 * 1000;

/** What a `codigoCorreios` carries: where, by whom and for which service the site was opened. */
export type CodigoCorreiosClaims = {
  agencyId: string;
  attendantId: string;
  serviceId: string;
  expiresAt: Date;
};

export type DecodedCodigo =
  { ok: true; claims: CodigoCorreiosClaims; expired: boolean } | { ok: false };

const AAD = Buffer.from('ster.codigoCorreios.v1');

/**
 * The opaque `codigoCorreios` of the published contract: AES-256-GCM over the claims, with a
 * key of its own derived from the server secret, so a partner can neither read nor forge nor
 * alter one; it can only ask STER to decrypt it.
 */
export function createCodigoCorreios(secretKey: Buffer) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'ster', 'codigo-correios-v1', 32));

  return {
    encode(claims: CodigoCorreiosClaims): string {
      const plain = JSON.stringify([
        claims.agencyId,
        claims.attendantId,
        claims.serviceId,
        Math.floor(claims.expiresAt.getTime() / 1000),
      ]);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);

      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },

    /** Decrypts and authenticates a code; `expired` is judged against `now`. */
    decode(code: string, now: Date): DecodedCodigo {
      const raw = Buffer.from(code, 'base64url');
      if (raw.length < 29 || raw.toString('base64url') !== code) {
        return { ok: false };
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(AAD);
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
        const [agencyId, attendantId, serviceId, expires] = JSON.parse(plain.toString('utf8')) as [
          string,
          string,
          string,
          number,
        ];
        const expiresAt = new Date(expires * 1000);

        return {
          ok: true,
          claims: { agencyId, attendantId, serviceId, expiresAt },
          expired: expiresAt.getTime() <= now.getTime(),
        };
      } catch {
        return { ok: false };
      }
    },
  };
}

export type CodigoCorreios = ReturnType<typeof createCodigoCorreios>;
