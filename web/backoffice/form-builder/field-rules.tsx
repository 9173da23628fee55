import { Field } from '@web/components/field.tsx';
import type { FormField } from '@shared/forms/form-definition.ts';

export type FieldRulesProps = { field: FormField; onChange: (next: FormField) => void };

/** Sets or clears one optional property of a field. */
export function withProp<K extends keyof FormField>(
  field: FormField,
  key: K,
  value: FormField[K] | undefined,
): FormField {
  const next = { ...field };
  if (value === undefined || value === '') {
    delete next[key];
  } else {
    next[key] = value;
  }

  return next;
}

const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

type RuleInputProps = {
  label: string;
  value: string | number | undefined;
  help?: string;
  type?: 'text' | 'date';
  onChange: (text: string) => void;
};

function RuleInput({ label, value, help, type = 'text', onChange }: RuleInputProps) {
  return (
    <Field label={label} help={help}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The rules a field's type allows: lengths and a pattern for texts, bounds for numbers and dates. */
export function FieldRules({ field, onChange }: FieldRulesProps) {
  const set = <K extends keyof FormField>(key: K, value: FormField[K] | undefined) =>
    onChange(withProp(field, key, value));

  if (field.type === 'text' || field.type === 'textarea') {
    return (
      <>
        <RuleInput
          label="Mínimo de caracteres"
          value={field.minLength}
          onChange={(text) => set('minLength', toNumber(text))}
        />
        <RuleInput
          label="Máximo de caracteres"
          value={field.maxLength}
          onChange={(text) => set('maxLength', toNumber(text))}
        />
        <RuleInput
          label="Máscara (expressão regular)"
          value={field.pattern}
          help="Ex.: ^[0-9]{11}$ para 11 dígitos."
          onChange={(text) => set('pattern', text)}
        />
        <RuleInput
          label="Mensagem quando não confere"
          value={field.patternMessage}
          onChange={(text) => set('patternMessage', text)}
        />
      </>
    );
  }
  if (field.type === 'number' || field.type === 'money') {
    const unit = field.type === 'money' ? ' (centavos)' : '';

    return (
      <>
        <RuleInput
          label={`Mínimo${unit}`}
          value={field.min}
          onChange={(text) => set('min', toNumber(text))}
        />
        <RuleInput
          label={`Máximo${unit}`}
          value={field.max}
          onChange={(text) => set('max', toNumber(text))}
        />
      </>
    );
  }
  if (field.type === 'date') {
    return (
      <>
        <RuleInput
          label="Data mínima"
          type="date"
          value={field.min}
          onChange={(text) => set('min', text)}
        />
        <RuleInput
          label="Data máxima"
          type="date"
          value={field.max}
          onChange={(text) => set('max', text)}
        />
      </>
    );
  }
  if (field.type === 'choice') {
    const text = (field.options ?? []).map((option) => `${option.value} = ${option.label}`);

    return (
      <Field label="Opções" help="Uma por linha: valor = rótulo." wide>
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            value={text.join('\n')}
            onChange={(event) =>
              set(
                'options',
                event.target.value.split('\n').map((line) => {
                  const [value = '', ...label] = line.split('=');

                  return { value: value.trim(), label: label.join('=').trim() || value.trim() };
                }),
              )
            }
          />
        )}
      </Field>
    );
  }

  return null;
}
