import { expect } from 'vitest';
import {
  backOfficeApi,
  newClient,
  newContract,
  newService,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import {
  codigoFor,
  createPartner,
  registra,
  registraBody,
} from '@server/modules/partner/partner.fixtures.ts';
import {
  apiAs,
  counterReference,
  createVirtual,
  prizeAttendanceBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';

/** Test helpers for billing, built on the public API only. */

export const BRASILCAP_INVOICED = '9912300002';
export const DETRAN = '9912300050';

const at = (code: string, action: string) => `/api/v1/counter/protocols/${code}/${action}`;

/** Signs in afresh: the test clock moves past session timeouts. */
export async function counterAs(t: TestApp, registration: string = STAFF.esmeralda) {
  return apiAs(t, await t.signIn(registration));
}

export async function backOfficeOf(t: TestApp) {
  return apiAs(t, await t.signIn(STAFF.backOffice));
}

/** An invoiced Brasilcap prize payment finalised at the counter now; returns its code. */
export async function finalisedPrize(t: TestApp): Promise<string> {
  const counter = await counterAs(t);
  const prize = await serviceId(counter, 'BRASILCAP', '10102');
  const created = await counter.post('/api/v1/attendances/in-person', prizeAttendanceBody(prize));
  expect(created.statusCode).toBe(201);
  const code = created.json<{ protocol: { code: string } }>().protocol.code;
  expect((await counter.post(at(code, 'generate'))).statusCode).toBe(200);
  expect((await counter.post(at(code, 'finalise'), counterReference())).statusCode).toBe(200);

  return code;
}

export async function reverse(t: TestApp, code: string) {
  const counter = await counterAs(t);
  const reversed = await counter.post(at(code, 'reverse'), { reason: 'Lançamento indevido' });
  expect(reversed.statusCode).toBe(200);
}

/** A virtual DETRAN-GO licensing protocol (finalised at once); returns its code. */
export async function virtualLicensing(t: TestApp): Promise<string> {
  const counter = await counterAs(t);

  return createVirtual(counter, await serviceId(counter, 'DETRANGO', '50101'));
}

export async function contractId(api: Api, number: string): Promise<string> {
  const response = await api.get('/api/v1/billing/contracts');
  expect(response.statusCode).toBe(200);
  const found = response
    .json<{ contracts: { id: string; number: string }[] }>()
    .contracts.find((contract) => contract.number === number);
  if (!found) throw new Error(`contract ${number} not listed`);

  return found.id;
}

export type StatementBody = {
  id: string;
  number: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  totalCents: number;
  chargeCents: number;
  creditCents: number;
  contentHash: string;
  lines: { kind: string; protocolCode: string; totalCents: number; itemKind: string }[];
  totalsByService: { serviceCode: string; protocolCount: number; totalCents: number }[];
};

export async function generate(api: Api, contract: string, day?: string): Promise<StatementBody> {
  const response = await api.post('/api/v1/billing/statements', {
    contractId: contract,
    ...(day ? { day } : {}),
  });
  expect(response.statusCode).toBe(200);

  return response.json<StatementBody>();
}

export async function issue(api: Api, statementId: string): Promise<StatementBody> {
  const response = await api.post(`/api/v1/billing/statements/${statementId}/issue`);
  expect(response.statusCode, response.body).toBe(200);

  return response.json<StatementBody>();
}

/** The codes a statement charges, and the codes it credits. */
export function codesOn(statement: StatementBody) {
  const of = (kind: string) => [
    ...new Set(statement.lines.filter((line) => line.kind === kind).map((l) => l.protocolCode)),
  ];

  return { charged: of('charge').sort(), credited: of('credit').sort() };
}

/**
 * A sandbox sale on an invoiced contract, finalised at the counter: a new client whose site
 * registers through a sandbox credential, so the protocol is a test one. Returns its code.
 */
export async function sandboxInvoicedSale(t: TestApp) {
  const backOffice = backOfficeApi(t, await t.signIn(STAFF.backOffice));
  const client = await newClient(backOffice);
  const contract = await newContract(backOffice, client.id, { modality: 'invoiced' });
  const service = await newService(backOffice, contract.id, {
    solution: 'clientSite',
    clientSiteUrl: 'https://parceiro.example/venda',
  });
  const tariff = await backOffice.post(`/api/v1/backoffice/services/${service.id}/tariffs`, {
    amountCents: 1500,
    validFrom: '2026-01-01',
  });
  expect(tariff.statusCode).toBe(201);
  const partner = await createPartner(t, { clientCode: String(client.code), mode: 'sandbox' });
  const codigo = await codigoFor(t, {
    clientCode: String(client.code),
    serviceCode: String(service.code),
  });
  const sale = await registra(t, partner.token, registraBody(codigo));
  expect(sale.statusCode, sale.body).toBe(200);
  const code = sale.json<{ protocolo: string }>().protocolo;
  const counter = await counterAs(t);
  expect((await counter.post(at(code, 'generate'))).statusCode).toBe(200);
  expect((await counter.post(at(code, 'finalise'), counterReference())).statusCode).toBe(200);

  return { code, contractNumber: String(contract.number) };
}
