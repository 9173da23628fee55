import { useEffect, useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { reportsApi, type ExportJob, type ReportFilters } from '@web/reports/reports-api.ts';
import type { ReportGrouping } from '@shared/reports.ts';

export type ExportPanelProps = { filters: ReportFilters; groupBy: ReportGrouping };

const POLL_MS = 1000;
const FORMATS: { format: ExportJob['format']; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'pdf', label: 'PDF' },
];

/** Asks for an export, shows its progress while a server produces it, then offers the file. */
export function ExportPanel({ filters, groupBy }: ExportPanelProps) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const running = job?.status === 'queued' || job?.status === 'running';

  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      reportsApi
        .exportStatus(job.id)
        .then((answer) => setJob(answer.export))
        .catch((failure: unknown) => setError(toApiError(failure)));
    }, POLL_MS);

    return () => clearTimeout(timer);
  }, [job, running]);

  const start = async (format: ExportJob['format']) => {
    setError(null);
    try {
      setJob((await reportsApi.requestExport(filters, groupBy, format)).export);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Exportar</h2>
      <div className="actions">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={running}
            onClick={() => void start(format)}
          >
            {label}
          </button>
        ))}
      </div>
      <ErrorMessage error={error} />
      {job && (
        <div role="status" className="export-status">
          {running && (
            <>
              <label htmlFor="export-progress">
                Gerando {job.format.toUpperCase()}: {job.rowsDone} de {job.rowsTotal} protocolos
              </label>{' '}
              <progress
                id="export-progress"
                max={Math.max(job.rowsTotal, 1)}
                value={job.rowsDone}
              />
            </>
          )}
          {job.status === 'done' && job.downloadUrl && (
            <a
              className="button button-primary"
              href={job.downloadUrl}
              download={job.fileName ?? undefined}
            >
              Baixar {job.fileName}
            </a>
          )}
          {job.status === 'failed' && <p className="field-error">{job.error}</p>}
        </div>
      )}
    </section>
  );
}
