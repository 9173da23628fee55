import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '@test/harness.ts';
import { FORGED_CLIENT, type ForgedProvider, type Forgery } from '@test/forged-provider.ts';

/** Points the test app's citizen sign-in at the forged provider. */
export function useForgedProvider(t: TestApp, provider: ForgedProvider) {
  t.ctx.config.oidc = {
    issuer: provider.issuer,
    ...FORGED_CLIENT,
    redirectUri: 'http://127.0.0.1/cidadao/retorno',
  };
}

/** The value of a cookie the response sets, or undefined. */
export function cookieOf(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((cookie) => cookie.name === name)?.value || undefined;
}

/** Starts a sign-in; answers the authorization URL and the sign-in cookie. */
export async function beginSignIn(t: TestApp, returnTo = '/cidadao/virtual') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/sign-ins',
    payload: { returnTo },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in did not start: ${response.body}`);

  return {
    url: response.json<{ url: string }>().url,
    handle: cookieOf(response, 'ster_idcorreios'),
  };
}

export function callback(t: TestApp, query: string, handle: string | undefined, csrf = true) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/callback',
    headers: csrf ? { 'x-ster-csrf': '1' } : {},
    cookies: handle ? { ster_idcorreios: handle } : {},
    payload: { query },
  });
}

/** A whole sign-in through the provider, with the ID token forged as asked. */
export async function signInCitizen(t: TestApp, provider: ForgedProvider, forgery: Forgery = {}) {
  provider.forge(forgery);
  const { url, handle } = await beginSignIn(t);

  return callback(t, provider.authorize(url), handle);
}

/** Requests as a signed-in citizen: the session cookie, and the CSRF header on changes. */
export function citizenApi(t: TestApp, session: string) {
  const cookies = { ster_citizen: session };

  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, cookies }),
    post: (
      url: string,
      payload: object,
      headers: Record<string, string> = { 'x-ster-csrf': '1' },
    ) => t.app.inject({ method: 'POST', url, cookies, headers, payload }),
  };
}
