import { maskCpfOrCnpj } from '@web/attendance/masks.ts';
import { Field } from '@web/components/field.tsx';

export type CitizenValue = { document: string; name: string };

export type CitizenFieldsProps = {
  value: CitizenValue;
  errors: { document?: string | undefined; name?: string | undefined };
  onChange: (value: CitizenValue) => void;
  onBlur: (field: keyof CitizenValue) => void;
};

/** Who is being served: the citizen's CPF or CNPJ and name, first on every hosted form. */
export function CitizenFields({ value, errors, onChange, onBlur }: CitizenFieldsProps) {
  return (
    <fieldset className="form-section">
      <legend>Usuário atendido</legend>
      <div className="form-grid">
        <Field label="CPF/CNPJ do usuário" required error={errors.document}>
          {(props) => (
            <input
              {...props}
              className="mono"
              autoFocus
              autoComplete="off"
              inputMode="numeric"
              placeholder="000.000.000-00"
              value={value.document}
              onBlur={() => onBlur('document')}
              onChange={(event) =>
                onChange({ ...value, document: maskCpfOrCnpj(event.target.value) })
              }
            />
          )}
        </Field>
        <Field label="Nome do usuário" error={errors.name} wide>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              maxLength={120}
              value={value.name}
              onBlur={() => onBlur('name')}
              onChange={(event) => onChange({ ...value, name: event.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
