import { isCep, isCnpj, isCpf, isEmail, isPhone, unmaskDocument } from '@shared/documents.ts';
import {
  allFields,
  FIELD_TYPES,
  FORM_LIMITS,
  isFieldVisible,
  type FormData,
  type FormDefinition,
  type FormField,
  type FormValue,
} from '@shared/forms/form-definition.ts';
import { parseBRL } from '@shared/money.ts';

/** One problem with one field, with a stable code for programs and a message for people. */
export type FieldError = { field: string; code: string; message: string };

export type FormValidationResult =
  { ok: true; values: FormData } | { ok: false; errors: FieldError[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

type Check = { value: FormValue } | { error: Omit<FieldError, 'field'> };

const fail = (code: string, message: string): Check => ({ error: { code, message } });

function checkText(field: FormField, raw: unknown): Check {
  if (typeof raw !== 'string') {
    return fail('type', 'Informe um texto.');
  }
  const value = raw.trim();
  const max = Math.min(field.maxLength ?? FORM_LIMITS.maxTextLength, FORM_LIMITS.maxTextLength);
  if (field.minLength !== undefined && value.length < field.minLength) {
    return fail('minLength', `Informe pelo menos ${field.minLength} caracteres.`);
  }
  if (value.length > max) {
    return fail('maxLength', `Informe no máximo ${max} caracteres.`);
  }
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)) {
    return fail('pattern', field.patternMessage ?? 'Formato inválido.');
  }

  return { value };
}

function checkBounds(field: FormField, value: number, show: (n: number) => string): Check {
  if (typeof field.min === 'number' && value < field.min) {
    return fail('min', `O valor mínimo é ${show(field.min)}.`);
  }
  if (typeof field.max === 'number' && value > field.max) {
    return fail('max', `O valor máximo é ${show(field.max)}.`);
  }

  return { value };
}

/** A decimal number as people type it: "42", "-3", "1,5" or "1.5"; no hex, no exponent. */
const DECIMAL_TEXT = /^-?\d+(?:[.,]\d+)?$/;

function checkNumber(field: FormField, raw: unknown): Check {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (text !== undefined && !DECIMAL_TEXT.test(text)) {
    return fail('type', 'Informe um número.');
  }
  const value = text !== undefined ? Number(text.replace(',', '.')) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail('type', 'Informe um número.');
  }

  return checkBounds(field, value, String);
}

function checkMoney(field: FormField, raw: unknown): Check {
  const cents = typeof raw === 'string' ? parseBRL(raw) : raw;
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents) || cents < 0) {
    return fail('type', 'Informe um valor em reais, como 1.234,56.');
  }
  const show = (n: number) => `R$ ${(n / 100).toFixed(2).replace('.', ',')}`;

  return checkBounds(field, cents, show);
}

function checkDate(field: FormField, raw: unknown): Check {
  if (typeof raw !== 'string' || !isRealDate(raw)) {
    return fail('type', 'Informe uma data válida.');
  }
  const show = (iso: string) => iso.split('-').reverse().join('/');
  if (typeof field.min === 'string' && raw < field.min) {
    return fail('min', `A data deve ser a partir de ${show(field.min)}.`);
  }
  if (typeof field.max === 'string' && raw > field.max) {
    return fail('max', `A data deve ser até ${show(field.max)}.`);
  }

  return { value: raw };
}

function checkWith(
  raw: unknown,
  isValid: (text: string) => boolean,
  normalize: (text: string) => string,
  code: string,
  message: string,
): Check {
  if (typeof raw !== 'string' || !isValid(raw)) {
    return fail(code, message);
  }

  return { value: normalize(raw) };
}

const digitsOnly = (text: string) => text.replace(/\D/g, '');

function checkField(field: FormField, raw: unknown): Check {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return checkText(field, raw);
    case 'number':
      return checkNumber(field, raw);
    case 'money':
      return checkMoney(field, raw);
    case 'date':
      return checkDate(field, raw);
    case 'cpf':
      return checkWith(raw, isCpf, unmaskDocument, 'cpf', 'CPF inválido: confira os dígitos.');
    case 'cnpj':
      return checkWith(raw, isCnpj, unmaskDocument, 'cnpj', 'CNPJ inválido: confira os dígitos.');
    case 'cep':
      return checkWith(raw, isCep, digitsOnly, 'cep', 'CEP inválido: informe 8 dígitos.');
    case 'phone':
      return checkWith(
        raw,
        isPhone,
        digitsOnly,
        'phone',
        'Telefone inválido: informe DDD e número.',
      );
    case 'email':
      return checkWith(raw, isEmail, (t) => t.trim().toLowerCase(), 'email', 'E-mail inválido.');
    case 'choice': {
      const allowed = field.options?.some((option) => option.value === raw) ?? false;

      return allowed
        ? { value: raw as string }
        : fail('choice', 'Escolha uma das opções da lista.');
    }
    case 'yesNo':
      return typeof raw === 'boolean' ? { value: raw } : fail('type', 'Responda sim ou não.');
  }
}

/**
 * Validates submitted data against a form definition. Hidden fields (their visibility rule not
 * met) are dropped; unknown keys are errors, so a typo in a partner's payload is not lost quietly.
 */
export function validateFormData(
  definition: FormDefinition,
  data: Record<string, unknown>,
): FormValidationResult {
  const fields = allFields(definition);
  const known = new Set(fields.map((field) => field.id));
  const errors: FieldError[] = Object.keys(data)
    .filter((key) => !known.has(key))
    .map((key) => ({
      field: key,
      code: 'unknown',
      message: 'Campo desconhecido neste formulário.',
    }));
  const values: FormData = {};

  for (const field of fields) {
    const raw = Object.hasOwn(data, field.id) ? data[field.id] : undefined;
    if (!isFieldVisible(field, values)) {
      continue;
    }
    if (isBlank(raw)) {
      if (field.required) {
        errors.push({ field: field.id, code: 'required', message: 'Campo obrigatório.' });
      }
      continue;
    }

    const check = checkField(field, raw);
    if ('error' in check) {
      errors.push({ field: field.id, ...check.error });
    } else {
      values[field.id] = check.value;
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

const FIELD_ID = /^[a-z][a-zA-Z0-9]{0,39}$/;

/** Checks a definition before it is saved: ids, options, rules and visibility references. */
export function validateFormDefinition(definition: FormDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, FormField>();
  const fields = allFields(definition);
  const problem = (field: string, code: string, message: string) =>
    errors.push({ field, code, message });

  if (fields.length === 0) {
    problem('sections', 'empty', 'O formulário precisa de pelo menos um campo.');
  }
  if (fields.length > FORM_LIMITS.maxFields) {
    problem(
      'sections',
      'tooMany',
      `O formulário aceita no máximo ${FORM_LIMITS.maxFields} campos.`,
    );
  }

  for (const field of fields) {
    const at = `fields.${field.id}`;
    if (!FIELD_ID.test(field.id)) {
      problem(
        at,
        'id',
        'O identificador deve começar por letra minúscula e ter só letras e números.',
      );
    }
    if (seen.has(field.id)) {
      problem(at, 'duplicate', 'Há dois campos com o mesmo identificador.');
    }
    if (!FIELD_TYPES.includes(field.type)) {
      problem(at, 'type', 'Tipo de campo desconhecido.');
    }
    if (field.label.trim() === '') {
      problem(at, 'label', 'Informe o rótulo do campo.');
    }
    if (field.type === 'choice') {
      const options = field.options ?? [];
      if (options.length === 0 || options.length > FORM_LIMITS.maxOptions) {
        problem(at, 'options', `Informe de 1 a ${FORM_LIMITS.maxOptions} opções.`);
      }
      if (new Set(options.map((option) => option.value)).size !== options.length) {
        problem(at, 'options', 'Há opções repetidas.');
      }
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        problem(at, 'pattern', 'A expressão regular não é válida.');
      }
    }
    const emptyRange =
      (field.min !== undefined && field.max !== undefined && field.min > field.max) ||
      (field.minLength !== undefined &&
        field.maxLength !== undefined &&
        field.minLength > field.maxLength);
    if (emptyRange) {
      problem(at, 'bounds', 'O mínimo não pode ser maior que o máximo.');
    }
    if (field.visibleWhen && !seen.has(field.visibleWhen.field)) {
      problem(at, 'visibleWhen', 'A condição deve citar um campo anterior do formulário.');
    }
    seen.set(field.id, field);
  }

  const documentIds = definition.requiredDocuments.map((document) => document.id);
  if (new Set(documentIds).size !== documentIds.length) {
    problem('requiredDocuments', 'duplicate', 'Há documentos repetidos.');
  }

  return errors;
}
