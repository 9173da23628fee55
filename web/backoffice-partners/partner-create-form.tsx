import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { navigate } from '@web/router.tsx';
import { partnersApi } from '@web/backoffice-partners/partners-api.ts';

/** Registers a client's system as a partner; its tokens are issued on the partner's screen. */
export function PartnerCreateForm() {
  const clients = useLoad(() => partnersApi.clients(), []);
  const [clientId, setClientId] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const answer = await partnersApi.create({
        clientId,
        name: name.trim(),
        ...(url.trim() ? { confirmationUrl: url.trim() } : {}),
      });
      navigate(`/backoffice/parceiros/${answer.partner.id}`);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const fieldError = (field: string) =>
    error?.fields.find((candidate) => candidate.field === `body.${field}`)?.message;

  return (
    <form className="panel" onSubmit={(event) => void create(event)} aria-labelledby="new-title">
      <h2 id="new-title" className="section-title">
        Novo parceiro
      </h2>
      <div className="form-grid">
        <Field label="Cliente" required error={fieldError('clientId')}>
          {(props) => (
            <select
              {...props}
              required
              value={clientId}
              onChange={(event) => setClientId(event.target.value)}
            >
              <option value="">Escolha o cliente</option>
              {clients.data?.clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.code} – {client.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Nome do parceiro" required error={fieldError('name')}>
          {(props) => (
            <input
              {...props}
              required
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="URL de confirmação"
          help="https; opcional"
          error={fieldError('confirmationUrl')}
        >
          {(props) => (
            <input
              {...props}
              type="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorMessage error={clients.error ?? error} />
      <button type="submit" className="button button-primary">
        Cadastrar parceiro
      </button>
    </form>
  );
}
