import { inflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WIDTH } from '@server/modules/receipt/receipt.pdf.ts';
import { formatBRL } from '@shared/money.ts';
import {
  apiAs,
  counterReference,
  createPending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

/** The few WinAnsi bytes that differ from Latin-1 and that a receipt may carry. */
const WIN_ANSI_EXTRAS: Record<number, string> = { 0x96: '–', 0x97: '—', 0x93: '“', 0x94: '”' };

function decodeWinAnsi(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');

  return [...bytes].map((byte) => WIN_ANSI_EXTRAS[byte] ?? String.fromCharCode(byte)).join('');
}

/**
 * The text a PDF shows, one string per text-showing operator: inflates every stream and reads
 * pdfkit's `[<hex> kern <hex>] TJ` arrays. Enough for our own renderer's output, no more.
 */
function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  // Streams are cut by their declared /Length: compressed bytes may themselves end in "\r" or
  // hold "endstream", so searching for the keyword would clip some of them.
  for (const match of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const bytes = Buffer.from(raw.slice(start, start + Number(match[1])), 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]);
      texts.push(decodeWinAnsi(hex.join('')));
    }
  }

  return texts;
}

function expectPdf(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  return pdfText(response.rawPayload);
}

describe('GET /api/v1/counter/protocols/:code/receipt.pdf', () => {
  let t: TestApp;
  let api: Api;
  let cpfService: string;

  const pdfUrl = (code: string) => `/api/v1/counter/protocols/${code}/receipt.pdf`;

  async function finalised(): Promise<string> {
    const code = await createPending(api, { serviceId: cpfService });
    await api.post(`/api/v1/counter/protocols/${code}/generate`);
    const response = await api.post(
      `/api/v1/counter/protocols/${code}/finalise`,
      counterReference(),
    );
    expect(response.statusCode).toBe(200);

    return code;
  }

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  it('renders the client receipt of a finalised protocol on an 80 mm page', async () => {
    const code = await finalised();
    const json = (await api.get(`/api/v1/counter/protocols/${code}/receipt`)).json();

    const response = await api.get(pdfUrl(code));
    const text = expectPdf(response);

    expect(response.headers['content-disposition']).toBe(
      `inline; filename="comprovante-${code}.pdf"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(text).toContain('COMPROVANTE DO CLIENTE');
    expect(text).toContain('AC ESMERALDA – 00001001');
    expect(text).toContain('Receita Federal do Brasil');
    expect(text).toContain(json.receipt.client.document);
    expect(text).toContain(json.receipt.citizenDocument);
    expect(text).toContain(`Protocolo STER: ${code}`);
    expect(text).toContain(code);
    expect(text).toContain('Cód. Adm.: ');
    expect(text).toContain('TOTAL DO ATENDIMENTO');
    expect(text).toContain(formatBRL(850));
    expect(text).toContain(json.receipt.finalisedAtLocal.split(', ')[0]);
    expect(text).not.toContain('ESTORNADO');

    const mediaBox = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(response.rawPayload.toString());
    expect(Number(mediaBox?.[1])).toBeCloseTo(PAGE_WIDTH, 2);
    expect(Number(mediaBox?.[2])).toBeLessThan(600);
    expect(response.rawPayload.toString('latin1')).toContain('/Subtype /Image');
  });

  it('marks a reversed attendance ESTORNADO', async () => {
    const code = await finalised();
    const reversed = await api.post(`/api/v1/counter/protocols/${code}/reverse`, {
      reason: 'Valor cobrado em duplicidade',
    });
    expect(reversed.statusCode).toBe(200);

    const text = expectPdf(await api.get(pdfUrl(code)));

    expect(text).toContain('ESTORNADO');
    expect(text).toContain(`Protocolo STER: ${code}`);
  });

  it('prints the invoiced statement for an invoiced contract', async () => {
    const prizeService = await serviceId(api, 'BRASILCAP', '10102');
    const code = await createPending(api, {
      serviceId: prizeService,
      formData: {
        nome: 'Maria da Silva',
        cpf: '123.456.789-09',
        nascimento: '1990-05-17',
        numeroTitulo: '1234567890',
        valorPremio: 150000,
      },
      documentsChecked: ['identidade', 'titulo'],
    });
    await api.post(`/api/v1/counter/protocols/${code}/generate`);
    await api.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference());
    const json = (await api.get(`/api/v1/counter/protocols/${code}/receipt`)).json();

    const text = expectPdf(await api.get(pdfUrl(code)));

    expect(text).toContain('A FATURAR');
    expect(text.join(' ')).toContain('mediante fatura');
    expect(text).toContain(json.receipt.modalityLabel);
    expect(text).toContain('Brasilcap Capitalização S.A.');
  });

  it('refuses a pending protocol with 422', async () => {
    const code = await createPending(api, { serviceId: cpfService });

    const response = await api.get(pdfUrl(code));

    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('RULE_VIOLATED');
  });

  it('answers 404 to an attendant of another agency', async () => {
    const code = await finalised();
    const other = apiAs(t, await t.signIn(STAFF.aguaSanta));

    const response = await other.get(pdfUrl(code));

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('PROTOCOL_NOT_FOUND');
  });

  it('rejects a code with a wrong check digit with 400 before any lookup', async () => {
    const code = await finalised();
    const last = Number(code.slice(-1));
    const typo = `${code.slice(0, -1)}${(last + 1) % 10}`;

    const response = await api.get(pdfUrl(typo));

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('PROTOCOL_CODE_INVALID');
  });

  it('answers 401 without a session', async () => {
    const code = await finalised();

    const response = await apiAs(t).get(pdfUrl(code));

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});
