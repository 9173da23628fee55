import { freshId } from '@web/backoffice/form-builder/definition-edit.ts';
import { Field } from '@web/components/field.tsx';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

export type DocumentsEditorProps = {
  definition: FormDefinition;
  onChange: (next: FormDefinition) => void;
};

/** The documents the attendant must check before registering the attendance. */
export function DocumentsEditor({ definition, onChange }: DocumentsEditorProps) {
  const documents = definition.requiredDocuments;
  const set = (next: typeof documents) => onChange({ ...definition, requiredDocuments: next });

  return (
    <section className="builder-section" aria-labelledby="documents-heading">
      <h3 id="documents-heading">Documentos exigidos</h3>
      {documents.map((document, index) => (
        <div key={document.id} className="builder-document">
          <Field label={`Documento ${index + 1}`}>
            {(aria) => (
              <input
                {...aria}
                value={document.label}
                onChange={(event) =>
                  set(
                    documents.map((d, at) =>
                      at === index ? { ...d, label: event.target.value } : d,
                    ),
                  )
                }
              />
            )}
          </Field>
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={`Remover documento ${document.label}`}
            onClick={() => set(documents.filter((_, at) => at !== index))}
          >
            Remover
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          set([
            ...documents,
            {
              id: freshId(
                definition,
                'documento',
                documents.map((d) => d.id),
              ),
              label: 'Documento de identidade',
            },
          ])
        }
      >
        Adicionar documento
      </button>
    </section>
  );
}
