import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { Field } from '@web/components/field.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { reportsApi, type ReportFilters } from '@web/reports/reports-api.ts';
import { PROTOCOL_STATUS_LABELS, PROTOCOL_STATUSES } from '@shared/protocol/lifecycle.ts';
import {
  MODALITY_LABELS,
  REPORT_GROUPING_LABELS,
  REPORT_GROUPINGS,
  type ReportGrouping,
} from '@shared/reports.ts';

export type ReportFiltersFormProps = {
  initial: ReportFilters;
  groupBy: ReportGrouping;
  /** Back office chooses the agency; counter staff always see their own. */
  canChooseAgency: boolean;
  error: ApiError | null;
  onApply: (filters: ReportFilters, groupBy: ReportGrouping) => void;
};

/** The report's filters; nothing is asked of the server until "Gerar relatório". */
export function ReportFiltersForm({
  initial,
  groupBy,
  canChooseAgency,
  error,
  onApply,
}: ReportFiltersFormProps) {
  const [draft, setDraft] = useState<ReportFilters>(initial);
  const [grouping, setGrouping] = useState(groupBy);
  const agencies = useLoad(
    () => (canChooseAgency ? reportsApi.agencies() : Promise.resolve({ agencies: [] })),
    [canChooseAgency],
  );
  // Counter staff get their own agency's attendants whatever is asked; back office follows
  // the chosen agency, or every agency.
  const attendants = useLoad(() => reportsApi.attendants(draft.agencyId), [draft.agencyId]);
  const clients = useLoad(() => reportsApi.clients(), []);
  const services = useLoad(
    () =>
      draft.clientId ? reportsApi.services(draft.clientId) : Promise.resolve({ services: [] }),
    [draft.clientId],
  );
  const serverField = (name: string) =>
    error?.fields.find((field) => field.field === `query.${name}`)?.message;
  const set = (name: keyof ReportFilters, value: string) =>
    setDraft((previous) => ({ ...previous, [name]: value || undefined }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft, grouping);
  };

  return (
    <form className="toolbar report-filters" onSubmit={submit} aria-label="Filtros do relatório">
      <Field label="De" error={serverField('from')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.from}
            onChange={(e) => set('from', e.target.value)}
            required
          />
        )}
      </Field>
      <Field label="Até" error={serverField('to')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.to}
            onChange={(e) => set('to', e.target.value)}
            required
          />
        )}
      </Field>
      {canChooseAgency && (
        <Field label="Agência" error={serverField('agencyId')}>
          {(props) => (
            <select
              {...props}
              value={draft.agencyId ?? ''}
              onChange={(e) =>
                setDraft((previous) => ({
                  ...previous,
                  agencyId: e.target.value || undefined,
                  attendantId: undefined,
                }))
              }
            >
              <option value="">Todas</option>
              {(agencies.data?.agencies ?? []).map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name} ({agency.code})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Atendente" error={serverField('attendantId')}>
        {(props) => (
          <select
            {...props}
            value={draft.attendantId ?? ''}
            onChange={(e) => set('attendantId', e.target.value)}
          >
            <option value="">Todos</option>
            {(attendants.data?.attendants ?? []).map((attendant) => (
              <option key={attendant.id} value={attendant.id}>
                {attendant.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Cliente">
        {(props) => (
          <select
            {...props}
            value={draft.clientId ?? ''}
            onChange={(e) => set('clientId', e.target.value)}
          >
            <option value="">Todos</option>
            {(clients.data?.clients ?? []).map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.clientId && (
        <Field label="Serviço">
          {(props) => (
            <select
              {...props}
              value={draft.serviceId ?? ''}
              onChange={(e) => set('serviceId', e.target.value)}
            >
              <option value="">Todos</option>
              {(services.data?.services ?? []).map((service) => (
                <option key={service.id} value={service.id}>
                  {service.code} – {service.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Situação">
        {(props) => (
          <select
            {...props}
            value={draft.status ?? ''}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">Todas</option>
            {PROTOCOL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {PROTOCOL_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Modalidade">
        {(props) => (
          <select
            {...props}
            value={draft.modality ?? ''}
            onChange={(e) => set('modality', e.target.value)}
          >
            <option value="">Todas</option>
            <option value="cash">{MODALITY_LABELS.cash}</option>
            <option value="invoiced">{MODALITY_LABELS.invoiced}</option>
          </select>
        )}
      </Field>
      <Field label="Agrupar por">
        {(props) => (
          <select
            {...props}
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as ReportGrouping)}
          >
            {REPORT_GROUPINGS.map((value) => (
              <option key={value} value={value}>
                {REPORT_GROUPING_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary">
        Gerar relatório
      </button>
    </form>
  );
}
