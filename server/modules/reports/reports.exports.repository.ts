import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { ReportExportsTable } from '@server/db/schema.ts';

export type ExportRow = Selectable<ReportExportsTable>;

/** A claimed job: the worker's attempt number fences every later write. */
export type ClaimedExport = ExportRow;

export function createExportsRepository() {
  return {
    async create(db: Database, row: Insertable<ReportExportsTable>): Promise<ExportRow> {
      return db.insertInto('reportExports').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findOwn(db: Database, id: string, staffId: string): Promise<ExportRow | undefined> {
      return db
        .selectFrom('reportExports')
        .selectAll()
        .where('id', '=', id)
        .where('requestedBy', '=', staffId)
        .executeTakeFirst();
    },

    /**
     * Claims the oldest queued job, or one whose worker stopped beating before `staleBefore`,
     * with SKIP LOCKED: two servers claiming at once never get the same job.
     */
    async claim(db: Database, now: Date, staleBefore: Date): Promise<ClaimedExport | undefined> {
      const result = await sql<ExportRow>`update report_exports
        set status = 'running', attempt = attempt + 1, rows_done = 0, started_at = ${now},
          heartbeat_at = ${now}
        where id = (
          select id from report_exports
          where status = 'queued' or (status = 'running' and heartbeat_at < ${staleBefore})
          order by created_at limit 1 for update skip locked)
        returning *`.execute(db);

      return result.rows[0];
    },

    /** Records progress; false when another worker has claimed the job since. */
    async progress(
      db: Database,
      job: ClaimedExport,
      values: { rowsDone: number; rowsTotal?: number },
      now: Date,
    ): Promise<boolean> {
      const result = await db
        .updateTable('reportExports')
        .set({ ...values, heartbeatAt: now })
        .where('id', '=', job.id)
        .where('attempt', '=', job.attempt)
        .where('status', '=', 'running')
        .executeTakeFirst();

      return result.numUpdatedRows > 0n;
    },

    async addChunk(db: Database, job: ClaimedExport, sequence: number, data: Buffer) {
      await db
        .insertInto('reportExportChunks')
        .values({ exportId: job.id, attempt: job.attempt, sequence, data })
        .execute();
    },

    async finish(
      db: Database,
      job: ClaimedExport,
      file: { fileName: string; contentType: string; byteSize: number; rowsDone: number },
      now: Date,
    ): Promise<boolean> {
      const result = await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('reportExports')
          .set({ ...file, status: 'done', finishedAt: now, heartbeatAt: now })
          .where('id', '=', job.id)
          .where('attempt', '=', job.attempt)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (done.numUpdatedRows > 0n) {
          await trx
            .deleteFrom('reportExportChunks')
            .where('exportId', '=', job.id)
            .where('attempt', '<>', job.attempt)
            .execute();
        }

        return done.numUpdatedRows > 0n;
      });

      return result;
    },

    async fail(db: Database, job: ClaimedExport, error: string, now: Date) {
      await db
        .updateTable('reportExports')
        .set({ status: 'failed', error, finishedAt: now })
        .where('id', '=', job.id)
        .where('attempt', '=', job.attempt)
        .execute();
    },

    /** Deletes exports that finished before `before`, with their files. */
    async purgeFinished(db: Database, before: Date): Promise<number> {
      const result = await db
        .deleteFrom('reportExports')
        .where('finishedAt', '<', before)
        .executeTakeFirst();

      return Number(result.numDeletedRows);
    },

    /** One stored piece of a finished file, in order; undefined past the last. */
    async chunk(db: Database, job: ExportRow, sequence: number): Promise<Buffer | undefined> {
      const row = await db
        .selectFrom('reportExportChunks')
        .select('data')
        .where('exportId', '=', job.id)
        .where('attempt', '=', job.attempt)
        .where('sequence', '=', sequence)
        .executeTakeFirst();

      return row ? Buffer.from(row.data) : undefined;
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
