import { useState, type ReactNode } from 'react';
import {
  backofficeApi,
  type Page,
  type PageQuery,
  type Versioned,
} from '@web/backoffice/backoffice-api.ts';
import { FilterBar, useFilters, type FilterSpec } from '@web/backoffice/filter-bar.tsx';
import { Pager } from '@web/backoffice/pager.tsx';
import { RecordForm, type FieldSpec } from '@web/backoffice/record-form.tsx';
import { Dialog } from '@web/components/dialog.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';

export type Column<T> = { label: string; render: (row: T) => ReactNode };

export type CrudSectionProps<T extends Versioned> = {
  title: string;
  /** The record's name in buttons: "Novo contrato", "Editar contrato". */
  noun: string;
  /** For feminine nouns: "Nova tarifa". */
  createLabel?: string;
  listPath: string;
  /** The key of the list in the answer: `{ clients: [...], page }`. */
  itemsKey: string;
  createPath?: string | undefined;
  updatePath: (row: T) => string;
  fields: FieldSpec[];
  editFields?: FieldSpec[];
  columns: Column<T>[];
  /** What names a row for screen readers: "Editar cliente BRASILCAP". */
  rowName: (row: T) => string;
  filters?: FilterSpec[];
  fixedQuery?: PageQuery;
  rowActions?: (row: T) => ReactNode;
  pageSize?: number;
  /** Called after a record was saved, for screens that show it elsewhere too. */
  onSaved?: () => void;
};

type Editing<T> = { mode: 'create' } | { mode: 'edit'; row: T } | null;

/** One catalogue list with its filters, its server-side pages, and a create or edit dialog. */
export function CrudSection<T extends Versioned>(props: CrudSectionProps<T>) {
  const { title, noun, listPath, itemsKey, fields, columns, filters = [], pageSize = 20 } = props;
  const state = useFilters();
  const { applied, offset, setOffset } = state;
  const [editing, setEditing] = useState<Editing<T>>(null);
  const query = {
    ...applied,
    ...props.fixedQuery,
    limit: String(pageSize),
    offset: String(offset),
  };
  const load = useLoad(
    () => backofficeApi.list<Record<string, unknown> & { page: Page }>(listPath, query),
    [listPath, JSON.stringify(query)],
  );
  const rows = (load.data?.[itemsKey] as T[] | undefined) ?? [];

  const save = async (body: Record<string, unknown>) => {
    if (editing?.mode === 'edit') {
      await backofficeApi.update(props.updatePath(editing.row), body, editing.row.version);
    } else if (props.createPath) {
      await backofficeApi.create(props.createPath, body);
    }
    setEditing(null);
    load.reload();
    props.onSaved?.();
  };

  const headingId = `${itemsKey}-heading`;
  const createLabel = props.createLabel ?? `Novo ${noun}`;

  return (
    <section className="crud" aria-labelledby={headingId}>
      <div className="crud-head">
        <h2 id={headingId}>{title}</h2>
        {props.createPath && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ mode: 'create' })}
          >
            {createLabel}
          </button>
        )}
      </div>
      {filters.length > 0 && (
        <FilterBar label={`Filtrar ${title}`} filters={filters} state={state} />
      )}
      <ErrorMessage catalogue error={load.error} onRetry={load.reload} />
      {load.loading && rows.length === 0 && <p role="status">Carregando…</p>}
      {!load.loading && !load.error && rows.length === 0 && (
        <p className="empty" role="status">
          Nenhum registro encontrado.
        </p>
      )}
      {rows.length > 0 && (
        <table className="grid">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ))}
              <th scope="col">Ações</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((column) => (
                  <td key={column.label}>{column.render(row)}</td>
                ))}
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Editar ${props.rowName(row)}`}
                    onClick={() => setEditing({ mode: 'edit', row })}
                  >
                    Editar
                  </button>
                  {props.rowActions?.(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={load.data?.page} label={title} onOffset={setOffset} />
      <Dialog
        title={editing?.mode === 'edit' ? `Editar ${noun}` : createLabel}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <RecordForm
            key={editing.mode === 'edit' ? `${editing.row.id}@${editing.row.version}` : 'new'}
            fields={editing.mode === 'edit' ? (props.editFields ?? fields) : fields}
            record={
              editing.mode === 'edit' ? (editing.row as unknown as Record<string, unknown>) : null
            }
            submitLabel="Salvar"
            onSubmit={save}
            onCancel={() => setEditing(null)}
            onStale={() => {
              setEditing(null);
              load.reload();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}
