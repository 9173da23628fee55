import { PassThrough, type Readable } from 'node:stream';
import type { AppContext } from '@server/context.ts';
import type { ExportFormat } from '@server/db/schema.ts';
import type {
  ExportSummary,
  ExportWriter,
} from '@server/modules/reports/reports.export.columns.ts';
import { createCsvWriter } from '@server/modules/reports/reports.export.csv.ts';
import { createPdfWriter, PDF_PROTOCOL_LIMIT } from '@server/modules/reports/reports.export.pdf.ts';
import { createXlsxWriter } from '@server/modules/reports/reports.export.xlsx.ts';
import type {
  ClaimedExport,
  ExportsRepository,
} from '@server/modules/reports/reports.exports.repository.ts';
import type { ReportRequest } from '@server/modules/reports/reports.filters.ts';
import type { ReportsRepository } from '@server/modules/reports/reports.repository.ts';
import { presentRow, type ReportsService } from '@server/modules/reports/reports.service.ts';

/** A worker that has not recorded progress for this long has stopped; its job is taken over. */
export const STALE_AFTER_MS = 2 * 60 * 1000;
const CHUNK_BYTES = 256 * 1024;
const PAGE_ROWS = 2000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Thrown when another worker has claimed the job: this one stops without touching it. */
class ClaimLost extends Error {}

export type ExportWorkerOptions = {
  pageRows?: number;
  /** Called after each page is written and its progress recorded (tests watch progress). */
  afterPage?: (job: ClaimedExport, rowsDone: number) => Promise<void>;
};

function writerFor(format: ExportFormat, out: PassThrough, summary: ExportSummary) {
  switch (format) {
    case 'csv':
      return createCsvWriter(out);
    case 'xlsx':
      return createXlsxWriter(out, summary);
    case 'pdf':
      return createPdfWriter(out, summary);
  }
}

/**
 * Runs report exports recorded in PostgreSQL. Any server may run it: jobs are claimed with
 * SKIP LOCKED, every write is fenced by the claim's attempt number, and a job whose worker died
 * is taken over once its heartbeat is stale. The file is stored in 256 KiB chunks as it is
 * produced, and the protocols are read a page at a time, so memory stays flat.
 */
export function createExportWorker(
  ctx: AppContext,
  deps: { exports: ExportsRepository; reports: ReportsRepository; service: ReportsService },
  options: ExportWorkerOptions = {},
) {
  const { exports, reports, service } = deps;
  const pageRows = options.pageRows ?? PAGE_ROWS;

  /** Stores what the writer produces, chunk by chunk; resolves to the file's size. */
  async function store(job: ClaimedExport, file: Readable): Promise<number> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let sequence = 0;
    let size = 0;
    const flush = async () => {
      await exports.addChunk(ctx.db, job, sequence, Buffer.concat(pending));
      sequence += 1;
      pending = [];
      pendingBytes = 0;
    };
    for await (const piece of file) {
      const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
      pending.push(buffer);
      pendingBytes += buffer.length;
      size += buffer.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    if (pendingBytes > 0 || sequence === 0) await flush();

    return size;
  }

  async function produce(job: ClaimedExport, writer: ExportWriter, limit: number) {
    const { filters } = job.filters as unknown as ReportRequest;
    let cursor = null;
    let done = 0;
    while (done < limit) {
      const rows = await reports.protocolPage(
        ctx.db,
        filters,
        cursor,
        Math.min(pageRows, limit - done),
      );
      if (rows.length === 0) break;
      await writer.rows(rows.map((row) => presentRow(ctx, row)));
      done += rows.length;
      if (!(await exports.progress(ctx.db, job, { rowsDone: done }, ctx.clock.now()))) {
        throw new ClaimLost();
      }
      await options.afterPage?.(job, done);
      const last = rows.at(-1);
      cursor = last ? { createdAt: last.createdAt, id: last.id } : null;
    }

    return done;
  }

  async function run(job: ClaimedExport) {
    const request = job.filters as unknown as ReportRequest;
    const report = await service.report(request.filters, request.groupBy);
    const summary: ExportSummary = {
      title: 'Relatório de atendimentos – STER',
      filters: request.filters,
      groupBy: request.groupBy,
      totals: report.totals,
      rows: report.rows,
    };
    const limit = job.format === 'pdf' ? PDF_PROTOCOL_LIMIT : Number.MAX_SAFE_INTEGER;
    const rowsTotal = Math.min(report.totals.attendances, limit);
    if (!(await exports.progress(ctx.db, job, { rowsDone: 0, rowsTotal }, ctx.clock.now()))) {
      throw new ClaimLost();
    }

    const out = new PassThrough();
    const stored = store(job, out);
    let rowsDone: number;
    try {
      const writer = await writerFor(job.format, out, summary);
      rowsDone = await produce(job, writer, limit);
      await writer.end();
    } catch (error) {
      out.destroy();
      await stored.catch(() => undefined);
      throw error;
    }
    const byteSize = await stored;
    const fileName = `relatorio-${request.filters.from}-a-${request.filters.to}.${job.format}`;
    const finished = await exports.finish(
      ctx.db,
      job,
      { fileName, contentType: CONTENT_TYPES[job.format], byteSize, rowsDone },
      ctx.clock.now(),
    );
    if (!finished) throw new ClaimLost();
  }

  return {
    /** Claims and runs one due job; returns its id, or null when there was none to claim. */
    async runOnce(): Promise<string | null> {
      const now = ctx.clock.now();
      const job = await exports.claim(ctx.db, now, new Date(now.getTime() - STALE_AFTER_MS));
      if (!job) return null;
      try {
        await run(job);
        ctx.logger.info({ event: 'report_export_done', exportId: job.id }, 'report exported');
      } catch (error) {
        if (error instanceof ClaimLost) {
          ctx.logger.info({ event: 'report_export_lost', exportId: job.id }, 'export taken over');
        } else {
          ctx.logger.error(
            { err: error, event: 'report_export_failed', exportId: job.id },
            'export failed',
          );
          await exports.fail(ctx.db, job, 'A exportação falhou; peça de novo.', ctx.clock.now());
        }
      }

      return job.id;
    },

    /** Runs due jobs until none is left. */
    async runDue(): Promise<number> {
      let ran = 0;
      while ((await this.runOnce()) !== null) ran += 1;

      return ran;
    },
  };
}

export type ExportWorker = ReturnType<typeof createExportWorker>;
