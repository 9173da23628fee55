import type { RequiredDocument } from '@shared/forms/form-definition.ts';

export type DocumentsChecklistProps = {
  documents: RequiredDocument[];
  checked: string[];
  error: string | undefined;
  onChange: (checked: string[]) => void;
  autoFocus?: boolean | undefined;
};

/** The documents the attendant must see and tick before the protocol can be registered. */
export function DocumentsChecklist(props: DocumentsChecklistProps) {
  const { documents, checked, error, onChange, autoFocus } = props;
  if (documents.length === 0) {
    return null;
  }
  const toggle = (id: string) =>
    onChange(checked.includes(id) ? checked.filter((item) => item !== id) : [...checked, id]);

  return (
    <fieldset
      className={`form-section checklist${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? 'documents-error' : undefined}
    >
      <legend>Documentos exigidos (confira e marque)</legend>
      {documents.map((document, index) => (
        <label key={document.id} className="choice">
          <input
            type="checkbox"
            name="documentsChecked"
            value={document.id}
            autoFocus={autoFocus && index === 0}
            checked={checked.includes(document.id)}
            onChange={() => toggle(document.id)}
          />
          {document.label}
        </label>
      ))}
      {error && (
        <span className="field-error" id="documents-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
