import { useState } from 'react';
import { useSession } from '@web/auth/session.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { DifferenceItem } from '@web/reconciliation/difference-row.tsx';
import { ImportForm } from '@web/reconciliation/import-form.tsx';
import { reconciliationApi } from '@web/reconciliation/reconciliation-api.ts';

/** "Conciliação": import the day's files and work through every difference found. */
export function ReconciliationScreen() {
  const { staff } = useSession();
  const [status, setStatus] = useState('open');
  const [message, setMessage] = useState<string | null>(null);
  const load = useLoad(() => reconciliationApi.differences(status), [status]);
  const canImport = staff.role !== 'attendant';

  return (
    <Layout title="Conciliação" system="STER">
      {canImport && (
        <ImportForm
          onImported={(text) => {
            setMessage(text);
            load.reload();
          }}
        />
      )}
      {message && (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="differences-title">
        <h2 id="differences-title">Diferenças</h2>
        <Field label="Mostrar">
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="open">Abertas</option>
              <option value="explained">Justificadas</option>
              <option value="resolved">Resolvidas</option>
              <option value="">Todas</option>
            </select>
          )}
        </Field>
        <ErrorMessage error={load.error} onRetry={load.reload} />
        {load.data?.differences.length === 0 && (
          <p className="empty" role="status">
            Nenhuma diferença nesta situação.
          </p>
        )}
        <ul className="plain-list">
          {(load.data?.differences ?? []).map((difference) => (
            <DifferenceItem
              key={difference.id}
              difference={difference}
              canNote={canImport}
              onChanged={load.reload}
            />
          ))}
        </ul>
      </section>
    </Layout>
  );
}
