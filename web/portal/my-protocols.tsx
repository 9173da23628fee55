import { useLoad } from '@web/components/use-load.ts';
import { EXPORT_URL, portalApi, receiptPdfUrl } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { usePortalSession } from '@web/portal/portal-session.tsx';
import { Link } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';
import { formatProtocolCode } from '@shared/protocol/protocol-code.ts';
import { formatDate } from '@shared/time.ts';

const HAS_RECEIPT = new Set(['finalised', 'reversed']);

/** "Meus protocolos": every protocol under the signed-in CPF, with receipts and the export. */
export function MyProtocols() {
  const protocols = useLoad(() => portalApi.myProtocols(), []);
  const { signOut } = usePortalSession();
  const rows = protocols.data?.protocols ?? [];

  return (
    <PortalLayout title="Meus protocolos">
      <PortalError error={protocols.error} onRetry={protocols.reload} />
      {protocols.loading && <p role="status">Carregando…</p>}
      {protocols.data && rows.length === 0 && <p>Você ainda não tem protocolos.</p>}
      <ul className="protocol-list" aria-label="Seus protocolos">
        {rows.map((protocol) => (
          <li key={protocol.code} className="protocol-card" data-testid="my-protocol">
            <p className="protocol-card-head">
              <span className="mono">{formatProtocolCode(protocol.code)}</span>
              <span className={`badge badge-${protocol.status}`}>{protocol.statusLabel}</span>
            </p>
            <p>
              {protocol.client.name} – {protocol.service.name}
            </p>
            <p className="muted">
              {protocol.attendanceTypeLabel} · {formatDate(protocol.createdAt)}
              {protocol.totalCents !== null && ` · ${formatBRL(protocol.totalCents)}`}
              {protocol.agency && ` · ${protocol.agency.name}`}
            </p>
            {HAS_RECEIPT.has(protocol.status) && (
              <a href={receiptPdfUrl(protocol.code)} target="_blank" rel="noreferrer">
                Comprovante em PDF
                <span className="visually-hidden"> do protocolo {protocol.code}</span>
              </a>
            )}
            {protocol.status === 'preAttendance' && (
              <Link to={`/cidadao/comprovante/${protocol.code}`}>
                Comprovante de pré-atendimento
                <span className="visually-hidden"> do protocolo {protocol.code}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">Seus dados</h2>
        <p>
          Baixe tudo o que o STER guarda sobre você: seus protocolos, as respostas dos formulários,
          os valores e o histórico de cada um.
        </p>
        <div className="actions">
          <a className="button" href={EXPORT_URL} download="meus-dados-ster.json">
            Baixar meus dados (JSON)
          </a>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sair
          </button>
        </div>
      </section>
    </PortalLayout>
  );
}
