import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/** What the next ID token should get wrong, to see the relying party refuse it. */
export type Forgery = {
  issuer?: string;
  audience?: string;
  nonce?: string;
  expiresInSeconds?: number;
  signWithUnpublishedKey?: boolean;
  cpf?: string | null;
};

type Authorization = { nonce: string; challenge: string; clientId: string };

export const FORGED_CLIENT = { clientId: 'ster-test', clientSecret: 'ster-test-secret' };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A small OpenID provider on a real port that the tests control, standing in for a broken or
 * hostile IdCorreios: it publishes discovery metadata and a key set, checks the client secret
 * and PKCE at its token endpoint like a real one, and signs whatever ID token the test asks for.
 */
export async function startForgedProvider() {
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'published', use: 'sig' };
  const codes = new Map<string, Authorization>();
  let forgery: Forgery = {};

  const server = createServer((request, reply) => {
    void (async () => {
      const url = new URL(request.url ?? '/', issuer);
      const json = (status: number, body: unknown) => {
        reply.writeHead(status, { 'content-type': 'application/json' });
        reply.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') {
        return json(200, { keys: [jwk] });
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = new URLSearchParams(await readBody(request));
        // RFC 6749 2.3.1: id and secret are form-encoded before Basic encoding.
        const basic = Buffer.from(
          (request.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString('utf8');
        const [id = '', secret = ''] = basic.split(':').map(decodeURIComponent);
        const grant = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        const client = id === FORGED_CLIENT.clientId && secret === FORGED_CLIENT.clientSecret;
        if (!client || !grant || grant.challenge !== challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        codes.delete(form.get('code') ?? '');

        return json(200, {
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: await idToken(grant),
        });
      }

      return json(404, { error: 'not_found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function idToken(grant: Authorization) {
    const now = Math.floor(Date.now() / 1000);
    const cpf = forgery.cpf === undefined ? '28451739628' : forgery.cpf;
    const key: CryptoKey = forgery.signWithUnpublishedKey
      ? unpublished.privateKey
      : published.privateKey;

    return new SignJWT({
      nonce: forgery.nonce ?? grant.nonce,
      name: 'Luciana Alves Pereira',
      ...(cpf === null ? {} : { cpf }),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'published' })
      .setIssuer(forgery.issuer ?? issuer)
      .setAudience(forgery.audience ?? grant.clientId)
      .setSubject('citizen-1')
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (forgery.expiresInSeconds ?? 300))
      .sign(key);
  }

  return {
    issuer,
    /** The next token is forged this way (the empty forgery makes a valid one). */
    forge(next: Forgery) {
      forgery = next;
    },
    /**
     * Plays the citizen approving the request at the provider: answers the callback query the
     * browser would be sent back with.
     */
    authorize(authorizationUrl: string): string {
      const request = new URL(authorizationUrl);
      const code = randomBytes(12).toString('hex');
      codes.set(code, {
        nonce: request.searchParams.get('nonce') ?? '',
        challenge: request.searchParams.get('code_challenge') ?? '',
        clientId: request.searchParams.get('client_id') ?? '',
      });

      return `?code=${code}&state=${request.searchParams.get('state') ?? ''}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ForgedProvider = Awaited<ReturnType<typeof startForgedProvider>>;
