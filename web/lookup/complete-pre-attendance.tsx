import { useState, type FormEvent } from 'react';
import { DocumentsChecklist } from '@web/attendance/documents-checklist.tsx';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import type { RequiredDocument } from '@shared/forms/form-definition.ts';

export type CompletePreAttendanceProps = {
  code: string;
  documents: RequiredDocument[];
  onCompleted: (protocol: Protocol) => void;
};

/** Flow 4 at the counter: tick the documents seen and confirm; the protocol becomes pending. */
export function CompletePreAttendance({
  code,
  documents,
  onCompleted,
}: CompletePreAttendanceProps) {
  const [checked, setChecked] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const confirm = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCompleted((await sterApi.complete(code, checked, { idempotencyKey: key })).protocol);
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };
  useShortcuts({ F9: () => void confirm() });

  return (
    <form className="panel" onSubmit={confirm} aria-labelledby="complete-title">
      <h2 id="complete-title">Concluir pré-atendimento</h2>
      <p className="muted">
        Confira as respostas acima com o usuário e os documentos apresentados.
      </p>
      <DocumentsChecklist
        documents={documents}
        checked={checked}
        error={error?.fields.find((field) => field.field === 'body.documentsChecked')?.message}
        onChange={setChecked}
        autoFocus
      />
      <ErrorMessage error={error} />
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          autoFocus={documents.length === 0}
        >
          {busy ? 'Confirmando…' : 'Confirmar'} <Kbd keys="F9" />
        </button>
      </div>
    </form>
  );
}
