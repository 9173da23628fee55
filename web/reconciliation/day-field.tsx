import { Field } from '@web/components/field.tsx';

export type DayFieldProps = {
  label: string;
  value: string;
  onChange: (day: string) => void;
  error?: string | undefined;
};

/** A required calendar day (`AAAA-MM-DD`), with the server's message when it refused it. */
export function DayField({ label, value, onChange, error }: DayFieldProps) {
  return (
    <Field label={label} required error={error}>
      {(props) => (
        <input
          {...props}
          type="date"
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
