import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportsModule, EXPORT_KEEP_DAYS } from '@server/modules/reports/reports.module.ts';
import { STALE_AFTER_MS } from '@server/modules/reports/reports.exports.worker.ts';
import {
  apiAs,
  CPFS,
  createPending,
  finalisePending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { TestClock } from '@test/clock.ts';

const START = new Date('2027-05-03T13:00:00Z');
const PERIOD = { from: '2027-05-01', to: '2027-05-31' };
const PROTOCOLS = 7;

type ExportView = {
  id: string;
  status: string;
  rowsDone: number;
  rowsTotal: number;
  downloadUrl: string | null;
};

/** Parses our CSV (`;`, quoted fields with doubled quotes, CRLF); returns the BOM separately. */
function parseCsv(text: string): { bom: boolean; rows: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }

  return { bom, rows };
}

/** Renders page `page` of a PDF to a grey image (poppler's pdftoppm) and reads its pixels. */
function renderPage(pdf: Buffer, page: number): { width: number; height: number; pixels: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ster-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '40',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'out'),
    ]);
    const image = readFileSync(join(dir, 'out.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.toString('latin1', 0, 40));
    if (!header) throw new Error('not a PGM image');
    const [, width = '0', height = '0'] = header;

    return {
      width: Number(width),
      height: Number(height),
      pixels: image.subarray(header[0].length),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ster-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);

    return execFileSync('pdftotext', ['-layout', join(dir, 'in.pdf'), '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report exports', () => {
  let t: TestApp;
  let esmeralda: Api;
  let backOffice: Api;
  let codes: string[];
  let totalCents: number;

  const requestExport = async (api: Api, body: Record<string, unknown>) => {
    const response = await api.post('/api/v1/reports/exports', { ...PERIOD, ...body });
    expect(response.statusCode, response.body).toBe(202);

    return response.json<{ export: ExportView }>().export;
  };
  const status = async (api: Api, id: string) =>
    (await api.get(`/api/v1/reports/exports/${id}`)).json<{ export: ExportView }>().export;
  const download = async (api: Api, view: ExportView) => {
    const response = await t.app.inject({
      method: 'GET',
      url: view.downloadUrl ?? '',
      headers: { authorization: `Bearer ${await t.signIn(STAFF.esmeralda)}` },
    });
    void api;

    return response;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(START) });
    esmeralda = apiAs(t, await t.signIn(STAFF.esmeralda));
    backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const cpf = await serviceId(esmeralda, 'RFB', '20101');
    codes = [];
    for (let i = 0; i < PROTOCOLS; i++) {
      const code = await createPending(esmeralda, { serviceId: cpf, document: CPFS[i % 4] });
      await finalisePending(esmeralda, code);
      codes.push(code);
    }
    const sum = await sql<{ cents: number }>`select sum(total_cents)::int as cents from protocols
      where code = any(${codes})`.execute(t.ctx.db);
    totalCents = sum.rows[0]?.cents ?? 0;
  });
  afterAll(() => t.close());

  it('returns 202 at once and records the job; the request produces no file', async () => {
    const view = await requestExport(esmeralda, { format: 'csv' });
    expect(view).toMatchObject({ status: 'queued', rowsDone: 0, downloadUrl: null });
    const early = await esmeralda.get(`/api/v1/reports/exports/${view.id}/file`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RULE_VIOLATED');
    await createReportsModule(t.ctx).worker.runDue();
  });

  it('writes a CSV with BOM, `;` and Brazilian numbers that parses back to the protocols', async () => {
    const view = await requestExport(esmeralda, { format: 'csv' });
    const progress: number[] = [];
    const module = createReportsModule(t.ctx, {
      pageRows: 3,
      afterPage: async (job) => {
        const seen = await status(esmeralda, job.id);
        expect(seen.status).toBe('running');
        progress.push(seen.rowsDone);
      },
    });
    await module.worker.runDue();

    expect(progress).toEqual([3, 6, 7]);
    const done = await status(esmeralda, view.id);
    expect(done).toMatchObject({ status: 'done', rowsDone: PROTOCOLS, rowsTotal: PROTOCOLS });
    const file = await download(esmeralda, done);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const { bom, rows } = parseCsv(file.rawPayload.toString('utf8'));
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([
      'Protocolo',
      'Data e hora',
      'Situação',
      'Modalidade',
      'Cliente',
      'Serviço',
      'Agência',
      'Atendente',
      'CPF/CNPJ',
      'Valor (R$)',
    ]);
    const data = rows.slice(1);
    expect(data.map((row) => row[0]).sort()).toEqual([...codes].sort());
    for (const row of data) {
      expect(row[8]).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
      expect(row[9]).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
    }
    const parsedCents = data.reduce(
      (sum, row) => sum + Number((row[9] ?? '').replace(/\./g, '').replace(',', '')),
      0,
    );
    expect(parsedCents).toBe(totalCents);
  });

  it('writes an XLSX that reads back with the same library: summary and protocols', async () => {
    const view = await requestExport(esmeralda, { format: 'xlsx', groupBy: 'service' });
    await createReportsModule(t.ctx).worker.runDue();
    const file = await download(esmeralda, await status(esmeralda, view.id));
    expect(file.statusCode).toBe(200);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Resumo');
    const sheet = workbook.getWorksheet('Protocolos');
    expect(summary?.getRow(4).values).toEqual([
      undefined,
      'Serviço',
      'Atendimentos',
      'Valor (R$)',
      'Realizado (R$)',
    ]);
    expect(summary?.getRow(5).getCell(1).value).toBe('20101 – CPF – Inscrição');
    const totalRow = summary?.getRow(6);
    expect(totalRow?.getCell(1).value).toBe('Total');
    expect(totalRow?.getCell(2).value).toBe(PROTOCOLS);
    expect(totalRow?.getCell(3).value).toBe(totalCents / 100);
    expect(sheet?.rowCount).toBe(PROTOCOLS + 1);
    const listed: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) listed.push(String(row.getCell(1).value));
    });
    expect(listed.sort()).toEqual([...codes].sort());
  });

  it('writes a PDF that renders: title, totals, bars of the chart and the protocols', async () => {
    const view = await requestExport(esmeralda, { format: 'pdf', groupBy: 'day' });
    await createReportsModule(t.ctx).worker.runDue();
    const file = await download(esmeralda, await status(esmeralda, view.id));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const text = pdfText(file.rawPayload);
    expect(text).toContain('Relatório de atendimentos – STER');
    expect(text).toContain('Período 01/05/2027 a 31/05/2027');
    expect(text).toContain('03/05/2027');
    for (const code of codes) expect(text).toContain(code);

    const first = renderPage(file.rawPayload, 1);
    expect(first.width).toBeGreaterThan(first.height); // landscape A4
    // The chart's bar for 03/05 is a solid dark block: find a run of dark pixels that long.
    let longest = 0;
    for (let y = 0; y < first.height; y++) {
      let run = 0;
      for (let x = 0; x < first.width; x++) {
        run = (first.pixels[y * first.width + x] ?? 255) < 128 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    expect(longest).toBeGreaterThan(first.width / 3);
  });

  it('lets only the requester see and download an export', async () => {
    const view = await requestExport(esmeralda, { format: 'csv' });
    await createReportsModule(t.ctx).worker.runDue();
    const other = apiAs(t, await t.signIn(STAFF.esmeraldaColleague));
    for (const url of [
      `/api/v1/reports/exports/${view.id}`,
      `/api/v1/reports/exports/${view.id}/file`,
    ]) {
      const response = await other.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('exports only the requester’s agency: the forced filter is stored with the job', async () => {
    const goiania = apiAs(t, await t.signIn(STAFF.goiania));
    const view = await requestExport(goiania, { format: 'csv' });
    await createReportsModule(t.ctx).worker.runDue();
    const done = await status(goiania, view.id);
    expect(done).toMatchObject({ status: 'done', rowsDone: 0 });

    const refused = await goiania.post('/api/v1/reports/exports', {
      format: 'csv',
      agencyId: (
        await sql<{ id: string }>`select id from agencies where code = '00001001'`.execute(t.ctx.db)
      ).rows[0]?.id,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields[0].field).toBe('body.agencyId');
  });

  it('refuses an unknown format with 400 naming the field', async () => {
    const response = await backOffice.post('/api/v1/reports/exports', { format: 'docx' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields[0].field).toBe('body.format');
  });

  it('deletes an export a week after it is ready, when the scheduled work runs', async () => {
    const view = await requestExport(esmeralda, { format: 'csv' });
    const module = createReportsModule(t.ctx);
    await module.tick();
    expect((await status(esmeralda, view.id)).status).toBe('done');
    t.clock.advanceDays(EXPORT_KEEP_DAYS + 1);
    const fresh = apiAs(t, await t.signIn(STAFF.esmeralda));
    await module.tick();
    const gone = await fresh.get(`/api/v1/reports/exports/${view.id}`);
    expect(gone.statusCode).toBe(404);
    esmeralda = fresh;
  });

  it('never runs one job on two workers, and takes over a job whose worker died', async () => {
    const view = await requestExport(esmeralda, { format: 'csv' });
    const one = createReportsModule(t.ctx);
    const two = createReportsModule(t.ctx);
    const ran = await Promise.all([one.worker.runOnce(), two.worker.runOnce()]);
    expect(ran.filter((id) => id === view.id)).toHaveLength(1);
    expect(ran.filter((id) => id !== null)).toHaveLength(1);
    const attempts = await sql<{
      attempt: number;
    }>`select attempt from report_exports where id = ${view.id}`.execute(t.ctx.db);
    expect(attempts.rows[0]?.attempt).toBe(1);

    // A worker claims a job and dies; after the stale delay another takes it over, and the
    // dead one's late writes are refused.
    const stuck = await requestExport(esmeralda, { format: 'csv' });
    let dead: { id: string } | undefined;
    const dying = createReportsModule(t.ctx, {
      afterPage: async (job) => {
        dead = job;
        throw new Error('killed');
      },
    });
    await dying.worker.runOnce().catch(() => undefined);
    await sql`update report_exports set status = 'running', error = null where id = ${stuck.id}`.execute(
      t.ctx.db,
    );
    expect(dead?.id).toBe(stuck.id);
    expect(await createReportsModule(t.ctx).worker.runOnce()).toBeNull();
    t.clock.advance(STALE_AFTER_MS + 1000);
    expect(await createReportsModule(t.ctx).worker.runOnce()).toBe(stuck.id);
    const taken = await status(apiAs(t, await t.signIn(STAFF.esmeralda)), stuck.id);
    expect(taken).toMatchObject({ status: 'done', rowsDone: PROTOCOLS });
    const chunks = await sql<{
      attempt: number;
    }>`select distinct attempt from report_export_chunks where export_id = ${stuck.id}`.execute(
      t.ctx.db,
    );
    expect(chunks.rows).toEqual([{ attempt: 2 }]);
  });
});
