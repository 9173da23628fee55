import { useLoad } from '@web/components/use-load.ts';
import { portalApi, receiptPdfUrl } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { Link } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';
import { formatProtocolCode } from '@shared/protocol/protocol-code.ts';

/** After a virtual attendance: done, with the receipt to print at home. */
export function VirtualDone({ code }: { code: string }) {
  const mine = useLoad(() => portalApi.myProtocols(), []);
  const protocol = mine.data?.protocols.find((candidate) => candidate.code === code);

  return (
    <PortalLayout title="Atendimento concluído">
      <PortalError error={mine.error} onRetry={mine.reload} />
      {protocol && (
        <section className="panel panel-success" data-testid="virtual-done">
          <p>
            Protocolo <strong className="mono">{formatProtocolCode(protocol.code)}</strong>:{' '}
            <strong data-testid="virtual-status">{protocol.statusLabel}</strong>
          </p>
          <p>
            {protocol.client.name} – {protocol.service.name}
            {protocol.totalCents !== null && ` · ${formatBRL(protocol.totalCents)}`}
          </p>
          <p>O valor é faturado diretamente para o contratante do serviço.</p>
          <div className="actions">
            <a
              className="button button-primary"
              href={receiptPdfUrl(protocol.code)}
              target="_blank"
              rel="noreferrer"
            >
              Comprovante em PDF
            </a>
            <Link className="button" to="/cidadao/meus-protocolos">
              Meus protocolos
            </Link>
          </div>
        </section>
      )}
    </PortalLayout>
  );
}
