import { useState } from 'react';
import { CreatedPanel } from '@web/attendance/created-panel.tsx';
import { HostedForm } from '@web/attendance/hosted-form.tsx';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';

export type HostedFormScreenProps = { clientId: string; serviceId: string };

/** Loads the service and its published form, then the attendant fills it (flow 3). */
export function HostedFormScreen({ clientId, serviceId }: HostedFormScreenProps) {
  const load = useLoad(async () => {
    const [services, form] = await Promise.all([
      sterApi.services(clientId),
      sterApi.form(serviceId),
    ]);

    return { service: services.services.find((s) => s.id === serviceId), form: form.form };
  }, [clientId, serviceId]);
  const [created, setCreated] = useState<Protocol | null>(null);
  const service = load.data?.service;
  const title = service ? `${service.code} – ${service.name}` : 'Formulário do serviço';

  return (
    <Layout title={title} system="STER">
      <p className="muted breadcrumbs">
        <Link to="/ster/atendimento">Clientes</Link> ›{' '}
        <Link to={`/ster/atendimento/${clientId}`}>Serviços</Link> › Formulário
      </p>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {load.loading && <p role="status">Carregando formulário…</p>}
      {created && <CreatedPanel protocol={created} />}
      {load.data && !created && (
        <HostedForm serviceId={serviceId} form={load.data.form} onCreated={setCreated} />
      )}
    </Layout>
  );
}
