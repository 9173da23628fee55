import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import { AppError, notFound } from '@server/errors.ts';
import { actorLabel, type StaffActor } from '@server/modules/auth/actor.ts';
import type {
  ChangeAuthor,
  ChangesRepository,
} from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import {
  planImport,
  type Operation,
  type Summary,
} from '@server/modules/erp-import/erp-import.plan.ts';
import {
  readFile,
  readRecords,
  recordsOf,
  type ImportFormat,
  type ReadResult,
} from '@server/modules/erp-import/erp-import.reader.ts';
import type { ErpImportRepository } from '@server/modules/erp-import/erp-import.repository.ts';
import type { ImportRow, RowProblem } from '@server/modules/erp-import/erp-import.rows.ts';
import { writePlan } from '@server/modules/erp-import/erp-import.writer.ts';

/** Who runs an import: a member of the back office with a file, or the ERP itself. */
export type ImportAuthor = { kind: 'staff'; staff: StaffActor } | { kind: 'erp' };

export type ImportInput =
  | { format: ImportFormat; content: string; fileName?: string | undefined }
  | { format: 'json'; records: readonly unknown[] };

const MAX_SHOWN = 50;

/** Problems come by CSV line, or by the record's position in a JSON list. */
function invalid(problems: readonly RowProblem[], format: ImportFormat = 'csv'): AppError {
  const first = problems[0];
  const unit = format === 'csv' ? 'Linha' : 'Registro';
  const where = (problem: RowProblem) =>
    `${unit} ${problem.line}${problem.column ? `, coluna ${problem.column}` : ''}: ${problem.message}`;

  return new AppError(
    'IMPORT_INVALID',
    `O arquivo tem ${problems.length} problema(s) e nada foi importado. ` +
      (first ? where(first) : ''),
    {
      fields: problems.slice(0, MAX_SHOWN).map((problem) => ({
        field: `lines.${problem.line}${problem.column ? `.${problem.column}` : ''}`,
        code: 'row',
        message: where(problem),
      })),
    },
  );
}

const labelOf = (author: ImportAuthor) =>
  author.kind === 'erp' ? 'ERP' : actorLabel(author.staff);

type StoredImport = NonNullable<Awaited<ReturnType<ErpImportRepository['findImport']>>>;

function view(record: Omit<StoredImport, 'rows' | 'operations'>, operations?: unknown[]) {
  return {
    id: record.id,
    source: record.source,
    format: record.format,
    fileName: record.fileName,
    status: record.status,
    summary: record.summary as Summary,
    createdBy: record.createdByLabel,
    createdAt: record.createdAt.toISOString(),
    appliedBy: record.appliedByLabel,
    appliedAt: record.appliedAt?.toISOString() ?? null,
    ...(operations ? { operations: operations as Operation[] } : {}),
  };
}

/**
 * ERP catalogue imports: a dry run that stores what the import would do, then an apply that
 * re-plans against the catalogue of that moment, refuses if anything moved, and writes it all
 * in one transaction, each change logged and attributed.
 */
export function createErpImportService(
  ctx: AppContext,
  deps: { imports: ErpImportRepository; changes: ChangesRepository },
) {
  const { imports, changes } = deps;

  function read(input: ImportInput): ReadResult {
    return 'records' in input
      ? readRecords(recordsOf(input.records))
      : readFile(input.format, input.content);
  }

  return {
    async preview(author: ImportAuthor, input: ImportInput) {
      const { rows, problems } = read(input);
      if (problems.length > 0) {
        throw invalid(problems, input.format);
      }
      if (rows.length === 0) {
        throw invalid([{ line: 1, column: '', message: 'O arquivo não tem registros.' }]);
      }
      const plan = planImport(rows, await imports.snapshot(ctx.db, rows, false));
      if (plan.problems.length > 0) {
        throw invalid(plan.problems, input.format);
      }
      const record = await inTransaction(ctx.db, (tx) =>
        imports.insertImport(tx, {
          source: author.kind === 'erp' ? 'erp' : 'file',
          format: input.format,
          fileName: 'fileName' in input ? (input.fileName ?? null) : null,
          contentHash: createHash('sha256').update(canonicalJson(rows)).digest('hex'),
          rows: JSON.stringify(rows),
          operations: JSON.stringify(plan.operations),
          summary: JSON.stringify(plan.summary),
          createdBy: author.kind === 'staff' ? author.staff.staffId : null,
          createdByLabel: labelOf(author),
        }),
      );

      return { import: view(record, plan.operations) };
    },

    async apply(author: ImportAuthor, id: string) {
      const applied = await inTransaction(ctx.db, async (tx) => {
        await imports.lockImports(tx);
        const record = await imports.lockImport(tx, id);
        // The ERP sees only the imports it pushed; the back office sees them all.
        if (!record || (author.kind === 'erp' && record.source !== 'erp')) {
          throw notFound('Importação');
        }
        if (record.status === 'applied') {
          throw new AppError(
            'CONFLICT',
            `Esta importação já foi aplicada em ${record.appliedAt?.toISOString()}. ` +
              'Para importar de novo, envie o arquivo outra vez.',
          );
        }
        const rows = record.rows as ImportRow[];
        const snapshot = await imports.snapshot(tx, rows, true);
        const plan = planImport(rows, snapshot);
        if (plan.problems.length > 0) {
          throw invalid(plan.problems, record.format);
        }
        if (canonicalJson(plan.operations) !== canonicalJson(record.operations)) {
          throw new AppError(
            'STALE_VERSION',
            'O catálogo mudou desde a simulação desta importação: nada foi aplicado. ' +
              'Envie o arquivo de novo para ver a simulação atualizada.',
          );
        }
        const attributed: ChangeAuthor = {
          id: author.kind === 'staff' ? author.staff.staffId : null,
          label: `${labelOf(author)} (importação ERP ${id.slice(0, 8)})`,
        };
        const now = ctx.clock.now();
        await writePlan(tx, plan.operations, snapshot, {
          now,
          staffId: attributed.id,
          log: (entity, entityId, before, after) =>
            changes.recordBy(tx, attributed, { entity, entityId, before, after }),
        });

        return imports.markApplied(tx, id, labelOf(author), now);
      });

      return { import: view(applied) };
    },

    async find(id: string) {
      const record = await imports.findImport(ctx.db, id);
      if (!record) {
        throw notFound('Importação');
      }

      return { import: view(record, record.operations) };
    },

    async list(page: PageInput) {
      const { rows, total } = await imports.listImports(ctx.db, page);

      return { imports: rows.map((row) => view(row)), page: pageResult(page, total) };
    },
  };
}

export type ErpImportService = ReturnType<typeof createErpImportService>;
