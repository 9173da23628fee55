import { visibleFields, type RawAnswers } from '@web/attendance/form-state.ts';
import { FormFieldInput } from '@web/attendance/form-field-input.tsx';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

export type FormSectionsProps = {
  definition: FormDefinition;
  answers: RawAnswers;
  errorOf: (fieldId: string) => string | undefined;
  onChange: (fieldId: string, value: string) => void;
  onBlur: (fieldId: string) => void;
};

/** A hosted form's sections, each field shown while its visibility rule holds. */
export function FormSections({
  definition,
  answers,
  errorOf,
  onChange,
  onBlur,
}: FormSectionsProps) {
  return definition.sections.map((section) => (
    <fieldset key={section.id} className="form-section">
      <legend>{section.title}</legend>
      <div className="form-grid">
        {visibleFields(definition, answers, section.fields).map((field) => (
          <FormFieldInput
            key={field.id}
            field={field}
            value={answers[field.id] ?? ''}
            error={errorOf(field.id)}
            onChange={(value) => onChange(field.id, value)}
            onBlur={() => onBlur(field.id)}
          />
        ))}
      </div>
    </fieldset>
  ));
}
