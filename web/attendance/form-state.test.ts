import { describe, expect, it } from 'vitest';
import { serverFieldErrors, toFormData, validateAnswers } from '@web/attendance/form-state.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

const definition: FormDefinition = {
  sections: [
    {
      id: 'dados',
      title: 'Dados',
      fields: [
        { id: 'nascimento', type: 'date', label: 'Nascimento', required: true },
        { id: 'valor', type: 'money', label: 'Valor', min: 1000 },
        { id: 'eleitor', type: 'yesNo', label: 'Eleitor?', required: true },
        {
          id: 'titulo',
          type: 'text',
          label: 'Título',
          required: true,
          visibleWhen: { field: 'eleitor', equals: true },
        },
      ],
    },
  ],
  requiredDocuments: [],
};

describe('hosted form answers', () => {
  it('turns masked screen values into what the API takes, leaving blanks out', () => {
    expect(
      toFormData(definition, { nascimento: '17/05/1990', valor: '12,50', eleitor: 'false' }),
    ).toEqual({ nascimento: '1990-05-17', valor: '12,50', eleitor: false });
  });

  it('validates with the shared rules, so the messages are the server’s', () => {
    const result = validateAnswers(definition, { nascimento: '31/02/1990', valor: '5,00' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'nascimento', code: 'type', message: 'Informe uma data válida.' },
        { field: 'valor', code: 'min', message: 'O valor mínimo é R$ 10,00.' },
        { field: 'eleitor', code: 'required', message: 'Campo obrigatório.' },
      ],
    });
    const valid = validateAnswers(definition, { nascimento: '17/05/1990', eleitor: 'false' });
    expect(valid).toEqual({ ok: true, values: { nascimento: '1990-05-17', eleitor: false } });
  });

  it('maps the server’s field paths onto the screen’s fields', () => {
    const fields = [
      { field: 'body.formData.cpf', code: 'cpf', message: 'CPF inválido: confira os dígitos.' },
      { field: 'body.citizen.document', code: 'document', message: 'CPF ou CNPJ inválido.' },
    ];
    expect(serverFieldErrors(fields, 'body.formData.')).toEqual({
      cpf: 'CPF inválido: confira os dígitos.',
    });
    expect(serverFieldErrors(fields, 'body.citizen.')).toEqual({
      document: 'CPF ou CNPJ inválido.',
    });
  });
});
