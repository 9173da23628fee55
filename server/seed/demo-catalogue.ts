import type { FormDefinition } from '@shared/forms/form-definition.ts';

/**
 * Demo data shaped after the training document: its agencies, its attendant 83278281 at
 * AC ESMERALDA, and the clients it names (Brasilcap, Receita Federal, Claro, CTBC, Seguradora
 * Líder, DETRAN-GO, SEE-MG, BB Consórcios). Amounts are centavos.
 */
export const DEMO_PASSWORD = 'ster1234';

export const DEMO_AGENCIES = [
  { code: '00001001', name: 'AC ESMERALDA', kind: 'own', city: 'Porto Alegre', state: 'RS' },
  {
    code: '00001002',
    name: 'AC AGUA SANTA',
    kind: 'franchised',
    city: 'Rio de Janeiro',
    state: 'RJ',
  },
  { code: '00001003', name: 'AC CENTRAL DE GOIANIA', kind: 'own', city: 'Goiânia', state: 'GO' },
] as const;

export const DEMO_STAFF = [
  { registration: '83278281', name: 'Ana Paula Ribeiro', role: 'attendant', agency: '00001001' },
  { registration: '83278282', name: 'Bruno Carvalho Lima', role: 'attendant', agency: '00001001' },
  { registration: '83270001', name: 'Carla Menezes', role: 'supervisor', agency: '00001001' },
  { registration: '81234567', name: 'Diego Santos', role: 'attendant', agency: '00001002' },
  { registration: '82345678', name: 'Elisa Fonseca', role: 'attendant', agency: '00001003' },
  { registration: '90000001', name: 'Fernanda Gestão', role: 'backOffice', agency: null },
] as const;

const personalData = (extra: FormDefinition['sections'][number]['fields'] = []) => ({
  id: 'requerente',
  title: 'Dados do requerente',
  fields: [
    {
      id: 'nome',
      type: 'text' as const,
      label: 'Nome completo',
      required: true,
      minLength: 3,
      maxLength: 120,
    },
    { id: 'cpf', type: 'cpf' as const, label: 'CPF', required: true },
    {
      id: 'nascimento',
      type: 'date' as const,
      label: 'Data de nascimento',
      required: true,
      max: '2026-12-31',
    },
    { id: 'telefone', type: 'phone' as const, label: 'Telefone (com DDD)' },
    { id: 'email', type: 'email' as const, label: 'E-mail' },
    ...extra,
  ],
});

const address = {
  id: 'endereco',
  title: 'Endereço',
  fields: [
    { id: 'cep', type: 'cep' as const, label: 'CEP', required: true },
    {
      id: 'logradouro',
      type: 'text' as const,
      label: 'Logradouro e número',
      required: true,
      maxLength: 160,
    },
  ],
};

export const CPF_FORM: FormDefinition = {
  sections: [
    personalData([
      { id: 'nomeMae', type: 'text', label: 'Nome da mãe', required: true, maxLength: 120 },
      {
        id: 'sexo',
        type: 'choice',
        label: 'Sexo',
        required: true,
        options: [
          { value: 'F', label: 'Feminino' },
          { value: 'M', label: 'Masculino' },
        ],
      },
      { id: 'eleitor', type: 'yesNo', label: 'Possui título de eleitor?', required: true },
      {
        id: 'tituloEleitor',
        type: 'text',
        label: 'Número do título de eleitor',
        required: true,
        pattern: '[0-9]{12}',
        patternMessage: 'O título de eleitor tem 12 dígitos.',
        visibleWhen: { field: 'eleitor', equals: true },
      },
    ]),
    address,
  ],
  requiredDocuments: [
    { id: 'identidade', label: 'Documento de identidade com foto' },
    { id: 'residencia', label: 'Comprovante de residência' },
  ],
};

export const TITLE_SALE_FORM: FormDefinition = {
  sections: [
    personalData(),
    {
      id: 'titulo',
      title: 'Título PostalCap',
      fields: [
        {
          id: 'plano',
          type: 'choice',
          label: 'Plano',
          required: true,
          options: [
            { value: 'mensal', label: 'Mensal' },
            { value: 'unico', label: 'Pagamento único' },
          ],
        },
        {
          id: 'valorTitulo',
          type: 'money',
          label: 'Valor do título',
          required: true,
          min: 1000,
          max: 500000,
        },
      ],
    },
  ],
  requiredDocuments: [{ id: 'identidade', label: 'Documento de identidade com foto' }],
};

export const PRIZE_FORM: FormDefinition = {
  sections: [
    personalData(),
    {
      id: 'premio',
      title: 'Prêmio',
      fields: [
        {
          id: 'numeroTitulo',
          type: 'text',
          label: 'Número do título',
          required: true,
          pattern: '[0-9]{10}',
        },
        { id: 'valorPremio', type: 'money', label: 'Valor do prêmio', required: true, min: 1 },
      ],
    },
  ],
  requiredDocuments: [
    { id: 'identidade', label: 'Documento de identidade com foto' },
    { id: 'titulo', label: 'Título premiado original' },
  ],
};

export const DPVAT_FORM: FormDefinition = {
  sections: [
    personalData(),
    {
      id: 'sinistro',
      title: 'Acidente',
      fields: [
        { id: 'dataAcidente', type: 'date', label: 'Data do acidente', required: true },
        {
          id: 'placa',
          type: 'text',
          label: 'Placa do veículo',
          pattern: '[A-Z]{3}[0-9][A-Z0-9][0-9]{2}',
        },
        {
          id: 'cobertura',
          type: 'choice',
          label: 'Cobertura',
          required: true,
          options: [
            { value: 'morte', label: 'Morte' },
            { value: 'invalidez', label: 'Invalidez permanente' },
            { value: 'despesas', label: 'Despesas médicas' },
          ],
        },
        { id: 'relato', type: 'textarea', label: 'Relato do acidente', maxLength: 1000 },
      ],
    },
    address,
  ],
  requiredDocuments: [
    { id: 'identidade', label: 'Documento de identidade com foto' },
    { id: 'boletim', label: 'Boletim de ocorrência' },
    { id: 'laudo', label: 'Laudo médico ou certidão de óbito' },
  ],
};

export const LICENSING_FORM: FormDefinition = {
  sections: [
    {
      id: 'veiculo',
      title: 'Veículo',
      fields: [
        { id: 'renavam', type: 'text', label: 'RENAVAM', required: true, pattern: '[0-9]{11}' },
        {
          id: 'placa',
          type: 'text',
          label: 'Placa',
          required: true,
          pattern: '[A-Z]{3}[0-9][A-Z0-9][0-9]{2}',
        },
        { id: 'proprietarioCnpj', type: 'cnpj', label: 'CNPJ do proprietário (se empresa)' },
        {
          id: 'exercicio',
          type: 'number',
          label: 'Exercício',
          required: true,
          min: 2020,
          max: 2030,
        },
      ],
    },
  ],
  requiredDocuments: [],
};

export const TEACHER_FORM: FormDefinition = {
  sections: [
    personalData([
      { id: 'masp', type: 'text', label: 'MASP (se servidor)', pattern: '[0-9]{7,8}' },
      {
        id: 'cargo',
        type: 'choice',
        label: 'Cargo pretendido',
        required: true,
        options: [
          { value: 'PEB', label: 'Professor de Educação Básica' },
          { value: 'EEB', label: 'Especialista em Educação Básica' },
        ],
      },
    ]),
  ],
  requiredDocuments: [],
};

/** Claro's hosted form: the demo partner validates the line and receives the data. */
export const LINE_HOLDER_FORM: FormDefinition = {
  sections: [
    personalData(),
    {
      id: 'linha',
      title: 'Linha pré-paga',
      fields: [
        {
          id: 'linha',
          type: 'phone' as const,
          label: 'Número da linha Claro (com DDD)',
          required: true,
        },
      ],
    },
  ],
  requiredDocuments: [{ id: 'identidade', label: 'Documento de identidade com foto' }],
};
