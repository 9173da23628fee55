import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizenAuthRepository } from '@server/modules/citizen-auth/citizen-auth.repository.ts';
import { createOidcRelyingParty } from '@server/modules/citizen-auth/citizen-auth.oidc.ts';
import {
  CITIZEN_ABSOLUTE_MS,
  CITIZEN_IDLE_MS,
  createCitizenAuthService,
} from '@server/modules/citizen-auth/citizen-auth.service.ts';
import {
  beginSignIn,
  callback,
  citizenApi,
  cookieOf,
  signInCitizen,
  useForgedProvider,
} from '@test/citizen.ts';
import { startForgedProvider, type ForgedProvider } from '@test/forged-provider.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

describe('IdCorreios sign-in (OpenID Connect relying party)', () => {
  let t: TestApp;
  let provider: ForgedProvider;

  beforeAll(async () => {
    t = await createTestApp();
    provider = await startForgedProvider();
    useForgedProvider(t, provider);
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });

  const expectRefused = (response: Awaited<ReturnType<typeof callback>>) => {
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('CITIZEN_SIGN_IN_FAILED');
    expect(cookieOf(response, 'ster_citizen')).toBeUndefined();
  };

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { url, handle } = await beginSignIn(t);
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('ster-test');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('scope')).toContain('openid');
    expect(handle).toMatch(/^[\w-]{40,}$/);
  });

  it('opens a database session for the CPF in a valid ID token', async () => {
    const response = await signInCitizen(t, provider);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      citizen: { cpf: '28451739628', document: '***.517.396-**', name: 'Luciana Alves Pereira' },
      returnTo: '/cidadao/virtual',
    });
    const session = cookieOf(response, 'ster_citizen') ?? '';
    const cookie = response.cookies.find((c) => c.name === 'ster_citizen');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const stored = await t.ctx.db.selectFrom('citizenSessions').selectAll().execute();
    expect(stored.some((row) => row.tokenHash !== session && row.subject === 'citizen-1')).toBe(
      true,
    );

    const me = await citizenApi(t, session).get('/api/v1/citizen/session');
    expect(me.statusCode).toBe(200);
    expect(me.json().citizen.document).toBe('***.517.396-**');
  });

  it.each([
    ['another issuer', { issuer: 'https://idcorreios.example' }],
    ['another audience', { audience: 'someone-else' }],
    ['another nonce', { nonce: 'not-the-nonce-sent' }],
    ['an expired token', { expiresInSeconds: -600 }],
    ['a signature by a key the provider does not publish', { signWithUnpublishedKey: true }],
  ])('refuses an ID token with %s', async (_what, forgery) => {
    expectRefused(await signInCitizen(t, provider, forgery));
  });

  it('refuses an ID token without a valid CPF, saying so', async () => {
    const missing = await signInCitizen(t, provider, { cpf: null });
    expectRefused(missing);
    expect(missing.json().error.message).toBe('O IdCorreios não informou um CPF válido.');
    expectRefused(await signInCitizen(t, provider, { cpf: '11111111111' }));
  });

  it('refuses a callback whose state is not the one sent', async () => {
    provider.forge({});
    const { url, handle } = await beginSignIn(t);
    const query = provider.authorize(url).replace(/state=[^&]+/, 'state=forged-state');
    expectRefused(await callback(t, query, handle));
  });

  it('refuses a callback replayed, or from a browser that did not start the sign-in', async () => {
    provider.forge({});
    const { url, handle } = await beginSignIn(t);
    const query = provider.authorize(url);
    expectRefused(await callback(t, query, undefined));
    const first = await callback(t, query, handle);
    // Without this browser's cookie nothing was consumed: the rightful callback still works.
    expect(first.statusCode).toBe(200);
    const replay = await callback(t, query, handle);
    expectRefused(replay);
    expect(replay.json().error.message).toBe(
      'Esta entrada expirou ou já foi usada. Entre de novo.',
    );
  });

  it('refuses a sign-in that comes back after ten minutes', async () => {
    provider.forge({});
    const { url, handle } = await beginSignIn(t);
    t.clock.advance(11 * 60 * 1000);
    expectRefused(await callback(t, provider.authorize(url), handle));
  });

  it('says so when the citizen cancelled at the provider', async () => {
    const { url, handle } = await beginSignIn(t);
    const state = new URL(url).searchParams.get('state') ?? '';
    const response = await callback(t, `?error=access_denied&state=${state}`, handle);
    expectRefused(response);
    expect(response.json().error.message).toBe('A entrada foi cancelada no IdCorreios.');
  });

  it('refuses the callback without the anti-CSRF header', async () => {
    const { url, handle } = await beginSignIn(t);
    const response = await callback(t, provider.authorize(url), handle, false);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_HEADER_MISSING');
  });

  it('returns only to portal pages', async () => {
    provider.forge({});
    const { url, handle } = await beginSignIn(t, 'https://evil.example/cidadao');
    const response = await callback(t, provider.authorize(url), handle);
    expect(response.json().returnTo).toBe('/cidadao/virtual');
  });

  it('refuses over-long inputs with 400 naming the field', async () => {
    const begin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/sign-ins',
      payload: { returnTo: `/cidadao/${'a'.repeat(300)}` },
    });
    expect(begin.statusCode).toBe(400);
    expect(begin.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body.returnTo' }],
    });
    const back = await callback(t, `?code=${'x'.repeat(5000)}`, 'handle');
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields[0].field).toBe('body.query');
  });

  it('ends sessions after 30 idle minutes, and on sign-out', async () => {
    const session = cookieOf(await signInCitizen(t, provider), 'ster_citizen') ?? '';
    const api = citizenApi(t, session);
    t.clock.advance(CITIZEN_IDLE_MS + 1000);
    const idle = await api.get('/api/v1/citizen/session');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('UNAUTHENTICATED');

    const fresh = cookieOf(await signInCitizen(t, provider), 'ster_citizen') ?? '';
    const signOut = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/v1/citizen/session',
        cookies: { ster_citizen: fresh },
        headers,
      });
    const forged = await signOut({});
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_HEADER_MISSING');
    expect((await signOut({ 'x-ster-csrf': '1' })).statusCode).toBe(204);
    expect((await citizenApi(t, fresh).get('/api/v1/citizen/session')).statusCode).toBe(401);
  });
});

describe('pruning citizen sessions', () => {
  let t: TestApp;
  let provider: ForgedProvider;

  beforeAll(async () => {
    t = await createTestApp();
    provider = await startForgedProvider();
    useForgedProvider(t, provider);
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });

  it('forgets ended sessions and abandoned sign-ins, and keeps live ones', async () => {
    const count = async (table: 'citizenSessions' | 'citizenSignIns') =>
      (await t.ctx.db.selectFrom(table).select('id').execute()).length;
    const service = createCitizenAuthService(
      t.ctx,
      createCitizenAuthRepository(t.ctx.db),
      createOidcRelyingParty(() => null),
    );
    await signInCitizen(t, provider);
    await beginSignIn(t);
    await service.prune();
    expect(await count('citizenSessions')).toBe(1);
    expect(await count('citizenSignIns')).toBe(2);

    t.clock.advance(CITIZEN_ABSOLUTE_MS + CITIZEN_IDLE_MS + 1000);
    await service.prune();
    expect(await count('citizenSessions')).toBe(0);
    expect(await count('citizenSignIns')).toBe(0);
  });
});

describe('IdCorreios sign-in without configuration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 rather than failing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/sign-ins',
      payload: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
