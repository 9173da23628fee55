import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, CPFS, cpfFormData, serviceId, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';

const STATUS = '/api/v1/public/protocols/status';
const VOUCHER = '/api/v1/public/pre-attendances/voucher';

/** The code with its last (check) digit changed. */
const withWrongCheckDigit = (code: string) =>
  `${code.slice(0, 13)}${(Number(code.slice(13)) + 1) % 10}`;

describe('public status lookup and voucher', () => {
  let t: TestApp;
  let staff: Api;
  let code: string;
  let cpfService: string;

  const post = (url: string, payload: object, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp();
    staff = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(staff, 'RFB', '20101');
    const created = await apiAs(t).post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: CPFS[1], name: 'Maria da Silva' },
      formData: cpfFormData({ cpf: CPFS[1] }),
    });
    code = created.json().protocol.code;
  });
  afterAll(() => t.close());

  it('shows the status, its dates, the service and no personal data', async () => {
    const response = await post(STATUS, { code, document: '529.982.247-25' });
    expect(response.statusCode).toBe(200);
    const { protocol } = response.json();
    expect(protocol).toMatchObject({
      code,
      status: 'preAttendance',
      statusLabel: 'Pré-atendimento',
      service: { code: '20101' },
      client: { name: expect.stringContaining('Receita') },
      agency: null,
    });
    expect(protocol.dates).toEqual([
      { status: 'preAttendance', label: 'Pré-atendimento', at: protocol.createdAt },
    ]);
    expect(response.body).not.toMatch(/52998224725|982\.247|Maria|Joana/);
  });

  it('follows the protocol to the counter: pending at the agency, then finalised', async () => {
    const completed = await staff.post(`/api/v1/protocols/${code}/complete`, {
      documentsChecked: ['identidade', 'residencia'],
    });
    expect(completed.statusCode).toBe(200);
    const { protocol } = (await post(STATUS, { code, document: CPFS[1] })).json();
    expect(protocol.status).toBe('pending');
    expect(protocol.agency.name).toBe('AC ESMERALDA');
    expect(protocol.dates.map((date: { status: string }) => date.status)).toEqual([
      'preAttendance',
      'pending',
    ]);
  });

  it('answers a wrong CPF exactly as an unknown code', async () => {
    const wrongCpf = await post(STATUS, { code, document: CPFS[0] });
    const unknown = await post(STATUS, {
      code: buildProtocolCode(2026, 99_999_999),
      document: CPFS[1],
    });
    expect(wrongCpf.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongCpf.json()).toEqual(unknown.json());
    expect(wrongCpf.json().error.code).toBe('PROTOCOL_NOT_FOUND');
  });

  it('refuses a wrong check digit before any lookup, saying so', async () => {
    const response = await post(STATUS, { code: withWrongCheckDigit(code), document: CPFS[1] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'PROTOCOL_CODE_INVALID',
      fields: [{ field: 'body.code', code: 'checkDigit' }],
    });
    expect(response.json().error.message).toContain('dígito');
  });

  it('refuses an invalid CPF and over-long input naming the field', async () => {
    const cpf = await post(STATUS, { code, document: '111.111.111-11' });
    expect(cpf.statusCode).toBe(400);
    expect(cpf.json().error.fields[0].field).toBe('body.document');
    const long = await post(STATUS, { code, document: '1'.repeat(19) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0]).toMatchObject({ field: 'body.document' });
    const extra = await post(STATUS, { code, document: CPFS[1], name: 'x' });
    expect(extra.json().error.fields[0]).toMatchObject({ field: 'body.name', code: 'unknown' });
  });

  it('limits lookups per address to 10 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await post(STATUS, { code, document: CPFS[i % 4] }, '10.9.9.9')).statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    const refused = await post(STATUS, { code, document: CPFS[1] }, '10.9.9.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await post(STATUS, { code, document: CPFS[1] }, '10.9.9.8')).statusCode).toBe(200);
  });

  it('gives the voucher: code, barcode, QR code, documents, expiry, any agency', async () => {
    const created = await apiAs(t).post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: CPFS[3] },
      formData: cpfFormData({ cpf: CPFS[3] }),
    });
    const fresh = created.json().protocol;
    const response = await post(VOUCHER, { code: fresh.code, document: CPFS[3] }, '10.0.0.2');
    expect(response.statusCode).toBe(200);
    const { voucher } = response.json();
    expect(voucher).toMatchObject({
      code: fresh.code,
      status: 'preAttendance',
      requiredDocuments: [
        { id: 'identidade', label: 'Documento de identidade com foto' },
        { id: 'residencia', label: 'Comprovante de residência' },
      ],
      expiresAt: fresh.expiresAt,
    });
    expect(voucher.notice).toContain('qualquer agência própria ou franqueada');
    expect(voucher.barcodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(voucher.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(voucher.qrSvg).not.toBe(voucher.barcodeSvg);

    const pdf = await post(`${VOUCHER}.pdf`, { code: fresh.code, document: CPFS[3] }, '10.0.0.2');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const wrong = await post(`${VOUCHER}.pdf`, { code: fresh.code, document: CPFS[0] }, '10.0.0.2');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('PROTOCOL_NOT_FOUND');
  });
});
