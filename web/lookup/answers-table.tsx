import {
  isoToDate,
  maskCep,
  maskCnpj,
  maskCpf,
  maskPhone,
  maskMoney,
} from '@web/attendance/masks.ts';
import {
  allFields,
  type FieldType,
  type FormDefinition,
  type FormValue,
} from '@shared/forms/form-definition.ts';

export type AnswersTableProps = {
  answers: { field: string; label: string; value: FormValue }[];
  version: number;
  /** The service's form, to show answers as typed (masks, option labels); optional. */
  definition?: FormDefinition | undefined;
};

const FORMATS: Partial<Record<FieldType, (text: string) => string>> = {
  cpf: maskCpf,
  cnpj: maskCnpj,
  cep: maskCep,
  phone: maskPhone,
  date: isoToDate,
  money: (text) => `R$ ${maskMoney(text)}`,
};

function show(value: FormValue, definition: FormDefinition | undefined, id: string): string {
  if (typeof value === 'boolean') {
    return value ? 'Sim' : 'Não';
  }
  const field = definition ? allFields(definition).find((candidate) => candidate.id === id) : null;
  const text = String(value);
  if (field?.type === 'choice') {
    return field.options?.find((option) => option.value === text)?.label ?? text;
  }
  const format = field ? FORMATS[field.type] : undefined;

  return format ? format(text) : text;
}

/** The citizen's answers, as stored with the form version they were given under. */
export function AnswersTable({ answers, version, definition }: AnswersTableProps) {
  return (
    <table className="grid grid-compact grid-answers">
      <caption>Respostas do formulário (versão {version})</caption>
      <thead>
        <tr>
          <th scope="col">Campo</th>
          <th scope="col">Resposta</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((answer) => (
          <tr key={answer.field}>
            <th scope="row">{answer.label}</th>
            <td>{show(answer.value, definition, answer.field)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
