import { maskFor } from '@web/attendance/masks.ts';
import { Field, type FieldRenderProps } from '@web/components/field.tsx';
import type { FormField } from '@shared/forms/form-definition.ts';

export type FormFieldInputProps = {
  field: FormField;
  value: string;
  error: string | undefined;
  autoFocus?: boolean | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
};

const INPUT_MODE: Partial<Record<FormField['type'], 'numeric' | 'decimal' | 'tel' | 'email'>> = {
  number: 'decimal',
  money: 'numeric',
  date: 'numeric',
  cpf: 'numeric',
  cep: 'numeric',
  phone: 'tel',
  email: 'email',
};

const PLACEHOLDER: Partial<Record<FormField['type'], string>> = {
  date: 'dd/mm/aaaa',
  money: '0,00',
  cpf: '000.000.000-00',
  cnpj: '00.000.000/0000-00',
  cep: '00000-000',
  phone: '(00) 00000-0000',
};

type ControlProps = { input: FormFieldInputProps; aria: FieldRenderProps };

function Control({ input, aria }: ControlProps) {
  const { field, value, autoFocus, onChange, onBlur } = input;
  const common = { ...aria, autoFocus, onBlur, required: field.required };
  const { id } = aria;
  if (field.type === 'textarea') {
    return (
      <textarea
        {...common}
        id={id}
        rows={3}
        maxLength={field.maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  if (field.type === 'choice' || field.type === 'yesNo') {
    const options =
      field.type === 'yesNo'
        ? [
            { value: 'true', label: 'Sim' },
            { value: 'false', label: 'Não' },
          ]
        : (field.options ?? []);

    return (
      <select {...common} id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Selecione…</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  const mask = maskFor(field.type);

  return (
    <input
      {...common}
      id={id}
      type={field.type === 'email' ? 'email' : 'text'}
      inputMode={INPUT_MODE[field.type]}
      placeholder={PLACEHOLDER[field.type]}
      autoComplete="off"
      maxLength={field.type === 'text' ? field.maxLength : undefined}
      className={field.type === 'money' ? 'num' : undefined}
      value={value}
      onChange={(event) => onChange(mask(event.target.value))}
    />
  );
}

/** One field of a hosted form, with its mask and its validation message. */
export function FormFieldInput(props: FormFieldInputProps) {
  const { field, error } = props;

  return (
    <Field
      label={field.type === 'money' ? `${field.label} (R$)` : field.label}
      required={field.required}
      help={field.help}
      error={error}
      wide={field.type === 'textarea' || field.type === 'text'}
    >
      {(aria) => <Control input={props} aria={aria} />}
    </Field>
  );
}
