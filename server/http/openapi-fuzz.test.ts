import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createPending, serviceId, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';

/** The part of JSON Schema the OpenAPI document uses. */
type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minLength?: number;
  minimum?: number;
  examples?: unknown[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type FuzzBody = { body: unknown; raw?: string };
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** Cases per operation and caller: about 70 operations × 3 callers × this stays near 15 s. */
const CASES = 6;
const SEED = 20261203;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e12345678909',
  '𝕏'.repeat(500),
  'x'.repeat(100_000),
  '../../etc/passwd',
  "'; drop table protocols; --",
  '%00',
  '1e309',
  '-1',
  'null',
  '{}',
  '٠١٢٣٤٥٦٧٨٩٠١٢٣',
];

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...ODD_STRINGS, null, true, -1, 1e308, 2 ** 63, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer(),
  fc.double(),
);

/**
 * A path parameter as a client would send it. Fastify refuses parameters over 100 characters
 * before our error handler sees them; that case has its own test below.
 */
function pathSegment(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    encoded = encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '?'));
  }

  return encoded.slice(0, 100).replace(/%[0-9A-F]?$/, '');
}

/** The partner contract (`/ster/api/...`) answers `{ mensagem }`; everything else `{ error }`. */
function errorBodyProblem(path: string, body: string): string | null {
  let parsed: { error?: { code?: unknown; message?: unknown }; mensagem?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'body is not JSON';
  }
  if (path.startsWith('/ster/')) {
    return typeof parsed.mensagem === 'string' ? null : 'no mensagem';
  }
  const error = parsed.error;

  return typeof error?.code === 'string' && typeof error.message === 'string'
    ? null
    : 'no error.code/message';
}

describe('OpenAPI-driven fuzzing', () => {
  let t: TestApp;
  let doc: OpenApi;
  let known: { code: string; serviceId: string };
  let callers: { name: string; headers: Record<string, string> }[];

  beforeAll(async () => {
    t = await createTestApp();
    const attendant = await t.signIn(STAFF.esmeralda);
    const backOffice = await t.signIn(STAFF.backOffice);
    const api = apiAs(t, attendant);
    const cpfService = await serviceId(api, 'RFB', '20101');
    known = { code: await createPending(api, { serviceId: cpfService }), serviceId: cpfService };
    callers = [
      { name: 'anonymous', headers: {} },
      { name: 'attendant', headers: { authorization: `Bearer ${attendant}` } },
      { name: 'back office', headers: { authorization: `Bearer ${backOffice}` } },
    ];
    doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApi>();
  });
  afterAll(() => t.close());

  function resolve(schema: Schema | undefined): Schema {
    if (schema?.$ref) {
      const name = schema.$ref.split('/').at(-1) ?? '';

      return resolve(doc.components?.schemas?.[name]);
    }

    return schema ?? {};
  }

  /** A value that has a chance of passing the schema, so the fuzzer reaches the handlers. */
  function plausible(raw: Schema | undefined, depth = 0): unknown {
    const schema = resolve(raw);
    if (schema.examples?.length) return schema.examples[0];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0];
    if (choice) return plausible(choice, depth);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') return known.serviceId;
        if (schema.format === 'date') return '2026-12-03';
        if (schema.format === 'date-time') return '2026-12-03T12:00:00Z';
        return '1'.repeat(Math.max(schema.minLength ?? 1, 1));
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return [];
      case 'object':
      case undefined: {
        if (depth > 4) return {};
        const entries = (schema.required ?? []).map((key) => [
          key,
          plausible(schema.properties?.[key], depth + 1),
        ]);

        return Object.fromEntries(entries);
      }
      default:
        return null;
    }
  }

  function pathValue(name: string): fc.Arbitrary<string> {
    const valid =
      name === 'code' || name === 'protocolo'
        ? [known.code, buildProtocolCode(2026, 424_242), `${known.code.slice(0, 13)}0`]
        : [known.serviceId, randomUUID(), '1'];

    return fc.oneof(
      fc.constantFrom(...valid),
      oddValue.map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
    );
  }

  /** Bodies: plausible, one field spoiled, one required field dropped, an extra field, or junk. */
  function bodyFor(schema: Schema | undefined): fc.Arbitrary<FuzzBody> {
    const base = plausible(schema) as Record<string, unknown> | null;
    const keys = base && typeof base === 'object' ? Object.keys(base) : [];
    const key = fc.constantFrom(...(keys.length ? keys : ['x']));

    return fc.oneof(
      fc.constant({ body: base }),
      fc
        .tuple(key, oddValue)
        .map(([name, value]) => ({ body: { ...(base ?? {}), [name]: value } })),
      key.map((name) => {
        const copy: Record<string, unknown> = { ...(base ?? {}) };
        delete copy[name];

        return { body: copy };
      }),
      oddValue.map((value) => ({ body: { ...(base ?? {}), unexpected: value } })),
      oddValue.map((value) => ({ body: value })),
      fc
        .constantFrom('{', '{"a":', '[1,', '\u0000', 'null', '"x"', '{"__proto__":{"x":1}}')
        .map((raw) => ({ body: undefined, raw })),
    );
  }

  function casesFor(path: string, operation: Operation) {
    const parameters = operation.parameters ?? [];
    const pathParams = parameters.filter((p) => p.in === 'path');
    const queryParams = parameters.filter((p) => p.in === 'query');
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;

    return fc
      .record({
        path: fc
          .tuple(...pathParams.map((p) => pathValue(p.name)))
          .map((values) =>
            pathParams.reduce(
              (url, p, index) => url.replace(`{${p.name}}`, pathSegment(values[index] ?? '')),
              path,
            ),
          ),
        query: fc.tuple(
          ...queryParams.map((p) =>
            fc.option(
              fc.oneof(
                fc.constant(String(plausible(p.schema))),
                oddValue.map((v) => (typeof v === 'string' ? v : String(v))),
              ),
            ),
          ),
        ),
        key: fc.option(fc.oneof(fc.constant(randomUUID()), fc.constantFrom(...ODD_STRINGS))),
        body: bodySchema ? bodyFor(bodySchema) : fc.constant<FuzzBody>({ body: undefined }),
      })
      .map(({ path: url, query, key, body }) => {
        const search = new URLSearchParams();
        queryParams.forEach((p, index) => {
          const value = query[index];
          if (value !== null && value !== undefined) search.set(p.name, value);
        });
        const qs = search.toString();

        return { url: qs ? `${url}?${qs}` : url, key, ...body };
      });
  }

  it('signs out cleanly, after which the token is refused', async () => {
    const token = await t.signIn(STAFF.esmeraldaColleague);
    const out = await apiAs(t, token).get('/api/v1/auth/session');
    expect(out.statusCode).toBe(200);
    const signOut = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await apiAs(t, token).get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('answers every generated request without a 5xx, with a coded error body', async () => {
    const problems: string[] = [];
    let sent = 0;
    const operations = Object.entries(doc.paths)
      .filter(([path]) => !path.startsWith('/docs'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      )
      // Signing out would end the fuzzing session; it gets its own check below.
      .filter(({ path, method }) => !(path === '/api/v1/auth/session' && method === 'delete'));
    expect(operations.length).toBeGreaterThan(20);

    for (const { path, method, operation } of operations) {
      const samples = fc.sample(casesFor(path, operation), { numRuns: CASES, seed: SEED });
      for (const caller of callers) {
        for (const sample of samples) {
          const headers: Record<string, string> = { ...caller.headers };
          if (sample.key !== null && sample.key !== undefined) {
            headers['idempotency-key'] = sample.key;
          }
          const request: InjectOptions = {
            method: method.toUpperCase() as InjectOptions['method'],
            url: sample.url,
            headers,
          };
          if (sample.raw !== undefined) {
            request.payload = sample.raw;
            headers['content-type'] = 'application/json';
          } else if (sample.body !== undefined && method !== 'get') {
            request.payload = JSON.stringify(sample.body);
            headers['content-type'] = 'application/json';
          }
          const response = await t.app.inject(request);
          sent += 1;
          const where = `${method.toUpperCase()} ${path} as ${caller.name}: ${sample.url.slice(0, 120)}`;
          if (response.statusCode >= 500) {
            problems.push(`${where} → ${response.statusCode} ${response.body.slice(0, 300)}`);
            continue;
          }
          const problem = response.statusCode >= 400 ? errorBodyProblem(path, response.body) : null;
          if (problem) {
            problems.push(
              `${where} → ${response.statusCode}, ${problem}: ${response.body.slice(0, 200)}`,
            );
          }
        }
      }
    }

    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(operations.length * CASES);
  }, 60_000);

  it.each([
    [
      'an over-long path parameter',
      `/api/v1/backoffice/partners/${'1'.repeat(101)}/credentials/x/rotate`,
    ],
    ['a malformed percent-encoding', '/api/v1/protocols/%E0%A4%A'],
  ])('answers %s with a coded error body', async (_name, url) => {
    const response = await t.app.inject({ method: 'POST', url });
    expect(response.statusCode).toBeLessThan(500);
    expect(errorBodyProblem(url, response.body)).toBeNull();
  });
});
