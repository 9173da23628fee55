import { withProp } from '@web/backoffice/form-builder/field-rules.tsx';
import { Field } from '@web/components/field.tsx';
import type { FormField } from '@shared/forms/form-definition.ts';

export type VisibilityRuleProps = {
  field: FormField;
  /** The fields before this one: a rule may only look back. */
  earlier: FormField[];
  onChange: (next: FormField) => void;
};

function equalsValue(source: FormField | undefined, text: string): string | number | boolean {
  if (source?.type === 'yesNo') {
    return text === 'true';
  }
  if (source?.type === 'number' || source?.type === 'money') {
    return Number(text);
  }

  return text;
}

/** "Show this field only when field X equals value V." */
export function VisibilityRule({ field, earlier, onChange }: VisibilityRuleProps) {
  const rule = field.visibleWhen;
  const source = earlier.find((candidate) => candidate.id === rule?.field);
  const choices =
    source?.type === 'yesNo'
      ? [
          { value: 'true', label: 'Sim' },
          { value: 'false', label: 'Não' },
        ]
      : source?.type === 'choice'
        ? (source.options ?? [])
        : null;

  const setRule = (fieldId: string, text: string) => {
    const from = earlier.find((candidate) => candidate.id === fieldId);
    onChange(
      withProp(
        field,
        'visibleWhen',
        fieldId ? { field: fieldId, equals: equalsValue(from, text) } : undefined,
      ),
    );
  };

  return (
    <>
      <Field label="Mostrar só quando o campo" help="Vazio: sempre visível.">
        {(aria) => (
          <select
            {...aria}
            value={rule?.field ?? ''}
            onChange={(event) => {
              const next = earlier.find((candidate) => candidate.id === event.target.value);
              const first = next?.type === 'yesNo' ? 'true' : (next?.options?.[0]?.value ?? '');
              setRule(event.target.value, first);
            }}
          >
            <option value="">—</option>
            {earlier.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label} ({candidate.id})
              </option>
            ))}
          </select>
        )}
      </Field>
      {rule && (
        <Field label="for igual a">
          {(aria) =>
            choices ? (
              <select
                {...aria}
                value={String(rule.equals)}
                onChange={(event) => setRule(rule.field, event.target.value)}
              >
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...aria}
                value={String(rule.equals)}
                onChange={(event) => setRule(rule.field, event.target.value)}
              />
            )
          }
        </Field>
      )}
    </>
  );
}
