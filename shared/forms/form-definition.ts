/**
 * A hosted form ("solução parametrizável") is data: sections of typed fields, plus the documents
 * the attendant must ask the citizen for. The same definition drives the server's validation and
 * the web form, so both give the same messages.
 */

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'cpf',
  'cnpj',
  'cep',
  'phone',
  'email',
  'choice',
  'yesNo',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export type ChoiceOption = { value: string; label: string };

/** Shows a field only while another field, earlier in the form, holds the given value. */
export type VisibilityRule = { field: string; equals: string | number | boolean };

export type FormField = {
  /** The key of the value in the submitted data: a camelCase identifier. */
  id: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** A regular expression the whole text must match (text and textarea only). */
  pattern?: string;
  /** What to tell the person when `pattern` does not match. */
  patternMessage?: string;
  /** Inclusive bounds: numbers, centavos for money, `YYYY-MM-DD` for dates. */
  min?: number | string;
  max?: number | string;
  options?: ChoiceOption[];
  visibleWhen?: VisibilityRule;
};

export type FormSection = { id: string; title: string; fields: FormField[] };

export type RequiredDocument = { id: string; label: string };

export type FormDefinition = {
  sections: FormSection[];
  requiredDocuments: RequiredDocument[];
};

/** A submitted value, after normalisation (money in centavos, documents unmasked). */
export type FormValue = string | number | boolean;

export type FormData = Record<string, FormValue>;

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Texto',
  textarea: 'Texto longo',
  number: 'Número',
  money: 'Valor (R$)',
  date: 'Data',
  cpf: 'CPF',
  cnpj: 'CNPJ',
  cep: 'CEP',
  phone: 'Telefone',
  email: 'E-mail',
  choice: 'Lista de opções',
  yesNo: 'Sim ou não',
};

/** Hard limits that keep any submission small, whatever a definition says. */
export const FORM_LIMITS = {
  maxFields: 80,
  maxTextLength: 2000,
  maxOptions: 100,
} as const;

export function allFields(definition: FormDefinition): FormField[] {
  return definition.sections.flatMap((section) => section.fields);
}

/** Whether a field is shown, given the values entered so far. */
export function isFieldVisible(
  field: FormField,
  values: Readonly<Record<string, unknown>>,
): boolean {
  if (!field.visibleWhen) {
    return true;
  }

  return values[field.visibleWhen.field] === field.visibleWhen.equals;
}
