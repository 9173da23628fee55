import type { Agency } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { AGENCY_FIELDS } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { AGENCY_KINDS, labelOf, yesNo } from '@web/backoffice/labels.ts';

/** Agencies: the post's own and franchised units where counters serve citizens. */
export function AgenciesScreen() {
  return (
    <BackofficeFrame title="Retaguarda – agências">
      <CrudSection<Agency>
        title="Agências"
        noun="agência"
        createLabel="Nova agência"
        listPath="/agencies"
        itemsKey="agencies"
        createPath="/agencies"
        updatePath={(row) => `/agencies/${row.id}`}
        fields={AGENCY_FIELDS}
        rowName={(row) => `agência ${row.code}`}
        filters={[
          { name: 'q', label: 'Nome ou código' },
          { name: 'kind', label: 'Tipo', options: AGENCY_KINDS },
          { name: 'active', label: 'Situação', options: { true: 'Ativas', false: 'Inativas' } },
        ]}
        columns={[
          { label: 'Código', render: (row) => <span className="mono">{row.code}</span> },
          { label: 'Nome', render: (row) => row.name },
          { label: 'Tipo', render: (row) => labelOf(AGENCY_KINDS, row.kind) },
          { label: 'Cidade', render: (row) => `${row.city}/${row.state}` },
          { label: 'Ativa', render: (row) => yesNo(row.active) },
        ]}
      />
    </BackofficeFrame>
  );
}
