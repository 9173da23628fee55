import { useEffect, useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { HostedForm } from '@web/attendance/hosted-form.tsx';
import { backofficeApi, type Service } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { formsApi, type ServiceForms } from '@web/backoffice/form-builder/builder-api.ts';
import { addSection, EMPTY_DEFINITION } from '@web/backoffice/form-builder/definition-edit.ts';
import { DocumentsEditor } from '@web/backoffice/form-builder/documents-editor.tsx';
import { SectionsEditor } from '@web/backoffice/form-builder/sections-editor.tsx';
import { VersionsList } from '@web/backoffice/form-builder/versions-list.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import { validateFormDefinition } from '@shared/forms/form-validation.ts';

export type FormBuilderScreenProps = { serviceId: string };

const startingPoint = (forms: ServiceForms): FormDefinition =>
  forms.draft?.definition ?? forms.published[0]?.definition ?? EMPTY_DEFINITION;

/** Problems of the definition by field id, checked by the very rules the server applies. */
function problemsOf(definition: FormDefinition) {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const problem of validateFormDefinition(definition)) {
    const id = /^fields\.(.+)$/.exec(problem.field)?.[1];
    if (id) {
      byField[id] = [...(byField[id] ?? []), problem.message];
    } else {
      general.push(problem.message);
    }
  }

  return { byField, general };
}

/**
 * The form builder ("solução parametrizável"): design a service's hosted form, see it live as
 * the attendant will, save it as a draft and publish it as a new frozen version.
 */
export function FormBuilderScreen({ serviceId }: FormBuilderScreenProps) {
  const load = useLoad(async () => {
    const [service, forms] = await Promise.all([
      backofficeApi.get<{ service: Service }>(`/services/${serviceId}`),
      formsApi.list(serviceId),
    ]);

    return { service: service.service, forms };
  }, [serviceId]);
  const [definition, setDefinition] = useState<FormDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (load.data) {
      setDefinition(startingPoint(load.data.forms));
      setDirty(false);
    }
  }, [load.data]);

  const change = (next: FormDefinition) => {
    setDefinition(next);
    setDirty(true);
    setNotice(null);
  };

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const message = await work();
      load.reload();
      setNotice(message);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const forms = load.data?.forms;
  const service = load.data?.service;
  const problems = definition ? problemsOf(definition) : { byField: {}, general: [] };
  const hasDraft = Boolean(forms?.draft) || dirty;

  const saveDraft = () =>
    act(async () => {
      await formsApi.saveDraft(serviceId, definition ?? EMPTY_DEFINITION);

      return 'Rascunho salvo.';
    });
  const publish = () =>
    act(async () => {
      if (dirty || !forms?.draft) {
        await formsApi.saveDraft(serviceId, definition ?? EMPTY_DEFINITION);
      }
      const { form } = await formsApi.publish(serviceId);

      return `Versão ${form.version} publicada: os próximos atendimentos usam esta versão.`;
    });
  const discard = () =>
    act(async () => {
      if (forms?.draft) {
        await formsApi.discardDraft(serviceId);
      }

      return 'Rascunho descartado.';
    });
  const restore = (version: number) =>
    act(async () => {
      await formsApi.restore(serviceId, version);

      return `Versão ${version} restaurada como rascunho.`;
    });

  return (
    <BackofficeFrame
      title={service ? `Formulário – ${service.code} ${service.name}` : 'Formulário'}
    >
      <p className="muted breadcrumbs">
        <Link to={`/backoffice/servicos/${serviceId}`}>Serviço</Link> › Formulário
        {forms?.draft ? ` · rascunho (versão ${forms.draft.version})` : ''}
        {dirty ? ' · alterações não salvas' : ''}
      </p>
      <ErrorMessage
        catalogue
        error={load.error ?? error}
        onRetry={load.error ? load.reload : undefined}
      />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {definition && forms && (
        <>
          <div className="actions actions-bar">
            <button type="button" className="button" disabled={busy || !dirty} onClick={saveDraft}>
              Salvar rascunho
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={
                busy ||
                !hasDraft ||
                problems.general.length + Object.keys(problems.byField).length > 0
              }
              onClick={publish}
            >
              Publicar nova versão
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy || !hasDraft}
              onClick={discard}
            >
              Descartar rascunho
            </button>
          </div>
          {problems.general.length > 0 && (
            <ul className="alert alert-warning">
              {problems.general.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <div className="builder">
            <div className="builder-editor">
              <h2>Campos</h2>
              <SectionsEditor
                definition={definition}
                problems={problems.byField}
                onChange={change}
              />
              <button
                type="button"
                className="button"
                onClick={() => change(addSection(definition))}
              >
                Nova seção
              </button>
              <DocumentsEditor definition={definition} onChange={change} />
            </div>
            <section className="builder-preview" aria-labelledby="preview-heading">
              <h2 id="preview-heading">Pré-visualização</h2>
              <p className="muted">Exatamente como o atendente verá; nada é registrado aqui.</p>
              <HostedForm
                serviceId={serviceId}
                form={{ id: 'preview', version: forms.draft?.version ?? 0, definition }}
                onCreated={() => undefined}
                preview
              />
            </section>
          </div>
          <VersionsList versions={forms.published} busy={busy} onRestore={restore} />
        </>
      )}
    </BackofficeFrame>
  );
}
