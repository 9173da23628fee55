import type { ApiError } from '@web/api/client.ts';
import type { CounterReference } from '@web/api/endpoints.ts';
import { Field } from '@web/components/field.tsx';

export type ReferenceFieldsProps = {
  reference: CounterReference;
  onChange: (reference: CounterReference) => void;
  error: ApiError | null;
};

const FIELDS: { key: keyof CounterReference; label: string }[] = [
  { key: 'till', label: 'Caixa' },
  { key: 'entryNumber', label: 'Nº do lançamento' },
  { key: 'attendanceNumber', label: 'Nº do atendimento' },
];

/** The till's references for this sale, generated and editable (as SARA would fill them). */
export function ReferenceFields({ reference, onChange, error }: ReferenceFieldsProps) {
  const fieldError = (key: string) =>
    error?.fields.find((field) => field.field === `body.${key}`)?.message;

  return (
    <fieldset className="form-row">
      <legend>Referências do caixa</legend>
      {FIELDS.map(({ key, label }, index) => (
        <Field key={key} label={label} required error={fieldError(key)}>
          {(props) => (
            <input
              {...props}
              className="mono"
              autoFocus={index === 0}
              maxLength={20}
              value={reference[key]}
              onChange={(event) =>
                onChange({ ...reference, [key]: event.target.value.replace(/[^0-9A-Za-z-]/g, '') })
              }
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
