import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { Field } from '@web/components/field.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { ChoiceField } from '@web/reports/choice-field.tsx';
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
        <ChoiceField
          label="Agência"
          anyLabel="Todas"
          value={draft.agencyId}
          error={serverField('agencyId')}
          choices={(agencies.data?.agencies ?? []).map((agency) => ({
            value: agency.id,
            label: `${agency.name} (${agency.code})`,
          }))}
          onChange={(agencyId) =>
            setDraft((previous) => ({
              ...previous,
              agencyId: agencyId || undefined,
              attendantId: undefined,
            }))
          }
        />
      )}
      <ChoiceField
        label="Atendente"
        anyLabel="Todos"
        value={draft.attendantId}
        error={serverField('attendantId')}
        choices={(attendants.data?.attendants ?? []).map((a) => ({ value: a.id, label: a.label }))}
        onChange={(value) => set('attendantId', value)}
      />
      <ChoiceField
        label="Cliente"
        anyLabel="Todos"
        value={draft.clientId}
        choices={(clients.data?.clients ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(value) => set('clientId', value)}
      />
      {draft.clientId && (
        <ChoiceField
          label="Serviço"
          anyLabel="Todos"
          value={draft.serviceId}
          choices={(services.data?.services ?? []).map((service) => ({
            value: service.id,
            label: `${service.code} – ${service.name}`,
          }))}
          onChange={(value) => set('serviceId', value)}
        />
      )}
      <ChoiceField
        label="Situação"
        anyLabel="Todas"
        value={draft.status}
        choices={PROTOCOL_STATUSES.map((status) => ({
          value: status,
          label: PROTOCOL_STATUS_LABELS[status],
        }))}
        onChange={(value) => set('status', value)}
      />
      <ChoiceField
        label="Modalidade"
        anyLabel="Todas"
        value={draft.modality}
        choices={(['cash', 'invoiced'] as const).map((modality) => ({
          value: modality,
          label: MODALITY_LABELS[modality],
        }))}
        onChange={(value) => set('modality', value)}
      />
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
