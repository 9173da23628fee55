import type { FormVersion } from '@web/backoffice/form-builder/builder-api.ts';
import { allFields } from '@shared/forms/form-definition.ts';
import { formatDateTime } from '@shared/time.ts';

export type VersionsListProps = {
  versions: FormVersion[];
  busy: boolean;
  onRestore: (version: number) => void;
};

/** Published versions, newest first; any of them can become the new draft. */
export function VersionsList({ versions, busy, onRestore }: VersionsListProps) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versões publicadas</h2>
      {versions.length === 0 ? (
        <p className="empty">Nenhuma versão publicada ainda.</p>
      ) : (
        <table className="grid">
          <caption className="visually-hidden">Versões publicadas do formulário</caption>
          <thead>
            <tr>
              <th scope="col">Versão</th>
              <th scope="col">Publicada em</th>
              <th scope="col">Campos</th>
              <th scope="col">Ações</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <td className="num">{version.version}</td>
                <td>{version.publishedAt ? formatDateTime(version.publishedAt) : '—'}</td>
                <td>
                  {allFields(version.definition)
                    .map((field) => field.label)
                    .join(', ')}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => onRestore(version.version)}
                  >
                    Restaurar versão {version.version} como rascunho
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
