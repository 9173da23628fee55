import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { ErrorField } from '@shared/errors.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'um texto',
  integer: 'um número inteiro',
  number: 'um número',
  boolean: 'verdadeiro ou falso',
  object: 'um objeto',
  array: 'uma lista',
  null: 'nulo',
};

function describe(error: FastifySchemaValidationError): { code: string; message: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { code: 'required', message: 'Campo obrigatório.' };
    case 'additionalProperties':
      return { code: 'unknown', message: 'Campo não permitido aqui.' };
    case 'type': {
      const wanted = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);

      return { code: 'type', message: `Tipo inválido: informe ${wanted.join(' ou ')}.` };
    }
    case 'minLength':
      return {
        code: 'minLength',
        message: `Informe pelo menos ${String(params.limit)} caracteres.`,
      };
    case 'maxLength':
      return {
        code: 'maxLength',
        message: `Informe no máximo ${String(params.limit)} caracteres.`,
      };
    case 'pattern':
      return { code: 'pattern', message: 'Formato inválido.' };
    case 'format':
      return { code: 'format', message: `Formato inválido (esperado: ${String(params.format)}).` };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { code: 'enum', message: 'Valor não aceito para este campo.' };
    case 'minimum':
    case 'exclusiveMinimum':
      return { code: 'minimum', message: `O valor mínimo é ${String(params.limit)}.` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { code: 'maximum', message: `O valor máximo é ${String(params.limit)}.` };
    case 'minItems':
      return { code: 'minItems', message: `Informe pelo menos ${String(params.limit)} itens.` };
    case 'maxItems':
      return { code: 'maxItems', message: `Informe no máximo ${String(params.limit)} itens.` };
    case 'uniqueItems':
      return { code: 'uniqueItems', message: 'Há itens repetidos na lista.' };
    default:
      return { code: error.keyword, message: 'Valor inválido.' };
  }
}

/** Turns JSON-pointer paths into dotted field names: `/formData/cpf` becomes `formData.cpf`. */
function fieldName(context: string, error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  const segments = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    segments.push(params.missingProperty);
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  const prefix = context === 'querystring' ? 'query' : context;

  return [prefix, ...segments].join('.');
}

/** Portuguese, field-by-field reasons for a request that failed its route's schema. */
export function translateValidation(
  errors: FastifySchemaValidationError[],
  context: string,
): ErrorField[] {
  const seen = new Set<string>();
  const fields: ErrorField[] = [];
  for (const error of errors) {
    const field = fieldName(context, error);
    if (seen.has(field)) {
      continue;
    }
    seen.add(field);
    fields.push({ field, ...describe(error) });
  }

  return fields;
}
