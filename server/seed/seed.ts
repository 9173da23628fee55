import type { Database } from '@server/db/database.ts';
import { inTransaction, type Tx } from '@server/db/transaction.ts';
import type { Solution } from '@server/db/schema.ts';
import {
  CPF_FORM,
  DEMO_AGENCIES,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DPVAT_FORM,
  LICENSING_FORM,
  LINE_HOLDER_FORM,
  PRIZE_FORM,
  TEACHER_FORM,
  TITLE_SALE_FORM,
} from '@server/seed/demo-catalogue.ts';
import { seedDemoPartners } from '@server/seed/demo-partners.ts';
import { hashPassword } from '@server/security/passwords.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import type { AttendanceType } from '@shared/protocol/lifecycle.ts';

type ServiceSeed = {
  code: string;
  name: string;
  description: string;
  solution: Solution;
  clientSiteUrl?: string;
  attendanceTypes: AttendanceType[];
  tariffCents: number;
  form?: FormDefinition;
  expiryDays?: number;
  agencyKinds?: ('own' | 'franchised')[];
  items?: { code: string; description: string; unitAmountCents: number; quantity?: number }[];
};

type ContractSeed = {
  number: string;
  adminCode: string;
  postalCard: string;
  modality: 'cash' | 'invoiced';
  allowsAssociatedItems?: boolean;
  services: ServiceSeed[];
};

type ClientSeed = {
  code: string;
  name: string;
  cnpj: string;
  kind: 'public' | 'private' | 'microSmall';
  contracts: ContractSeed[];
};

const PARTNER_SITE = process.env.STER_DEMO_PARTNER_URL ?? 'http://127.0.0.1:3100/venda';

export const DEMO_CLIENTS: ClientSeed[] = [
  {
    code: 'BRASILCAP',
    name: 'Brasilcap Capitalização S.A.',
    cnpj: '15138043000105',
    kind: 'private',
    contracts: [
      {
        number: '9912300001',
        adminCode: '08082650',
        postalCard: '0067599079',
        modality: 'cash',
        services: [
          {
            code: '10101',
            name: 'PostalCap – Venda de Títulos',
            description: 'Venda de títulos de capitalização PostalCap.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'preAttendance'],
            tariffCents: 1000,
            form: TITLE_SALE_FORM,
          },
        ],
      },
      {
        number: '9912300002',
        adminCode: '08082651',
        postalCard: '0067599080',
        modality: 'invoiced',
        services: [
          {
            code: '10102',
            name: 'PostalCap – Pagamento de Prêmio',
            description: 'Pagamento de prêmio de título sorteado.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson'],
            tariffCents: 450,
            form: PRIZE_FORM,
          },
          {
            code: '10103',
            name: 'PostalCap – Pagamento de Resgate',
            description: 'Resgate de título ao fim da vigência.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson'],
            tariffCents: 450,
            form: PRIZE_FORM,
          },
        ],
      },
    ],
  },
  {
    code: 'RFB',
    name: 'Receita Federal do Brasil',
    cnpj: '00394460000141',
    kind: 'public',
    contracts: [
      {
        number: '9912300010',
        adminCode: '08082700',
        postalCard: '0067599100',
        modality: 'cash',
        allowsAssociatedItems: true,
        services: [
          {
            code: '20101',
            name: 'CPF – Inscrição',
            description: 'Inscrição no Cadastro de Pessoas Físicas.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'preAttendance'],
            tariffCents: 700,
            form: CPF_FORM,
            expiryDays: 30,
            items: [
              {
                code: '90001',
                description: 'Impressão do comprovante de inscrição',
                unitAmountCents: 150,
              },
            ],
          },
          {
            code: '20102',
            name: 'CPF – Alteração de Dados Cadastrais',
            description: 'Alteração de nome, endereço ou outros dados do CPF.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'preAttendance'],
            tariffCents: 700,
            form: CPF_FORM,
            expiryDays: 15,
          },
        ],
      },
    ],
  },
  {
    code: 'CLARO',
    name: 'Claro S.A.',
    cnpj: '40432544000147',
    kind: 'private',
    contracts: [
      {
        number: '9912300020',
        adminCode: '08082800',
        postalCard: '0067599200',
        modality: 'cash',
        services: [
          {
            code: '30101',
            name: 'Recarga de Celular Claro',
            description: 'Recarga virtual de telefone pré-pago, pelo site da Claro.',
            solution: 'clientSite',
            clientSiteUrl: PARTNER_SITE,
            attendanceTypes: ['inPerson', 'preAttendance'],
            tariffCents: 1500,
            expiryDays: 7,
          },
          {
            code: '30102',
            name: 'Cadastro de Titular de Linha Pré-paga Claro',
            description: 'Atualiza o titular de uma linha pré-paga; a Claro valida a linha.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson'],
            tariffCents: 500,
            form: LINE_HOLDER_FORM,
          },
        ],
      },
    ],
  },
  {
    code: 'CTBC',
    name: 'Algar Telecom (CTBC)',
    cnpj: '71208516000174',
    kind: 'private',
    contracts: [
      {
        number: '9912300030',
        adminCode: '08082900',
        postalCard: '0067599300',
        modality: 'cash',
        services: [
          {
            code: '30201',
            name: 'Recarga de Celular CTBC',
            description: 'Recarga virtual de telefone pré-pago.',
            solution: 'clientSite',
            clientSiteUrl: PARTNER_SITE,
            attendanceTypes: ['inPerson'],
            tariffCents: 1000,
            agencyKinds: ['own'],
          },
        ],
      },
    ],
  },
  {
    code: 'LIDER',
    name: 'Seguradora Líder do Consórcio do Seguro DPVAT',
    cnpj: '09248608000104',
    kind: 'private',
    contracts: [
      {
        number: '9912300040',
        adminCode: '08083000',
        postalCard: '0067599400',
        modality: 'invoiced',
        services: [
          {
            code: '40101',
            name: 'DPVAT – Aviso de Sinistro',
            description: 'Recebimento de pedido de indenização do seguro DPVAT.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'preAttendance'],
            tariffCents: 2500,
            form: DPVAT_FORM,
            expiryDays: 10,
          },
        ],
      },
    ],
  },
  {
    code: 'DETRANGO',
    name: 'Departamento Estadual de Trânsito de Goiás',
    cnpj: '05055310000127',
    kind: 'public',
    contracts: [
      {
        number: '9912300050',
        adminCode: '08083100',
        postalCard: '0067599500',
        modality: 'invoiced',
        services: [
          {
            code: '50101',
            name: 'Licenciamento Anual – Emissão de CRLV',
            description: 'Solicitação do CRLV do exercício.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'virtual'],
            tariffCents: 890,
            form: LICENSING_FORM,
          },
        ],
      },
    ],
  },
  {
    code: 'SEEMG',
    name: 'Secretaria de Estado de Educação de Minas Gerais',
    cnpj: '00957404000178',
    kind: 'public',
    contracts: [
      {
        number: '9912300060',
        adminCode: '08083200',
        postalCard: '0067599600',
        modality: 'invoiced',
        services: [
          {
            code: '60101',
            name: 'Inscrição para Designação de Professores',
            description: 'Inscrição de candidatos à designação temporária.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson', 'virtual'],
            tariffCents: 350,
            form: TEACHER_FORM,
          },
        ],
      },
    ],
  },
  {
    code: 'BBCONSORCIOS',
    name: 'BB Administradora de Consórcios S.A.',
    cnpj: '06043050000132',
    kind: 'private',
    contracts: [
      {
        number: '9912300070',
        adminCode: '08083300',
        postalCard: '0067599700',
        modality: 'invoiced',
        services: [
          {
            code: '70101',
            name: 'Consórcio – Entrega de Documentação de Contemplação',
            description: 'Recebimento de documentos do consorciado contemplado.',
            solution: 'hostedForm',
            attendanceTypes: ['inPerson'],
            tariffCents: 1200,
            form: PRIZE_FORM,
          },
        ],
      },
    ],
  },
];

async function seedService(tx: Tx, clientId: string, contractId: string, service: ServiceSeed) {
  const { id } = await tx
    .insertInto('services')
    .values({
      clientId,
      contractId,
      code: service.code,
      name: service.name,
      description: service.description,
      solution: service.solution,
      clientSiteUrl: service.clientSiteUrl ?? null,
      attendanceTypes: service.attendanceTypes,
      agencyKinds: service.agencyKinds ?? ['own', 'franchised'],
      preAttendanceExpiryDays: service.expiryDays ?? 30,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('tariffs')
    .values({
      contractId,
      serviceId: id,
      amountCents: service.tariffCents,
      validFrom: '2026-01-01',
    })
    .execute();
  for (const item of service.items ?? []) {
    await tx
      .insertInto('associatedItems')
      .values({ serviceId: id, ...item })
      .execute();
  }
  if (service.form) {
    await tx
      .insertInto('formDefinitions')
      .values({
        serviceId: id,
        version: 1,
        status: 'published',
        definition: JSON.stringify(service.form),
        publishedAt: new Date(),
      })
      .execute();
  }
}

/** Loads the demo catalogue and staff; does nothing when agencies already exist. */
export async function seedDemoData(db: Database): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return { seeded: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await inTransaction(db, async (tx) => {
    const agencyIds = new Map<string, string>();
    for (const agency of DEMO_AGENCIES) {
      const row = await tx
        .insertInto('agencies')
        .values(agency)
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds.set(agency.code, row.id);
    }
    for (const member of DEMO_STAFF) {
      await tx
        .insertInto('staff')
        .values({
          registration: member.registration,
          name: member.name,
          role: member.role,
          agencyId: member.agency ? (agencyIds.get(member.agency) ?? null) : null,
          passwordHash,
        })
        .execute();
    }
    for (const client of DEMO_CLIENTS) {
      const { contracts, ...values } = client;
      const { id: clientId } = await tx
        .insertInto('clients')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const contract of contracts) {
        const { services, ...contractValues } = contract;
        const { id: contractId } = await tx
          .insertInto('contracts')
          .values({ ...contractValues, clientId, validFrom: '2026-01-01' })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const service of services) {
          await seedService(tx, clientId, contractId, service);
        }
      }
    }
    await seedDemoPartners(tx);
  });

  return { seeded: true };
}
