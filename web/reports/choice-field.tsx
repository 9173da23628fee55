import { Field } from '@web/components/field.tsx';

export type Choice = { value: string; label: string };

export type ChoiceFieldProps = {
  label: string;
  /** The first option, which leaves the filter off: "Todos", "Todas". */
  anyLabel: string;
  value: string | undefined;
  choices: readonly Choice[];
  error?: string | undefined;
  onChange: (value: string) => void;
};

/** One optional filter of the report, as a labelled list whose first option is "any". */
export function ChoiceField({
  label,
  anyLabel,
  value,
  choices,
  error,
  onChange,
}: ChoiceFieldProps) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">{anyLabel}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
