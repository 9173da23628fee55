import { useState, type FormEvent } from 'react';
import { backofficeApi, type Page, type PageQuery } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { ENTITIES, labelOf } from '@web/backoffice/labels.ts';
import { Pager } from '@web/backoffice/pager.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
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

const FILTERS = [
  { name: 'actor', label: 'Quem (matrícula ou nome)', type: 'search' },
  { name: 'from', label: 'De', type: 'date' },
  { name: 'to', label: 'Até', type: 'date' },
] as const;

/** The catalogue's change log: who changed what and when, with before and after. */
export function ChangesScreen() {
  const [draft, setDraft] = useState<PageQuery>({});
  const [applied, setApplied] = useState<PageQuery>({});
  const [offset, setOffset] = useState(0);
  const query = { ...applied, limit: '20', offset: String(offset) };
  const load = useLoad(
    () => backofficeApi.list<{ changes: Change[]; page: Page }>('/changes', query),
    [JSON.stringify(query)],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setApplied(draft);
  };
  const set = (name: string, value: string) => setDraft({ ...draft, [name]: value });

  return (
    <BackofficeFrame title="Retaguarda – histórico de alterações">
      <form className="toolbar" role="search" aria-label="Filtrar alterações" onSubmit={submit}>
        <Field label="Tipo de registro">
          {(aria) => (
            <select
              {...aria}
              value={draft.entity ?? ''}
              onChange={(e) => set('entity', e.target.value)}
            >
              <option value="">Todos</option>
              {Object.entries(ENTITIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Ação">
          {(aria) => (
            <select
              {...aria}
              value={draft.action ?? ''}
              onChange={(e) => set('action', e.target.value)}
            >
              <option value="">Todas</option>
              <option value="create">Criação</option>
              <option value="update">Alteração</option>
            </select>
          )}
        </Field>
        {FILTERS.map((filter) => (
          <Field key={filter.name} label={filter.label}>
            {(aria) => (
              <input
                {...aria}
                type={filter.type}
                value={draft[filter.name] ?? ''}
                onChange={(e) => set(filter.name, e.target.value)}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="button">
          Filtrar
        </button>
      </form>
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
