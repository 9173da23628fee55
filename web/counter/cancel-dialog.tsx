import { useState } from 'react';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { Dialog } from '@web/components/dialog.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { toApiError } from '@web/components/use-load.ts';
import {
  CANCEL_REASON_LABELS,
  CANCEL_REASONS,
  type CancelReason,
} from '@shared/protocol/lifecycle.ts';

export type CancelDialogProps = {
  protocol: Protocol | null;
  onClose: () => void;
  onCancelled: (protocol: Protocol) => void;
};

/** "Cancelar protocolo": asks for confirmation and the reason the document names. */
export function CancelDialog({ protocol, onClose, onCancelled }: CancelDialogProps) {
  const [reason, setReason] = useState<CancelReason>('citizenGaveUp');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const confirm = async () => {
    if (!protocol) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCancelled((await sterApi.cancel(protocol.code, reason, { idempotencyKey: key })).protocol);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Cancelar protocolo" open={protocol !== null} onClose={onClose}>
      <p>
        Confirma o cancelamento do protocolo <strong className="mono">{protocol?.code}</strong> (
        {protocol?.service.name})? O protocolo sai da lista de pendentes e não poderá ser atendido.
      </p>
      <fieldset className="choices">
        <legend>Motivo do cancelamento</legend>
        {CANCEL_REASONS.map((value, index) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="cancel-reason"
              value={value}
              autoFocus={index === 0}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {CANCEL_REASON_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={confirm}>
          {busy ? 'Cancelando…' : 'Confirmar cancelamento'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Voltar
        </button>
      </div>
    </Dialog>
  );
}
