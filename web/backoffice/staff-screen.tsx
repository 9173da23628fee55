import { backofficeApi, type Agency, type StaffMember } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { staffFields } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { AGENCY_SOURCE } from '@web/backoffice/picker-sources.ts';
import { labelOf, ROLES, yesNo } from '@web/backoffice/labels.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';

/** Staff: attendants, supervisors and back office, with their role, agency and status. */
export function StaffScreen() {
  // Names for the list and the current choice; the form and the filter search every agency.
  const agencies = useLoad(
    () => backofficeApi.list<{ agencies: Agency[] }>('/agencies', { limit: '100', active: 'true' }),
    [],
  );
  const options = Object.fromEntries(
    (agencies.data?.agencies ?? []).map((agency) => [agency.id, `${agency.code} ${agency.name}`]),
  );

  return (
    <BackofficeFrame title="Retaguarda – funcionários">
      <ErrorMessage catalogue error={agencies.error} onRetry={agencies.reload} />
      {agencies.data && (
        <CrudSection<StaffMember>
          title="Funcionários"
          noun="funcionário"
          listPath="/staff"
          itemsKey="staff"
          createPath="/staff"
          updatePath={(row) => `/staff/${row.id}`}
          fields={staffFields(options)}
          rowName={(row) => `funcionário ${row.registration}`}
          filters={[
            { name: 'q', label: 'Nome ou matrícula' },
            { name: 'role', label: 'Perfil', options: ROLES },
            { name: 'agencyId', label: 'Agência', options, lookup: AGENCY_SOURCE },
            { name: 'active', label: 'Situação', options: { true: 'Ativos', false: 'Inativos' } },
          ]}
          columns={[
            {
              label: 'Matrícula',
              render: (row) => <span className="mono">{row.registration}</span>,
            },
            { label: 'Nome', render: (row) => row.name },
            { label: 'Perfil', render: (row) => labelOf(ROLES, row.role) },
            {
              label: 'Agência',
              render: (row) => (row.agencyId ? (options[row.agencyId] ?? '—') : '—'),
            },
            { label: 'Ativo', render: (row) => yesNo(row.active) },
          ]}
        />
      )}
    </BackofficeFrame>
  );
}
