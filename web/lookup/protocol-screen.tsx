import { useState } from 'react';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { CreatedPanel } from '@web/attendance/created-panel.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { AnswersTable } from '@web/lookup/answers-table.tsx';
import { CompletePreAttendance } from '@web/lookup/complete-pre-attendance.tsx';
import { HistoryTable } from '@web/lookup/history-table.tsx';
import { ProtocolSummary } from '@web/lookup/protocol-summary.tsx';
import { Link } from '@web/router.tsx';

export type ProtocolScreenProps = { code: string };

/** One protocol: its data, the citizen's answers, what can be done next, and its history. */
export function ProtocolScreen({ code }: ProtocolScreenProps) {
  const detail = useLoad(async () => {
    const found = await sterApi.protocol(code);
    // The published form gives field types and option labels; only used for the same version.
    const form = await sterApi.form(found.protocol.service.id).catch(() => null);

    return { ...found, definition: form?.form.version === found.form?.version ? form?.form : null };
  }, [code]);
  const history = useLoad(() => sterApi.history(code), [code]);
  const [completed, setCompleted] = useState<Protocol | null>(null);
  const data = detail.data;

  return (
    <Layout title={`Protocolo ${code}`} system="STER">
      <p className="muted breadcrumbs">
        <Link to="/ster/consulta">Consulta Protocolo</Link> › Protocolo
      </p>
      <ErrorMessage error={detail.error} onRetry={detail.reload} />
      {detail.loading && !data && <p role="status">Carregando protocolo…</p>}
      {completed && <CreatedPanel protocol={completed} title="Pré-atendimento concluído" />}
      {data && (
        <>
          <ProtocolSummary protocol={completed ?? data.protocol} />
          {data.form && (
            <AnswersTable
              answers={data.form.answers}
              version={data.form.version}
              definition={data.definition?.definition}
            />
          )}
          {!completed && data.protocol.status === 'preAttendance' && data.form && (
            <CompletePreAttendance
              code={code}
              documents={data.form.requiredDocuments}
              onCompleted={(protocol) => {
                setCompleted(protocol);
                history.reload();
              }}
            />
          )}
          {!completed && data.protocol.status === 'pending' && (
            <p>
              <Link className="button button-primary" to={`/balcao/venda/${code}`}>
                Gerar atendimento
              </Link>
            </p>
          )}
          {['finalised', 'reversed'].includes(data.protocol.status) && (
            <p>
              <Link className="button" to={`/balcao/comprovante/${code}`}>
                Ver comprovante
              </Link>
            </p>
          )}
        </>
      )}
      <ErrorMessage error={history.error} onRetry={history.reload} />
      {history.data && <HistoryTable events={history.data.events} />}
    </Layout>
  );
}
