import { generateCnpj } from '@brazilian-utils/brazilian-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backOfficeApi,
  unique,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const ERP_TOKEN = 'erp-segredo-de-teste-0123456789';
const HEADER =
  'tipo;cnpj;sigla;nome;tipo_cliente;contrato;cod_adm;cartao;modalidade;associados;servico;' +
  'solucao;url_site;atendimentos;validade_pre_dias;valor_centavos;inicio;fim';

/** A catalogue file for one new client: its contract, a hosted-form service and a tariff. */
function catalogueFile(overrides: { tariff?: string; extra?: string[] } = {}) {
  const cnpj = generateCnpj();
  const contract = `ERP-${unique()}`;
  const service = unique();
  const lines = [
    HEADER,
    `cliente;${cnpj};C${unique()};Seguradora Importada;private;;;;;;;;;;;;;`,
    `contrato;${cnpj};;;;${contract};12345678;0012345678;cash;sim;;;;;;;2026-01-01;`,
    `servico;;;Aviso de Sinistro;;${contract};;;;;${service};hostedForm;;inPerson,preAttendance;15;;;`,
    overrides.tariff ?? `tarifa;;;;;${contract};;;;;${service};;;;;1500;2026-01-01;`,
    ...(overrides.extra ?? []),
  ];

  return { cnpj, contract, service, content: `${lines.join('\n')}\n` };
}

describe('ERP catalogue import', () => {
  let t: TestApp;
  let api: BackOfficeApi;

  const preview = (content: string, format = 'csv') =>
    api.post('/api/v1/backoffice/erp-imports', { format, content, fileName: 'catalogo.csv' });
  const apply = (id: string) => api.post(`/api/v1/backoffice/erp-imports/${id}/apply`);
  const clientsNamed = async (cnpj: string) =>
    (await api.get('/api/v1/backoffice/clients?q=Importada&limit=100'))
      .json<{ clients: { id: string; cnpj: string; name: string; version: number }[] }>()
      .clients.filter((client) => client.cnpj === cnpj);

  beforeAll(async () => {
    t = await createTestApp({ config: { erpToken: ERP_TOKEN } });
    api = backOfficeApi(t, await t.signIn(STAFF.backOffice));
  });
  afterAll(() => t.close());

  it('previews a good file without writing, then applies it all and logs who did it', async () => {
    const file = catalogueFile();
    const dry = await preview(file.content);
    expect(dry.statusCode).toBe(201);
    const previewed = dry.json().import;
    expect(previewed).toMatchObject({
      status: 'previewed',
      source: 'file',
      summary: { create: 4, change: 0, close: 0, unchanged: 0 },
    });
    expect(previewed.operations.map((op: { line: number }) => op.line)).toEqual([2, 3, 4, 5]);
    expect(await clientsNamed(file.cnpj)).toEqual([]);

    const applied = await apply(previewed.id);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().import).toMatchObject({
      status: 'applied',
      appliedBy: expect.any(String),
    });

    const [client] = await clientsNamed(file.cnpj);
    expect(client).toBeDefined();
    const services = await api.get(`/api/v1/backoffice/services?clientId=${client?.id}`);
    const [service] = services.json().services;
    expect(service).toMatchObject({
      code: file.service,
      attendanceTypes: ['inPerson', 'preAttendance'],
      preAttendanceExpiryDays: 15,
    });
    const tariffs = await api.get(`/api/v1/backoffice/services/${service.id}/tariffs`);
    expect(tariffs.json().tariffs).toMatchObject([{ amountCents: 1500, validFrom: '2026-01-01' }]);

    const log = await api.get(`/api/v1/backoffice/changes?entity=client&entityId=${client?.id}`);
    expect(log.json().changes[0].actor.label).toContain('90000001');
    expect(log.json().changes[0].actor.label).toContain('importação ERP');

    const again = await apply(previewed.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('changes nothing when the same file is imported twice', async () => {
    const file = catalogueFile();
    await apply((await preview(file.content)).json().import.id);
    const changesBefore = (await api.get('/api/v1/backoffice/changes')).json().page.total;

    const second = await preview(file.content);
    expect(second.json().import.summary).toEqual({ create: 0, change: 0, close: 0, unchanged: 4 });
    expect((await apply(second.json().import.id)).statusCode).toBe(200);
    expect((await api.get('/api/v1/backoffice/changes')).json().page.total).toBe(changesBefore);
    expect((await clientsNamed(file.cnpj))[0]?.version).toBe(1);
  });

  it('reports a bad row with its line and column and applies nothing', async () => {
    const file = catalogueFile({ tariff: `tarifa;;;;;X;;;;;1;;;;;quinze;2026-01-01;` });
    const response = await preview(file.content);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ field: 'lines.5.valor_centavos', code: 'row' }),
    ]);
    expect(response.json().error.message).toContain('Linha 5');
    expect(await clientsNamed(file.cnpj)).toEqual([]);
  });

  it('refuses rows naming records that exist neither in STER nor in the file', async () => {
    const file = catalogueFile({
      extra: [`tarifa;;;;;NAO-EXISTE;;;;;${unique()};;;;;900;2026-01-01;`],
    });
    const response = await preview(file.content);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0]).toMatchObject({ field: 'lines.6.contrato' });
    expect(await clientsNamed(file.cnpj)).toEqual([]);
  });

  it('closes the tariff in force the day before a new one starts', async () => {
    const file = catalogueFile();
    await apply((await preview(file.content)).json().import.id);
    const next = catalogueFile({
      tariff: `tarifa;;;;;${file.contract};;;;;${file.service};;;;;1800;2027-01-01;`,
    });
    const content = file.content.trimEnd() + '\n' + next.content.split('\n')[4] + '\n';
    const dry = await preview(content);
    expect(dry.statusCode).toBe(201);
    expect(dry.json().import.summary).toEqual({ create: 1, change: 0, close: 1, unchanged: 4 });
    expect((await apply(dry.json().import.id)).statusCode).toBe(200);

    const [client] = await clientsNamed(file.cnpj);
    const [service] = (await api.get(`/api/v1/backoffice/services?clientId=${client?.id}`)).json()
      .services;
    const tariffs = (await api.get(`/api/v1/backoffice/services/${service.id}/tariffs`)).json();
    expect(
      tariffs.tariffs.map((tariff: { validFrom: string; validTo: string | null }) => [
        tariff.validFrom,
        tariff.validTo,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['2026-01-01', '2026-12-31'],
        ['2027-01-01', null],
      ]),
    );
  });

  it('refuses to apply a dry run when the catalogue changed since (409), applying nothing', async () => {
    const file = catalogueFile();
    await apply((await preview(file.content)).json().import.id);
    const renamed = file.content.replace('Seguradora Importada', 'Seguradora Importada Nova');
    const dry = await preview(renamed);
    expect(dry.json().import.summary.change).toBe(1);
    const [client] = await clientsNamed(file.cnpj);
    await api.patch(`/api/v1/backoffice/clients/${client?.id}`, { kind: 'public' });

    const stale = await apply(dry.json().import.id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await clientsNamed(file.cnpj))[0]?.name).toBe('Seguradora Importada');
  });

  it('reads the same catalogue from a JSON file', async () => {
    const cnpj = generateCnpj();
    const registros = [
      {
        tipo: 'cliente',
        cnpj,
        sigla: `J${unique()}`,
        nome: 'Importada JSON',
        tipo_cliente: 'public',
      },
      {
        tipo: 'contrato',
        cnpj,
        contrato: `J-${unique()}`,
        cod_adm: '12345678',
        cartao: '0012345678',
        modalidade: 'invoiced',
        inicio: '2026-01-01',
      },
    ];
    const response = await preview(JSON.stringify({ registros }), 'json');
    expect(response.statusCode).toBe(201);
    expect(response.json().import.summary.create).toBe(2);

    const broken = await preview('{"registros": [', 'json');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.fields[0].field).toMatch(/^lines\.\d+$/);
  });

  it('lets the ERP push with its own credential, attributed to the ERP', async () => {
    const cnpj = generateCnpj();
    const body = {
      registros: [
        {
          tipo: 'cliente',
          cnpj,
          sigla: `E${unique()}`,
          nome: 'Importada ERP',
          tipo_cliente: 'private',
        },
      ],
    };
    const url = '/erp/api/v1/catalogue-imports';
    const none = await t.app.inject({ method: 'POST', url, payload: body });
    expect(none.statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { authorization: 'Bearer errado' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');

    const headers = { authorization: `Bearer ${ERP_TOKEN}` };
    const dry = await t.app.inject({ method: 'POST', url, payload: body, headers });
    expect(dry.statusCode).toBe(201);
    expect(dry.json().import.source).toBe('erp');
    const id = dry.json().import.id;
    const applied = await t.app.inject({ method: 'POST', url: `${url}/${id}/apply`, headers });
    expect(applied.statusCode).toBe(200);

    const [client] = await clientsNamed(cnpj);
    const log = await api.get(`/api/v1/backoffice/changes?entity=client&entityId=${client?.id}`);
    expect(log.json().changes[0].actor).toMatchObject({ id: null });
    expect(log.json().changes[0].actor.label).toMatch(/^ERP \(importação ERP/);

    const fileImport = (await preview(catalogueFile().content)).json().import.id;
    const foreign = await t.app.inject({
      method: 'POST',
      url: `${url}/${fileImport}/apply`,
      headers,
    });
    expect(foreign.statusCode).toBe(404);

    const badRecord = await t.app.inject({
      method: 'POST',
      url,
      payload: {
        registros: [
          { tipo: 'tarifa', contrato: 'X', servico: '1', valor_centavos: -5, inicio: '2026-01-01' },
        ],
      },
      headers,
    });
    expect(badRecord.statusCode).toBe(422);
    expect(badRecord.json().error.fields[0].field).toBe('lines.1.valor_centavos');
    expect(badRecord.json().error.message).toContain('Registro 1, coluna valor_centavos');
  });

  it('keeps the ERP endpoint closed when no credential is configured', async () => {
    const closed = await createTestApp();
    try {
      const response = await closed.app.inject({
        method: 'POST',
        url: '/erp/api/v1/catalogue-imports',
        payload: { registros: [{ tipo: 'cliente' }] },
        headers: { authorization: 'Bearer qualquer' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toContain('STER_ERP_TOKEN');
    } finally {
      await closed.close();
    }
  });

  it('answers 403 to attendants and 401 to anonymous callers on every import route', async () => {
    const attendant = apiAs(t, await t.signIn(STAFF.esmeralda));
    const anonymous = apiAs(t);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const caller of [attendant, anonymous]) {
      const expected = caller === attendant ? 403 : 401;
      expect((await caller.get('/api/v1/backoffice/erp-imports')).statusCode).toBe(expected);
      expect((await caller.get(`/api/v1/backoffice/erp-imports/${id}`)).statusCode).toBe(expected);
      expect(
        (await caller.post('/api/v1/backoffice/erp-imports', { format: 'csv', content: HEADER }))
          .statusCode,
      ).toBe(expected);
      expect((await caller.post(`/api/v1/backoffice/erp-imports/${id}/apply`)).statusCode).toBe(
        expected,
      );
    }
  });
});
