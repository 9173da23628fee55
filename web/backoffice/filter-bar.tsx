import { useState, type FormEvent } from 'react';
import type { PageQuery } from '@web/backoffice/backoffice-api.ts';
import type { Labels } from '@web/backoffice/labels.ts';
import { PickerInput, type PickerSource } from '@web/backoffice/search-picker.tsx';
import { Field } from '@web/components/field.tsx';

/** A list filter: a select when it has options, else a search or date input. */
export type FilterSpec = {
  name: string;
  label: string;
  options?: Labels;
  /** Searches this list instead of offering `options` (then only the names already known). */
  lookup?: PickerSource;
  /** The select's "no filter" choice: "Todos" unless the noun asks for "Todas". */
  allLabel?: string;
  type?: 'search' | 'date';
};

/**
 * The filters of a server-side list and its page offset. Filters apply on submit, so each
 * change of filter is one request, and a new filter starts again at the first page.
 */
export function useFilters() {
  const [draft, setDraft] = useState<PageQuery>({});
  const [applied, setApplied] = useState<PageQuery>({});
  const [offset, setOffset] = useState(0);

  return {
    draft,
    applied,
    offset,
    setOffset,
    set: (name: string, value: string) => setDraft((current) => ({ ...current, [name]: value })),
    submit: (event: FormEvent) => {
      event.preventDefault();
      setOffset(0);
      setApplied(draft);
    },
  };
}

export type FilterBarProps = {
  label: string;
  filters: FilterSpec[];
  state: ReturnType<typeof useFilters>;
};

export function FilterBar({ label, filters, state }: FilterBarProps) {
  return (
    <form className="toolbar" role="search" aria-label={label} onSubmit={state.submit}>
      {filters.map((spec) => (
        <Field key={spec.name} label={spec.label}>
          {(aria) =>
            spec.lookup ? (
              <PickerInput
                aria={aria}
                source={spec.lookup}
                value={state.draft[spec.name] ?? ''}
                known={spec.options}
                onChange={(id) => state.set(spec.name, id)}
              />
            ) : spec.options ? (
              <select
                {...aria}
                value={state.draft[spec.name] ?? ''}
                onChange={(event) => state.set(spec.name, event.target.value)}
              >
                <option value="">{spec.allLabel ?? 'Todos'}</option>
                {Object.entries(spec.options).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...aria}
                type={spec.type ?? 'search'}
                value={state.draft[spec.name] ?? ''}
                onChange={(event) => state.set(spec.name, event.target.value)}
              />
            )
          }
        </Field>
      ))}
      <button type="submit" className="button">
        Filtrar
      </button>
    </form>
  );
}
