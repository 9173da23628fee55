import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import { Dialog } from '@web/components/dialog.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';

export type ReverseDialogProps = {
  code: string;
  open: boolean;
  onClose: () => void;
  onReversed: () => void;
};

/** "Estorno": undoes a finalised attendance, with the reason the history records. */
export function ReverseDialog({ code, open, onClose, onReversed }: ReverseDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const reasonError = error?.fields.find((field) => field.field === 'body.reason')?.message;

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sterApi.reverse(code, reason.trim(), { idempotencyKey: key });
      onReversed();
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError);
      if (apiError.code === 'IDEMPOTENCY_KEY_REUSED') {
        setKey(newIdempotencyKey());
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Estornar atendimento" open={open} onClose={onClose}>
      <form onSubmit={confirm}>
        <p>
          O estorno desfaz o atendimento finalizado do protocolo{' '}
          <strong className="mono">{code}</strong>. Devolva o valor ao usuário conforme o
          procedimento do caixa.
        </p>
        <Field label="Motivo do estorno" required error={reasonError}>
          {(props) => (
            <input
              {...props}
              autoFocus
              minLength={3}
              maxLength={200}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <ErrorMessage error={reasonError ? null : error} />
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? 'Estornando…' : 'Confirmar estorno'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Voltar
          </button>
        </div>
      </form>
    </Dialog>
  );
}
