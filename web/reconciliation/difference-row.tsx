import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import {
  DIFFERENCE_LABELS,
  DIFFERENCE_STATUS,
  reconciliationApi,
  type Difference,
} from '@web/reconciliation/reconciliation-api.ts';
import { formatBRL } from '@shared/money.ts';
import { formatDateTime } from '@shared/time.ts';

export type DifferenceItemProps = {
  difference: Difference;
  canNote: boolean;
  onChanged: () => void;
};

const amount = (cents: number | null) => (cents === null ? '—' : formatBRL(cents));

/** One difference with its notes; supervisors and back office explain or resolve it. */
export function DifferenceItem({ difference, canNote, onChanged }: DifferenceItemProps) {
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState<'' | 'explained' | 'resolved'>('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await reconciliationApi.addNote(difference.id, note, resolution || undefined);
      setNote('');
      onChanged();
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const title = DIFFERENCE_LABELS[difference.kind] ?? difference.kind;

  return (
    <li className="panel" aria-label={`${title}: ${difference.reference}`}>
      <h3>
        {title} — {DIFFERENCE_STATUS[difference.status]}
      </h3>
      <p>
        {difference.protocolCode && <>Protocolo {difference.protocolCode} · </>}
        {difference.reference} · {difference.agencyName ?? 'sem agência'}
      </p>
      <p>
        STER: {amount(difference.sterCents)} · arquivo: {amount(difference.reportedCents)}
      </p>
      {difference.notes.length > 0 && (
        <ul aria-label="Notas">
          {difference.notes.map((item) => (
            <li key={`${item.createdAt}-${item.note}`}>
              {formatDateTime(item.createdAt)} · {item.authorLabel}: {item.note}
              {item.resolution && ` (${DIFFERENCE_STATUS[item.resolution]})`}
            </li>
          ))}
        </ul>
      )}
      {canNote && (
        <form className="toolbar" onSubmit={submit}>
          <Field label="Nota" required>
            {(props) => (
              <input
                {...props}
                required
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
          <Field label="Situação depois da nota">
            {(props) => (
              <select
                {...props}
                value={resolution}
                onChange={(e) => setResolution(e.target.value as typeof resolution)}
              >
                <option value="">Continua aberta</option>
                <option value="explained">Justificada</option>
                <option value="resolved">Resolvida</option>
              </select>
            )}
          </Field>
          <button type="submit" className="button">
            Anotar
          </button>
        </form>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}
