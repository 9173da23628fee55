import { maskCpfOrCnpj } from '@web/attendance/masks.ts';
import { Field } from '@web/components/field.tsx';

export type DocumentFieldProps = {
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  readOnly?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
};

/** A CPF or CNPJ input, masked as it is typed. */
export function DocumentField({
  label,
  value,
  error,
  required,
  readOnly,
  onChange,
  onBlur,
}: DocumentFieldProps) {
  return (
    <Field label={label} required={required} error={error}>
      {(props) => (
        <input
          {...props}
          className="mono"
          inputMode="numeric"
          autoComplete="off"
          placeholder="000.000.000-00"
          readOnly={readOnly}
          value={value}
          onBlur={onBlur}
          onChange={(event) => onChange(maskCpfOrCnpj(event.target.value))}
        />
      )}
    </Field>
  );
}
