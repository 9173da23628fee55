import { useEffect, useState, type KeyboardEvent } from 'react';
import { backofficeApi, type PageQuery } from '@web/backoffice/backoffice-api.ts';
import type { FieldRenderProps } from '@web/components/field.tsx';
import { useLoad } from '@web/components/use-load.ts';

export type PickerItem = { id: string } & Record<string, unknown>;

/** Which back-office list a picker searches, and how one of its records is named. */
export type PickerSource = {
  path: string;
  itemsKey: string;
  /** Fixed filters, such as `active: 'true'`. */
  query?: PageQuery;
  label: (item: PickerItem) => string;
};

export type SearchPickerProps = {
  aria: FieldRenderProps;
  source: PickerSource;
  /** The chosen record's id, or '' for none. */
  value: string;
  /** How the chosen record is named, when the screen knows it. */
  valueLabel: string | undefined;
  onChange: (id: string, label: string) => void;
};

const PAGE = '20';
const DEBOUNCE_MS = 250;

/** Typing asks the server once the typist pauses, not on every key. */
function useDebounced(value: string) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);

    return () => clearTimeout(timer);
  }, [value]);

  return settled;
}

/**
 * A combobox that searches a server-side list by name or code (the `q` filter), so a choice
 * among thousands of records is a few keys away. Arrows move, Enter picks, Escape closes;
 * emptying the text clears the choice.
 */
export function SearchPicker({ aria, source, value, valueLabel, onChange }: SearchPickerProps) {
  const [text, setText] = useState(valueLabel ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useDebounced(text === valueLabel ? '' : text.trim());
  const found = useLoad(async () => {
    if (!open) {
      return [];
    }
    const answer = await backofficeApi.list<Record<string, PickerItem[]>>(source.path, {
      ...source.query,
      q: typed || undefined,
      limit: PAGE,
    });

    return answer[source.itemsKey] ?? [];
  }, [open, typed, source.path, source.itemsKey, JSON.stringify(source.query)]);
  const items = found.data ?? [];
  const listId = `${aria.id}-list`;
  const optionId = (index: number) => `${aria.id}-option-${index}`;

  const choose = (item: PickerItem) => {
    const label = source.label(item);
    setText(label);
    setOpen(false);
    onChange(item.id, label);
  };
  const type = (next: string) => {
    setText(next);
    setOpen(true);
    setActive(0);
    if (next.trim() === '' && value !== '') {
      onChange('', '');
    }
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(items.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const item = items[active];
      if (item) {
        choose(item);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(valueLabel ?? '');
    }
  };
  // The previous answer stays listed while the next one loads, so the list does not flicker.
  const shown = open && found.data !== null;

  return (
    <div className="picker">
      <input
        {...aria}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && items[active] ? optionId(active) : undefined}
        placeholder="Nome ou código"
        value={text}
        onChange={(event) => type(event.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(valueLabel ?? '');
        }}
        onKeyDown={keyDown}
      />
      <ul className="picker-list" id={listId} role="listbox" hidden={!shown}>
        {items.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Keeps the focus in the input, so its blur does not close the list before the pick.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
          >
            {source.label(item)}
          </li>
        ))}
        {shown && !found.loading && items.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted">
            Nenhum resultado para “{typed}”.
          </li>
        )}
      </ul>
    </div>
  );
}

export type PickerInputProps = {
  aria: FieldRenderProps;
  source: PickerSource;
  value: string;
  /** Names of records the screen already has, to show the current choice before any search. */
  known: Record<string, string> | undefined;
  onChange: (id: string) => void;
};

/** A picker that remembers the name of what was picked, for forms and filters holding ids. */
export function PickerInput({ aria, source, value, known, onChange }: PickerInputProps) {
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const label = picked?.id === value ? picked.label : known?.[value];

  return (
    <SearchPicker
      aria={aria}
      source={source}
      value={value}
      valueLabel={value === '' ? '' : label}
      onChange={(id, text) => {
        setPicked({ id, label: text });
        onChange(id);
      }}
    />
  );
}
