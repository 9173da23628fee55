import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import type { Labels } from '@web/backoffice/labels.ts';
import { PickerInput, type PickerSource } from '@web/backoffice/search-picker.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { maskCnpj, maskMoney } from '@web/attendance/masks.ts';
import { formatDecimal, parseBRL } from '@shared/money.ts';

/** One input of a back-office form, named after the API field it fills. */
export type FieldSpec = {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'cnpj'
    | 'select'
    | 'checkbox'
    | 'date'
    | 'integer'
    | 'money'
    | 'multi'
    | 'password'
    | 'lookup';
  /** A select's choices; for a lookup, the names already known of some records. */
  options?: Labels;
  /** The list a lookup searches. */
  lookup?: PickerSource;
  help?: string;
  required?: boolean;
  /** Empty means null (an open end date, no site address) rather than "not given". */
  nullable?: boolean;
  /** Sent only when creating (an initial password, the contract of a tariff). */
  createOnly?: boolean;
};

type Value = string | boolean | string[];
type Values = Record<string, Value>;
type Body = Record<string, unknown>;

function initialOf(spec: FieldSpec, record: Body | null): Value {
  const value = record?.[spec.name];
  if (spec.kind === 'checkbox') {
    return typeof value === 'boolean' ? value : spec.name === 'active';
  }
  if (spec.kind === 'multi') {
    return Array.isArray(value) ? (value as string[]) : [];
  }
  if (spec.kind === 'money') {
    return typeof value === 'number' ? formatDecimal(value) : '';
  }
  if (spec.kind === 'select' && value === undefined && !spec.nullable) {
    return Object.keys(spec.options ?? {})[0] ?? '';
  }

  return value === null || value === undefined ? '' : String(value);
}

/** The API value of an input; undefined leaves the field out of the request. */
function apiValue(spec: FieldSpec, value: Value): unknown {
  if (Array.isArray(value)) {
    return value.length > 0 ? value : undefined;
  }
  if (typeof value !== 'string') {
    return value;
  }
  const text = value.trim();
  if (text === '') {
    return spec.nullable ? null : undefined;
  }
  if (spec.kind === 'integer') {
    return /^\d+$/.test(text) ? Number(text) : text;
  }
  if (spec.kind === 'money') {
    return parseBRL(text) ?? text;
  }

  return text;
}

export type RecordFormProps = {
  fields: FieldSpec[];
  /** The record being edited, or null to create one. */
  record: Body | null;
  submitLabel: string;
  onSubmit: (body: Body) => Promise<void>;
  onCancel: () => void;
  /** Called when the server says someone else changed the record meanwhile. */
  onStale?: () => void;
};

/**
 * A create or edit form for one catalogue record. Editing sends only what changed, with the
 * version read, so a colleague's change made meanwhile is refused instead of overwritten.
 */
export function RecordForm({
  fields,
  record,
  submitLabel,
  onSubmit,
  onCancel,
  onStale,
}: RecordFormProps) {
  const shown = fields.filter((spec) => !(record && spec.createOnly));
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(shown.map((spec) => [spec.name, initialOf(spec, record)])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [nothing, setNothing] = useState(false);

  const fieldError = (name: string) =>
    error?.fields.find((field) => field.field === `body.${name}`)?.message;

  const body = () => {
    const result: Body = {};
    for (const spec of shown) {
      const value = apiValue(spec, values[spec.name] ?? '');
      const before = record ? apiValue(spec, initialOf(spec, record)) : undefined;
      if (value !== undefined && (!record || JSON.stringify(value) !== JSON.stringify(before))) {
        result[spec.name] = value;
      }
    }

    return result;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = body();
    if (record && Object.keys(changes).length === 0) {
      setNothing(true);

      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(changes);
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };

  const set = (name: string, value: Value) => {
    setNothing(false);
    setValues((current) => ({ ...current, [name]: value }));
  };

  return (
    <form onSubmit={submit} noValidate className="record-form">
      <div className="form-grid">
        {shown.map((spec) => (
          <Input
            key={spec.name}
            spec={spec}
            value={values[spec.name] ?? ''}
            error={fieldError(spec.name)}
            onChange={(value) => set(spec.name, value)}
          />
        ))}
      </div>
      <ErrorMessage catalogue error={error} />
      {error?.code === 'STALE_VERSION' && onStale && (
        <button type="button" className="button" onClick={onStale}>
          Recarregar dados atuais
        </button>
      )}
      {nothing && (
        <p className="alert alert-warning" role="status">
          Nada foi alterado.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Salvando…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}

type InputProps = {
  spec: FieldSpec;
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
};

function Input({ spec, value, error, onChange }: InputProps) {
  if (spec.kind === 'checkbox') {
    return (
      <label className="choice">
        <input
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
        {spec.label}
      </label>
    );
  }
  if (spec.kind === 'multi') {
    const chosen = value as string[];

    return (
      <fieldset className="choices">
        <legend>{spec.label}</legend>
        {Object.entries(spec.options ?? {}).map(([option, label]) => (
          <label key={option} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...chosen, option]
                    : chosen.filter((item) => item !== option),
                )
              }
            />
            {label}
          </label>
        ))}
        {error && <span className="field-error">{error}</span>}
      </fieldset>
    );
  }
  const text = value as string;

  return (
    <Field label={spec.label} required={spec.required} help={spec.help} error={error}>
      {(aria) =>
        spec.kind === 'lookup' && spec.lookup ? (
          <PickerInput
            aria={aria}
            source={spec.lookup}
            value={text}
            known={spec.options}
            onChange={onChange}
          />
        ) : spec.kind === 'select' ? (
          <select {...aria} value={text} onChange={(event) => onChange(event.target.value)}>
            {spec.nullable && <option value="">—</option>}
            {Object.entries(spec.options ?? {}).map(([option, label]) => (
              <option key={option} value={option}>
                {label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...aria}
            type={spec.kind === 'date' ? 'date' : spec.kind === 'password' ? 'password' : 'text'}
            inputMode={spec.kind === 'integer' || spec.kind === 'money' ? 'numeric' : undefined}
            autoComplete={spec.kind === 'password' ? 'new-password' : 'off'}
            value={text}
            onChange={(event) => {
              const typed = event.target.value;
              onChange(
                spec.kind === 'money'
                  ? maskMoney(typed)
                  : spec.kind === 'cnpj'
                    ? maskCnpj(typed)
                    : typed,
              );
            }}
          />
        )
      }
    </Field>
  );
}
