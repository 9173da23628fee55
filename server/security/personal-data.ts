import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data (CPF, names, form answers) is stored sealed with AES-256-GCM, and CPFs are
 * also stored as an HMAC, which gives an exact-match index without revealing the number: a
 * database dump alone tells nothing. Both keys derive from the one configured secret.
 */
export class PersonalDataVault {
  readonly #indexKey: Buffer;
  readonly #sealKey: Buffer;

  constructor(secret: Buffer) {
    this.#indexKey = Buffer.from(hkdfSync('sha256', secret, 'ster', 'document-index-v1', 32));
    this.#sealKey = Buffer.from(hkdfSync('sha256', secret, 'ster', 'personal-data-seal-v1', 32));
  }

  /** The lookup key of a CPF or CNPJ (already unmasked). */
  indexOf(documentNumber: string): string {
    return createHmac('sha256', this.#indexKey).update(documentNumber).digest('base64url');
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#sealKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));

    return `v1.${parts.join('.')}`;
  }

  unseal<T>(sealed: string): T {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) {
      throw new Error('unknown sealed value format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#sealKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]);

    return JSON.parse(plain.toString('utf8')) as T;
  }
}
