import { useLoad } from '@web/components/use-load.ts';
import { FLOW_BASE } from '@web/portal/catalogue-screens.tsx';
import { portalApi, type Flow } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalForm } from '@web/portal/portal-form.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { usePortalSession } from '@web/portal/portal-session.tsx';
import { rememberProof } from '@web/portal/proof-memory.ts';
import { Link, navigate } from '@web/router.tsx';

export type FormScreenProps = { flow: Flow; clientId: string; serviceId: string };

/** Step 3: the service's form; then the voucher (pre-attendance) or the receipt (virtual). */
export function FormScreen({ flow, clientId, serviceId }: FormScreenProps) {
  const form = useLoad(() => portalApi.form(flow, serviceId), [flow, serviceId]);
  const { citizen } = usePortalSession();

  return (
    <PortalLayout title="Preencha o formulário">
      <p>
        <Link to={`${FLOW_BASE[flow]}/${clientId}`}>← Outro serviço</Link>
      </p>
      <PortalError error={form.error} onRetry={form.reload} />
      {form.loading && <p role="status">Carregando o formulário…</p>}
      {form.data && (
        <PortalForm
          flow={flow}
          serviceId={serviceId}
          form={form.data.form}
          citizen={flow === 'virtual' ? (citizen ?? null) : null}
          onCreated={(protocol, document) => {
            rememberProof(protocol.code, document);
            navigate(
              flow === 'virtual'
                ? `/cidadao/concluido/${protocol.code}`
                : `/cidadao/comprovante/${protocol.code}`,
            );
          }}
        />
      )}
    </PortalLayout>
  );
}
