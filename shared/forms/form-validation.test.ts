import { describe, expect, it } from 'vitest';
import type { FormDefinition, FormField } from '@shared/forms/form-definition.ts';
import { validateFormData, validateFormDefinition } from '@shared/forms/form-validation.ts';

const fields: FormField[] = [
  { id: 'nome', type: 'text', label: 'Nome', required: true, minLength: 3, maxLength: 10 },
  {
    id: 'placa',
    type: 'text',
    label: 'Placa',
    pattern: '[A-Z]{3}[0-9]{4}',
    patternMessage: 'Placa?',
  },
  { id: 'relato', type: 'textarea', label: 'Relato', maxLength: 20 },
  { id: 'idade', type: 'number', label: 'Idade', min: 18, max: 120 },
  { id: 'valor', type: 'money', label: 'Valor', min: 1000, max: 500000 },
  { id: 'data', type: 'date', label: 'Data', min: '2020-01-01', max: '2026-12-31' },
  { id: 'cpf', type: 'cpf', label: 'CPF' },
  { id: 'cnpj', type: 'cnpj', label: 'CNPJ' },
  { id: 'cep', type: 'cep', label: 'CEP' },
  { id: 'telefone', type: 'phone', label: 'Telefone' },
  { id: 'email', type: 'email', label: 'E-mail' },
  {
    id: 'sexo',
    type: 'choice',
    label: 'Sexo',
    options: [
      { value: 'F', label: 'Feminino' },
      { value: 'M', label: 'Masculino' },
    ],
  },
  { id: 'eleitor', type: 'yesNo', label: 'Eleitor?' },
  {
    id: 'titulo',
    type: 'text',
    label: 'Título',
    required: true,
    visibleWhen: { field: 'eleitor', equals: true },
  },
];

const FORM: FormDefinition = {
  sections: [{ id: 'a', title: 'A', fields }],
  requiredDocuments: [{ id: 'identidade', label: 'Identidade' }],
};

/** The one error of a submission of `nome` plus `extra`, or null when it is accepted. */
function errorOf(extra: Record<string, unknown>) {
  const result = validateFormData(FORM, { nome: 'Maria', ...extra });
  if (result.ok) return null;
  expect(result.errors).toHaveLength(1);

  return result.errors[0];
}

function valueOf(extra: Record<string, unknown>) {
  const result = validateFormData(FORM, { nome: 'Maria', ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));

  return result.values;
}

describe('hosted form data', () => {
  it('accepts a complete submission and normalises each type', () => {
    const values = valueOf({
      nome: '  Maria  ',
      placa: 'ABC1234',
      relato: 'Batida leve',
      idade: '42',
      valor: '1.234,56',
      data: '2024-02-29',
      cpf: '123.456.789-09',
      cnpj: '00.394.460/0001-41',
      cep: '90010-000',
      telefone: '(51) 99999-8888',
      email: ' Maria@Example.COM ',
      sexo: 'F',
      eleitor: false,
    });
    expect(values).toEqual({
      nome: 'Maria',
      placa: 'ABC1234',
      relato: 'Batida leve',
      idade: 42,
      valor: 123456,
      data: '2024-02-29',
      cpf: '12345678909',
      cnpj: '00394460000141',
      cep: '90010000',
      telefone: '51999998888',
      email: 'maria@example.com',
      sexo: 'F',
      eleitor: false,
    });
  });

  it('requires required fields, and treats blank text as missing', () => {
    for (const blank of [undefined, null, '', '   ']) {
      const result = validateFormData(FORM, blank === undefined ? {} : { nome: blank });
      expect(result).toEqual({
        ok: false,
        errors: [{ field: 'nome', code: 'required', message: 'Campo obrigatório.' }],
      });
    }
  });

  it('leaves optional fields out when they are blank', () => {
    expect(valueOf({ placa: '', idade: null })).toEqual({ nome: 'Maria' });
  });

  it('applies minLength, maxLength and pattern to text', () => {
    expect(errorOf({ nome: 'Al' })?.code).toBe('minLength');
    expect(errorOf({ nome: 'Maria Silva Santos' })?.code).toBe('maxLength');
    expect(errorOf({ relato: 'x'.repeat(21) })?.code).toBe('maxLength');
    expect(errorOf({ placa: 'abc1234' })).toMatchObject({ code: 'pattern', message: 'Placa?' });
    expect(errorOf({ placa: 'XABC1234' })?.code).toBe('pattern');
    expect(errorOf({ nome: 42 })?.code).toBe('type');
  });

  it('caps any text at the hard limit whatever the definition says', () => {
    const open: FormDefinition = {
      sections: [{ id: 'a', title: 'A', fields: [{ id: 'livre', type: 'textarea', label: 'L' }] }],
      requiredDocuments: [],
    };
    expect(validateFormData(open, { livre: 'x'.repeat(2000) }).ok).toBe(true);
    expect(validateFormData(open, { livre: 'x'.repeat(2001) }).ok).toBe(false);
  });

  it('checks numbers and their bounds', () => {
    expect(valueOf({ idade: 18 }).idade).toBe(18);
    expect(valueOf({ idade: '120' }).idade).toBe(120);
    expect(errorOf({ idade: 17 })?.code).toBe('min');
    expect(errorOf({ idade: 121 })?.code).toBe('max');
    for (const bad of ['dezoito', true, 'Infinity', [20], '0x1F', '1e2', '18abc']) {
      expect(errorOf({ idade: bad })?.code, JSON.stringify(bad)).toBe('type');
    }
  });

  it('reads money in reais or centavos and checks its bounds', () => {
    expect(valueOf({ valor: 'R$ 10,00' }).valor).toBe(1000);
    expect(valueOf({ valor: 500000 }).valor).toBe(500000);
    expect(errorOf({ valor: '9,99' })).toMatchObject({
      code: 'min',
      message: 'O valor mínimo é R$ 10,00.',
    });
    expect(errorOf({ valor: 500001 })?.code).toBe('max');
    for (const bad of ['dez reais', -100, 10.5, '1,234']) {
      expect(errorOf({ valor: bad })?.code, JSON.stringify(bad)).toBe('type');
    }
  });

  it('accepts only real calendar dates within the bounds', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '17/05/1990', '2024-1-1', 20240101]) {
      expect(errorOf({ data: bad })?.code, String(bad)).toBe('type');
    }
    expect(errorOf({ data: '2019-12-31' })).toMatchObject({
      code: 'min',
      message: 'A data deve ser a partir de 01/01/2020.',
    });
    expect(errorOf({ data: '2027-01-01' })?.code).toBe('max');
  });

  it('checks CPF, CNPJ, CEP, phone and e-mail', () => {
    expect(errorOf({ cpf: '123.456.789-00' })?.code).toBe('cpf');
    expect(errorOf({ cnpj: '00.394.460/0001-40' })?.code).toBe('cnpj');
    expect(errorOf({ cep: '9001' })?.code).toBe('cep');
    expect(errorOf({ telefone: '9999-8888' })?.code).toBe('phone');
    expect(errorOf({ email: 'maria@' })?.code).toBe('email');
    expect(errorOf({ cpf: 12345678909 })?.code).toBe('cpf');
  });

  it('accepts only listed choices and real booleans', () => {
    expect(errorOf({ sexo: 'X' })?.code).toBe('choice');
    expect(errorOf({ sexo: 'f' })?.code).toBe('choice');
    expect(errorOf({ eleitor: 'true' })?.code).toBe('type');
    expect(errorOf({ eleitor: 1 })?.code).toBe('type');
  });

  it('requires a conditional field only while it is shown, and drops it when hidden', () => {
    expect(errorOf({ eleitor: true })).toMatchObject({ field: 'titulo', code: 'required' });
    expect(valueOf({ eleitor: true, titulo: '123' }).titulo).toBe('123');
    const hidden = valueOf({ eleitor: false, titulo: '123' });
    expect(hidden).not.toHaveProperty('titulo');
    expect(valueOf({ titulo: '123' })).not.toHaveProperty('titulo');
  });

  it('refuses unknown keys, naming each one', () => {
    const result = validateFormData(FORM, { nome: 'Maria', nomee: 'x', __proto__x: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => [error.field, error.code])).toEqual([
      ['nomee', 'unknown'],
      ['__proto__x', 'unknown'],
    ]);
  });

  it('reports every problem at once', () => {
    const result = validateFormData(FORM, { idade: 'x', sexo: 'Z' });
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual([
      'nome',
      'idade',
      'sexo',
    ]);
  });

  it('does not mistake inherited object properties for answers', () => {
    const named: FormDefinition = {
      sections: [
        {
          id: 'a',
          title: 'A',
          fields: [
            { id: 'constructor', type: 'text', label: 'C' },
            { id: 'valueOf', type: 'number', label: 'V' },
          ],
        },
      ],
      requiredDocuments: [],
    };
    expect(validateFormDefinition(named)).toEqual([]);
    expect(validateFormData(named, {})).toEqual({ ok: true, values: {} });
  });
});

describe('hosted form definitions', () => {
  const field = (overrides: Partial<FormField>): FormField => ({
    id: 'campo',
    type: 'text',
    label: 'Campo',
    ...overrides,
  });
  const codesOf = (list: FormField[], documents = [{ id: 'rg', label: 'RG' }]) =>
    validateFormDefinition({
      sections: [{ id: 's', title: 'S', fields: list }],
      requiredDocuments: documents,
    }).map((error) => `${error.field}:${error.code}`);

  it('accepts the sample definition', () => {
    expect(validateFormDefinition(FORM)).toEqual([]);
  });

  it('refuses empty forms, bad or repeated ids and blank labels', () => {
    expect(codesOf([])).toEqual(['sections:empty']);
    expect(codesOf([field({ id: 'Nome' })])).toEqual(['fields.Nome:id']);
    expect(codesOf([field({ id: '1a' })])).toEqual(['fields.1a:id']);
    expect(codesOf([field({}), field({})])).toEqual(['fields.campo:duplicate']);
    expect(codesOf([field({ label: '  ' })])).toEqual(['fields.campo:label']);
    expect(codesOf([field({ type: 'color' as never })])).toEqual(['fields.campo:type']);
  });

  it('refuses more fields than the hard limit', () => {
    const many = Array.from({ length: 81 }, (_, index) => field({ id: `f${index}` }));
    expect(codesOf(many)).toEqual(['sections:tooMany']);
  });

  it('requires 1 to 100 distinct options on a choice', () => {
    expect(codesOf([field({ type: 'choice' })])).toEqual(['fields.campo:options']);
    const twice = [
      { value: 'a', label: 'A' },
      { value: 'a', label: 'A de novo' },
    ];
    expect(codesOf([field({ type: 'choice', options: twice })])).toEqual(['fields.campo:options']);
  });

  it('refuses an invalid regular expression', () => {
    expect(codesOf([field({ pattern: '[0-9' })])).toEqual(['fields.campo:pattern']);
  });

  it('lets a condition cite only an earlier field', () => {
    const later = field({ id: 'b', visibleWhen: { field: 'a', equals: true } });
    expect(codesOf([later, field({ id: 'a', type: 'yesNo' })])).toEqual(['fields.b:visibleWhen']);
    expect(codesOf([field({ id: 'a', type: 'yesNo' }), later])).toEqual([]);
  });

  it('refuses bounds that no value can satisfy', () => {
    expect(codesOf([field({ type: 'number', min: 10, max: 1 })])).toEqual(['fields.campo:bounds']);
    expect(codesOf([field({ minLength: 5, maxLength: 2 })])).toEqual(['fields.campo:bounds']);
  });

  it('refuses repeated required documents', () => {
    const twice = [
      { id: 'rg', label: 'RG' },
      { id: 'rg', label: 'RG' },
    ];
    expect(codesOf([field({})], twice)).toEqual(['requiredDocuments:duplicate']);
  });
});
