import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { partnersApi, type PartnerDetail } from '@web/backoffice-partners/partners-api.ts';

export type ConfirmationUrlFormProps = {
  partner: PartnerDetail;
  onSaved: (partner: PartnerDetail) => void;
};

/** Changes where confirmations go; the server refuses private and non-https addresses. */
export function ConfirmationUrlForm({ partner, onSaved }: ConfirmationUrlFormProps) {
  const [url, setUrl] = useState(partner.confirmationUrl ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const answer = await partnersApi.update(partner.id, {
        confirmationUrl: url.trim() === '' ? null : url.trim(),
      });
      setSaved(true);
      onSaved(answer.partner);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const fieldError = error?.fields.find((field) => field.field === 'body.confirmationUrl');

  return (
    <form className="toolbar" onSubmit={(event) => void save(event)}>
      <Field
        label="URL de confirmação"
        help="https; vazio para não enviar confirmações"
        error={fieldError?.message}
        wide
      >
        {(props) => (
          <input {...props} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button button-primary">
        Salvar URL
      </button>
      {saved && (
        <p className="alert alert-success" role="status">
          URL de confirmação salva.
        </p>
      )}
      {!fieldError && <ErrorMessage error={error} />}
    </form>
  );
}
