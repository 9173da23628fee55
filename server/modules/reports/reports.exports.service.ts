import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import type { Actor } from '@server/modules/auth/actor.ts';
import type {
  ExportRow,
  ExportsRepository,
} from '@server/modules/reports/reports.exports.repository.ts';
import type { ReportRequest } from '@server/modules/reports/reports.filters.ts';
import type { ExportBody } from '@server/modules/reports/reports.schema.ts';
import { staffFilters } from '@server/modules/reports/reports.scope.ts';
import { requireStaff } from '@server/modules/auth/actor.ts';

function present(row: ExportRow) {
  return {
    id: row.id,
    format: row.format,
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    fileName: row.fileName,
    byteSize: row.byteSize,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadUrl: row.status === 'done' ? `/api/v1/reports/exports/${row.id}/file` : null,
  };
}

const notFound = () => new AppError('NOT_FOUND', 'Exportação não encontrada.');

/**
 * Export requests: recorded as jobs with the filters already authorized (so a worker on any
 * server produces exactly what the requester may see), watched and downloaded by the requester
 * only. The request itself never produces the file.
 */
export function createExportsService(
  ctx: AppContext,
  exports: ExportsRepository,
  nudge: () => void,
) {
  return {
    async request(actor: Actor, body: ExportBody) {
      const { format, groupBy = 'day', ...input } = body;
      const { staff, filters } = staffFilters(ctx, actor, input, 'body');
      const job: ReportRequest = { filters, groupBy };
      const row = await exports.create(ctx.db, {
        requestedBy: staff.staffId,
        format,
        filters: JSON.stringify(job) as never,
      });
      nudge();

      return { export: present(row) };
    },

    async status(actor: Actor, id: string) {
      const staff = requireStaff(actor);
      const row = await exports.findOwn(ctx.db, id, staff.staffId);
      if (!row) throw notFound();

      return { export: present(row) };
    },

    /** The finished file as a stream read from its stored chunks, one at a time. */
    async file(actor: Actor, id: string): Promise<{ row: ExportRow; stream: Readable }> {
      const staff = requireStaff(actor);
      const row = await exports.findOwn(ctx.db, id, staff.staffId);
      if (!row) throw notFound();
      if (row.status !== 'done') {
        throw new AppError('RULE_VIOLATED', 'A exportação ainda não terminou.');
      }
      async function* chunks() {
        for (let sequence = 0; ; sequence++) {
          const chunk = await exports.chunk(ctx.db, row as ExportRow, sequence);
          if (!chunk) return;
          yield chunk;
        }
      }

      return { row, stream: ReadableStream.from(chunks()) };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
