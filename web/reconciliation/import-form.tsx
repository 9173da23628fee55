import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { useSession } from '@web/auth/session.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { AgencyField } from '@web/reconciliation/agency-field.tsx';
import { DayField } from '@web/reconciliation/day-field.tsx';
import { reconciliationApi } from '@web/reconciliation/reconciliation-api.ts';
import { localDate } from '@shared/time.ts';

export type ImportFormProps = { onImported: (message: string) => void };

/** Imports the counter's day file (or, for back office, the ERP's acknowledgement file). */
export function ImportForm({ onImported }: ImportFormProps) {
  const { staff } = useSession();
  const [source, setSource] = useState<'counter' | 'erp'>('counter');
  const [date, setDate] = useState(localDate(new Date()));
  const [agencyId, setAgencyId] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (name: string) => error?.fields.find((f) => f.field === name)?.message;

  const readFile = async (file: File | undefined) => setContent(file ? await file.text() : '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result =
        source === 'counter'
          ? await reconciliationApi.importCounterFile(date, agencyId, content)
          : await reconciliationApi.importErpFile(content);
      onImported(
        result.replayed
          ? 'Este arquivo já tinha sido importado; as diferenças são as mesmas.'
          : `Arquivo importado: ${result.differences.length} diferença(s) encontrada(s).`,
      );
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="import-title" className="panel">
      <h2 id="import-title">Importar arquivo</h2>
      {staff.agency === null && (
        <fieldset>
          <legend>Arquivo de</legend>
          <label>
            <input
              type="radio"
              name="source"
              checked={source === 'counter'}
              onChange={() => setSource('counter')}
            />{' '}
            Sistema de balcão (dia da agência)
          </label>{' '}
          <label>
            <input
              type="radio"
              name="source"
              checked={source === 'erp'}
              onChange={() => setSource('erp')}
            />{' '}
            Confirmações do ERP
          </label>
        </fieldset>
      )}
      {source === 'counter' && (
        <div className="toolbar">
          <AgencyField
            value={agencyId}
            onChange={setAgencyId}
            error={fieldError('body.agencyId')}
          />
          <DayField
            label="Dia do movimento"
            value={date}
            onChange={setDate}
            error={fieldError('body.date')}
          />
        </div>
      )}
      <Field
        label="Arquivo CSV"
        help={
          source === 'counter'
            ? 'Cabeçalho caixa;lancamento;atendimento;valor — valores como 1.234,56.'
            : 'Cabeçalho extrato;protocolo;valor — créditos com valor negativo.'
        }
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        )}
      </Field>
      <Field label="Conteúdo do arquivo" required wide error={fieldError('body.content')}>
        {(props) => (
          <textarea
            {...props}
            required
            rows={6}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
        )}
      </Field>
      <ErrorMessage error={error} />
      {error?.fields.length ? (
        <ul className="field-error">
          {error.fields.map((field) => (
            <li key={field.message}>{field.message}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button-primary">
        Importar e comparar
      </button>
    </form>
  );
}
