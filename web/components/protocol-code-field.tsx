import { Field } from '@web/components/field.tsx';
import { normalizeProtocolCode, protocolCodeProblem } from '@shared/protocol/protocol-code.ts';

/** The message for a mistyped protocol code, matching the server's; null when it is valid. */
export function protocolCodeError(input: string): string | null {
  const problem = protocolCodeProblem(normalizeProtocolCode(input));
  if (problem === null) {
    return null;
  }

  return problem === 'format'
    ? 'O código do protocolo tem 14 dígitos.'
    : 'Código de protocolo inválido: confira os dígitos (o último é de verificação).';
}

export type ProtocolCodeFieldProps = {
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  onChange: (value: string) => void;
};

/** A protocol code input: digits, read in a monospace font, focused when the screen opens. */
export function ProtocolCodeField({
  label,
  value,
  error,
  required,
  onChange,
}: ProtocolCodeFieldProps) {
  return (
    <Field label={label} required={required} error={error}>
      {(props) => (
        <input
          {...props}
          className="mono"
          autoFocus
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
