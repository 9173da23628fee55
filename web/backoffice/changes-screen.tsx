import { backofficeApi, type Page } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { FilterBar, useFilters, type FilterSpec } from '@web/backoffice/filter-bar.tsx';
import { ENTITIES, labelOf } from '@web/backoffice/labels.ts';
import { Pager } from '@web/backoffice/pager.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { formatDateTime } from '@shared/time.ts';

type Change = {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: { id: string | null; label: string };
  occurredAt: string;
};

const HIDDEN = new Set(['createdAt', 'updatedAt', 'version', 'passwordHash']);

/** The fields a change touched, as they were and as they became. */
function changedFields(change: Change) {
  const after = change.after ?? {};
  const before = change.before ?? {};

  return Object.keys(after)
    .filter((key) => !HIDDEN.has(key))
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

const FILTERS: FilterSpec[] = [
  { name: 'entity', label: 'Tipo de registro', options: ENTITIES },
  {
    name: 'action',
    label: 'Ação',
    options: { create: 'Criação', update: 'Alteração' },
    allLabel: 'Todas',
  },
  { name: 'actor', label: 'Quem (matrícula ou nome)' },
  { name: 'from', label: 'De', type: 'date' },
  { name: 'to', label: 'Até', type: 'date' },
];

/** The catalogue's change log: who changed what and when, with before and after. */
export function ChangesScreen() {
  const state = useFilters();
  const { applied, offset, setOffset } = state;
  const query = { ...applied, limit: '20', offset: String(offset) };
  const load = useLoad(
    () => backofficeApi.list<{ changes: Change[]; page: Page }>('/changes', query),
    [JSON.stringify(query)],
  );
  return (
    <BackofficeFrame title="Retaguarda – histórico de alterações">
      <FilterBar label="Filtrar alterações" filters={FILTERS} state={state} />
      <ErrorMessage catalogue error={load.error} onRetry={load.reload} />
      {load.data?.changes.length === 0 && (
        <p className="empty" role="status">
          Nenhuma alteração encontrada.
        </p>
      )}
      {load.data && load.data.changes.length > 0 && (
        <table className="grid">
          <caption className="visually-hidden">Alterações do catálogo</caption>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Quem</th>
              <th scope="col">Registro</th>
              <th scope="col">Ação</th>
              <th scope="col">Antes → depois</th>
            </tr>
          </thead>
          <tbody>
            {load.data.changes.map((change) => (
              <tr key={change.id}>
                <td>{formatDateTime(change.occurredAt)}</td>
                <td>{change.actor.label}</td>
                <td>
                  {labelOf(ENTITIES, change.entity)}
                  <span className="cell-sub mono">{change.entityId.slice(0, 8)}</span>
                </td>
                <td>{change.action === 'create' ? 'Criação' : 'Alteração'}</td>
                <td>
                  <ul className="diff">
                    {changedFields(change).map((field) => (
                      <li key={field.key}>
                        <strong>{field.key}</strong>:{' '}
                        {change.action === 'create' ? '' : `${show(field.before)} → `}
                        {show(field.after)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={load.data?.page} label="alterações" onOffset={setOffset} />
    </BackofficeFrame>
  );
}
