import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { backofficeApi, type Page } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { Pager } from '@web/backoffice/pager.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { formatDateTime } from '@shared/time.ts';

type Operation = {
  line: number;
  entity: string;
  action: string;
  key: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

type Import = {
  id: string;
  fileName: string | null;
  source: string;
  status: string;
  summary: Record<'create' | 'change' | 'close' | 'unchanged', number>;
  createdBy: string;
  createdAt: string;
  appliedAt: string | null;
  operations?: Operation[];
};

const ENTITY = { client: 'Cliente', contract: 'Contrato', service: 'Serviço', tariff: 'Tarifa' };
const ACTION = { create: 'Criar', change: 'Alterar', close: 'Encerrar', unchanged: 'Sem mudança' };

const summaryText = (summary: Import['summary']) =>
  `${summary.create} a criar, ${summary.change} a alterar, ${summary.close} a encerrar, ` +
  `${summary.unchanged} sem mudança`;

const changesText = (op: Operation) =>
  Object.entries(op.after)
    .map(([key, value]) =>
      op.before && key in op.before
        ? `${key}: ${JSON.stringify(op.before[key])} → ${JSON.stringify(value)}`
        : `${key}: ${JSON.stringify(value)}`,
    )
    .join('; ');

/** The ERP catalogue import: a file gives a dry run first, then is applied all at once. */
export function ImportScreen() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Import | null>(null);
  const [applied, setApplied] = useState<Import | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [offset, setOffset] = useState(0);
  const history = useLoad(
    () =>
      backofficeApi.list<{ imports: Import[]; page: Page }>('/erp-imports', {
        limit: '10',
        offset: String(offset),
      }),
    [offset],
  );

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const simulate = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      return;
    }
    void run(async () => {
      setPreview(null);
      setApplied(null);
      const content = await file.text();
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      const result = await backofficeApi.post<{ import: Import }>('/erp-imports', {
        format,
        content,
        fileName: file.name,
      });
      setPreview(result.import);
    });
  };

  const apply = () =>
    run(async () => {
      if (!preview) {
        return;
      }
      const result = await backofficeApi.post<{ import: Import }>(
        `/erp-imports/${preview.id}/apply`,
      );
      setApplied(result.import);
      setPreview(null);
      history.reload();
    });

  const lineProblems = error?.code === 'IMPORT_INVALID' ? error.fields : [];

  return (
    <BackofficeFrame title="Retaguarda – importar catálogo do ERP">
      <p className="muted">
        Arquivo CSV (separado por ponto e vírgula, com cabeçalho) ou JSON, com clientes, contratos,
        serviços e tarifas. Primeiro o STER simula a importação; nada muda até você aplicá-la. O
        formato está descrito no README (exemplo em docs/examples/catalogo-erp.csv).
      </p>
      <form className="toolbar" onSubmit={simulate}>
        <Field label="Arquivo do ERP (.csv ou .json)">
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          Simular importação
        </button>
      </form>
      {lineProblems.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <strong>Importação recusada: nada foi aplicado</strong>
          <p>Corrija o arquivo e envie de novo.</p>
          <ul>
            {lineProblems.map((problem) => (
              <li key={problem.field}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage catalogue error={error} />
      )}
      {applied && (
        <p className="alert alert-success" role="status">
          Importação aplicada: {summaryText(applied.summary)}.
        </p>
      )}
      {preview && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Simulação</h2>
          <p role="status">{summaryText(preview.summary)}.</p>
          <table className="grid">
            <caption className="visually-hidden">O que a importação faria</caption>
            <thead>
              <tr>
                <th scope="col">Linha</th>
                <th scope="col">Registro</th>
                <th scope="col">Ação</th>
                <th scope="col">Chave</th>
                <th scope="col">Valores</th>
              </tr>
            </thead>
            <tbody>
              {(preview.operations ?? []).map((op, index) => (
                <tr key={`${op.line}-${index}`}>
                  <td className="num">{op.line}</td>
                  <td>{ENTITY[op.entity as keyof typeof ENTITY] ?? op.entity}</td>
                  <td>{ACTION[op.action as keyof typeof ACTION] ?? op.action}</td>
                  <td className="mono">{op.key}</td>
                  <td>{changesText(op)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={apply}>
              Aplicar importação
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Descartar simulação
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Importações anteriores</h2>
        <ErrorMessage catalogue error={history.error} onRetry={history.reload} />
        {history.data && history.data.imports.length > 0 && (
          <table className="grid">
            <caption className="visually-hidden">Importações anteriores</caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Quem</th>
                <th scope="col">Arquivo</th>
                <th scope="col">Situação</th>
                <th scope="col">Resumo</th>
              </tr>
            </thead>
            <tbody>
              {history.data.imports.map((item) => (
                <tr key={item.id}>
                  <td>{formatDateTime(item.createdAt)}</td>
                  <td>{item.createdBy}</td>
                  <td>{item.fileName ?? (item.source === 'erp' ? 'envio do ERP' : '—')}</td>
                  <td>{item.status === 'applied' ? 'Aplicada' : 'Simulada'}</td>
                  <td>{summaryText(item.summary)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={history.data?.page} label="importações" onOffset={setOffset} />
      </section>
    </BackofficeFrame>
  );
}
