import { useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { Dialog } from '@web/components/dialog.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { formatDateTime } from '@shared/time.ts';
import {
  partnersApi,
  type Credential,
  type PartnerDetail,
} from '@web/backoffice-partners/partners-api.ts';

export type CredentialsPanelProps = { partner: PartnerDetail; onChanged: () => void };

const MODE_LABELS: Record<Credential['mode'], string> = {
  live: 'Produção',
  sandbox: 'Sandbox (testes)',
};

/** Tokens of a partner: issue (shown once), rotate and revoke; only hints are ever listed. */
export function CredentialsPanel({ partner, onChanged }: CredentialsPanelProps) {
  const [issued, setIssued] = useState<{ token: string; credential: Credential } | null>(null);
  const [revoking, setRevoking] = useState<Credential | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (work: () => Promise<{ token: string; credential: Credential } | null>) => {
    setError(null);
    try {
      const result = await work();
      if (result) {
        setIssued(result);
      }
      onChanged();
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const revoke = async (credential: Credential) => {
    setRevoking(null);
    await run(async () => {
      await partnersApi.revoke(partner.id, credential.id);

      return null;
    });
  };

  return (
    <section aria-labelledby="credentials-title">
      <h2 id="credentials-title" className="section-title">
        Tokens do parceiro
      </h2>
      {issued && (
        <div className="alert alert-success" role="status">
          <p>
            Novo token ({MODE_LABELS[issued.credential.mode]}). Copie agora: ele não será mostrado
            de novo.
          </p>
          <p className="mono" data-testid="issued-token">
            {issued.token}
          </p>
        </div>
      )}
      <ErrorMessage error={error} />
      <table className="grid">
        <caption className="visually-hidden">Tokens emitidos</caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Modo</th>
            <th scope="col">Emitido em</th>
            <th scope="col">Situação</th>
            <th scope="col">Ações</th>
          </tr>
        </thead>
        <tbody>
          {partner.credentials.map((credential) => (
            <tr key={credential.id}>
              <td className="mono">…{credential.tokenHint}</td>
              <td>{MODE_LABELS[credential.mode]}</td>
              <td>{formatDateTime(credential.createdAt)}</td>
              <td>
                {credential.revokedAt
                  ? `Revogado em ${formatDateTime(credential.revokedAt)}`
                  : 'Ativo'}
              </td>
              <td>
                {!credential.revokedAt && (
                  <div className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Trocar token …${credential.tokenHint}`}
                      onClick={() => void run(() => partnersApi.rotate(partner.id, credential.id))}
                    >
                      Trocar
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={`Revogar token …${credential.tokenHint}`}
                      onClick={() => setRevoking(credential)}
                    >
                      Revogar
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void run(() => partnersApi.issue(partner.id, 'live'))}
        >
          Emitir token de produção
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void run(() => partnersApi.issue(partner.id, 'sandbox'))}
        >
          Emitir token de sandbox
        </button>
      </div>
      <Dialog title="Revogar token" open={revoking !== null} onClose={() => setRevoking(null)}>
        <p>
          O token …{revoking?.tokenHint} deixa de funcionar imediatamente. O parceiro precisará de
          outro token.
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => revoking && void revoke(revoking)}
          >
            Revogar token
          </button>
          <button type="button" className="button" onClick={() => setRevoking(null)}>
            Voltar
          </button>
        </div>
      </Dialog>
    </section>
  );
}
