import { useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import { ChangesList } from '@web/backoffice-partners/changes-list.tsx';
import { ConfirmationUrlForm } from '@web/backoffice-partners/confirmation-url-form.tsx';
import { HooksPanel } from '@web/backoffice-partners/hooks-panel.tsx';
import { CredentialsPanel } from '@web/backoffice-partners/credentials-panel.tsx';
import { partnersApi } from '@web/backoffice-partners/partners-api.ts';

export type PartnerDetailScreenProps = { id: string };

/** One partner: confirmation URL, signing secret, tokens, service hooks and its audit trail. */
export function PartnerDetailScreen({ id }: PartnerDetailScreenProps) {
  const load = useLoad(async () => {
    const [detail, changes] = await Promise.all([partnersApi.get(id), partnersApi.changes(id)]);

    return { partner: detail.partner, changes: changes.changes };
  }, [id]);
  const [error, setError] = useState<ApiError | null>(null);
  const partner = load.data?.partner;

  const rotateSecret = async () => {
    setError(null);
    try {
      await partnersApi.rotateSecret(id);
      load.reload();
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  return (
    <BackofficeFrame title={partner ? `Parceiro ${partner.name}` : 'Parceiro'}>
      <p className="breadcrumbs">
        <Link to="/backoffice/parceiros">Parceiros</Link>
      </p>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {load.loading && !partner && <p role="status">Carregando parceiro…</p>}
      {partner && load.data && (
        <>
          <dl className="facts">
            <dt>Cliente</dt>
            <dd>{partner.clientName}</dd>
            <dt>Situação</dt>
            <dd>{partner.active ? 'Ativo' : 'Desativado'}</dd>
            <dt>Segredo de assinatura (Standard Webhooks)</dt>
            <dd className="mono" data-testid="webhook-secret">
              {partner.webhookSecret}
            </dd>
          </dl>
          <div className="actions">
            <button type="button" className="button" onClick={() => void rotateSecret()}>
              Trocar segredo de assinatura
            </button>
            <Link to={`/backoffice/parceiros/${id}/entregas`} className="button">
              Registro de entregas
            </Link>
          </div>
          <ErrorMessage error={error} />
          <ConfirmationUrlForm partner={partner} onSaved={() => load.reload()} />
          <CredentialsPanel partner={partner} onChanged={() => load.reload()} />
          <HooksPanel partnerId={id} onChanged={() => load.reload()} />
          <ChangesList changes={load.data.changes} />
        </>
      )}
    </BackofficeFrame>
  );
}
