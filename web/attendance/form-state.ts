import { dateToIso } from '@web/attendance/masks.ts';
import type { ErrorField } from '@shared/errors.ts';
import {
  allFields,
  isFieldVisible,
  type FormDefinition,
  type FormField,
} from '@shared/forms/form-definition.ts';
import { validateFormData, type FormValidationResult } from '@shared/forms/form-validation.ts';

/** What the attendant typed, per field id, exactly as shown on screen (masks included). */
export type RawAnswers = Record<string, string>;

function toValue(field: FormField, raw: string): unknown {
  if (field.type === 'date') {
    return dateToIso(raw);
  }
  if (field.type === 'yesNo') {
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }

  return raw;
}

/** The answers as the API takes them; empty answers are left out, as the server expects. */
export function toFormData(definition: FormDefinition, raw: RawAnswers): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of allFields(definition)) {
    const text = raw[field.id] ?? '';
    if (text.trim() !== '') {
      data[field.id] = toValue(field, text);
    }
  }

  return data;
}

/** The same check the server runs (`@shared/forms/form-validation.ts`), so messages match. */
export function validateAnswers(definition: FormDefinition, raw: RawAnswers): FormValidationResult {
  return validateFormData(definition, toFormData(definition, raw));
}

export function visibleFields(definition: FormDefinition, raw: RawAnswers, fields: FormField[]) {
  const data = toFormData(definition, raw);

  return fields.filter((field) => isFieldVisible(field, data));
}

/** Server field paths (`body.formData.cpf`) mapped to the screen's own keys (`cpf`). */
export function serverFieldErrors(fields: ErrorField[], prefix: string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const field of fields) {
    if (field.field.startsWith(prefix)) {
      byField[field.field.slice(prefix.length)] ??= field.message;
    }
  }

  return byField;
}
