import { ErrorMessage } from '@web/components/error-message.tsx';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import { PartnerCreateForm } from '@web/backoffice-partners/partner-create-form.tsx';
import { partnersApi } from '@web/backoffice-partners/partners-api.ts';

/** "Parceiros": the clients' systems that speak the STER contract, for back-office staff. */
export function PartnerList() {
  const load = useLoad(() => partnersApi.list(), []);

  return (
    <BackofficeFrame title="Parceiros">
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {load.loading && <p role="status">Carregando parceiros…</p>}
      {load.data && load.data.partners.length === 0 && (
        <p className="empty" role="status">
          Nenhum parceiro cadastrado.
        </p>
      )}
      {load.data && load.data.partners.length > 0 && (
        <table className="grid">
          <caption className="visually-hidden">Parceiros cadastrados</caption>
          <thead>
            <tr>
              <th scope="col">Parceiro</th>
              <th scope="col">Cliente</th>
              <th scope="col">URL de confirmação</th>
              <th scope="col">Situação</th>
            </tr>
          </thead>
          <tbody>
            {load.data.partners.map((partner) => (
              <tr key={partner.id}>
                <td>
                  <Link to={`/backoffice/parceiros/${partner.id}`}>{partner.name}</Link>
                </td>
                <td>{partner.clientName}</td>
                <td className="mono">{partner.confirmationUrl ?? '—'}</td>
                <td>{partner.active ? 'Ativo' : 'Desativado'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {load.data && <PartnerCreateForm />}
    </BackofficeFrame>
  );
}
