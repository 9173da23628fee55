import { useSession } from '@web/auth/session.tsx';
import { Field } from '@web/components/field.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { reconciliationApi } from '@web/reconciliation/reconciliation-api.ts';

export type AgencyFieldProps = {
  value: string;
  onChange: (agencyId: string) => void;
  error?: string | undefined;
};

/** Back office chooses the agency; counter staff always work on their own, shown as text. */
export function AgencyField({ value, onChange, error }: AgencyFieldProps) {
  const { staff } = useSession();
  const isBackOffice = staff.agency === null;
  const load = useLoad(
    () => (isBackOffice ? reconciliationApi.agencies() : Promise.resolve({ agencies: [] })),
    [isBackOffice],
  );
  if (!isBackOffice) {
    return (
      <p className="muted">
        Agência: {staff.agency?.code} {staff.agency?.name}
      </p>
    );
  }

  return (
    <Field label="Agência" required error={error}>
      {(props) => (
        <select {...props} required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Escolha a agência</option>
          {(load.data?.agencies ?? []).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.code} {agency.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
