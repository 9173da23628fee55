import type { KeyboardEvent } from 'react';
import { FieldRules, withProp } from '@web/backoffice/form-builder/field-rules.tsx';
import { VisibilityRule } from '@web/backoffice/form-builder/visibility-rule.tsx';
import { Field } from '@web/components/field.tsx';
import {
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  type FieldType,
  type FormField,
} from '@shared/forms/form-definition.ts';

export type FieldTypeSelectProps = {
  label: string;
  value: FieldType;
  onChange: (type: FieldType) => void;
};

/** A select of every field type the core supports, by its Portuguese name. */
export function FieldTypeSelect({ label, value, onChange }: FieldTypeSelectProps) {
  return (
    <Field label={label}>
      {(aria) => (
        <select
          {...aria}
          value={value}
          onChange={(event) => onChange(event.target.value as FieldType)}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIELD_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export type FieldEditorProps = {
  field: FormField;
  position: string;
  earlier: FormField[];
  problems: string[];
  onChange: (next: FormField) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** Rules that only make sense for some types are dropped when the type changes. */
function retype(field: FormField, type: FieldType): FormField {
  const { minLength, maxLength, pattern, patternMessage, min, max, options, ...kept } = field;
  void [minLength, maxLength, pattern, patternMessage, min, max, options];

  return {
    ...kept,
    type,
    ...(type === 'choice' ? { options: options ?? [{ value: 'a', label: 'Opção A' }] } : {}),
  };
}

/**
 * One field of the form being designed. Alt+↑ and Alt+↓ anywhere inside it move it, as the
 * "Subir" and "Descer" buttons do.
 */
export function FieldEditor(props: FieldEditorProps) {
  const { field, position, earlier, problems, onChange, onMove, onRemove } = props;
  const name = field.label || field.id;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  return (
    <fieldset className="builder-field" data-field-id={field.id} onKeyDown={onKeyDown}>
      <legend>
        {position} · {FIELD_TYPE_LABELS[field.type]}: {name}
      </legend>
      <div className="form-grid">
        <Field label="Rótulo" required>
          {(aria) => (
            <input
              {...aria}
              value={field.label}
              onChange={(event) => onChange({ ...field, label: event.target.value })}
            />
          )}
        </Field>
        <Field label="Identificador" help="Letras e números, começando por minúscula.">
          {(aria) => (
            <input
              {...aria}
              value={field.id}
              onChange={(event) => onChange({ ...field, id: event.target.value.trim() })}
            />
          )}
        </Field>
        <FieldTypeSelect
          label="Tipo"
          value={field.type}
          onChange={(type) => onChange(retype(field, type))}
        />
        <Field label="Texto de ajuda">
          {(aria) => (
            <input
              {...aria}
              value={field.help ?? ''}
              onChange={(event) => onChange(withProp(field, 'help', event.target.value))}
            />
          )}
        </Field>
        <label className="choice">
          <input
            type="checkbox"
            checked={field.required === true}
            onChange={(event) =>
              onChange(withProp(field, 'required', event.target.checked || undefined))
            }
          />
          Obrigatório
        </label>
        <FieldRules field={field} onChange={onChange} />
        <VisibilityRule field={field} earlier={earlier} onChange={onChange} />
      </div>
      {problems.length > 0 && (
        <ul className="field-error" aria-live="polite">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          data-action="up"
          aria-label={`Subir campo ${name}`}
          onClick={() => onMove(-1)}
        >
          ↑ Subir
        </button>
        <button
          type="button"
          className="button button-small"
          data-action="down"
          aria-label={`Descer campo ${name}`}
          onClick={() => onMove(1)}
        >
          ↓ Descer
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          aria-label={`Remover campo ${name}`}
          onClick={onRemove}
        >
          Remover
        </button>
      </div>
    </fieldset>
  );
}
