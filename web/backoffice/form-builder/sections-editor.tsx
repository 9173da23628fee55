import { useState } from 'react';
import {
  addField,
  fieldsBefore,
  moveField,
  moveSection,
  removeField,
  removeSection,
  updateField,
  updateSection,
} from '@web/backoffice/form-builder/definition-edit.ts';
import { FieldEditor, FieldTypeSelect } from '@web/backoffice/form-builder/field-editor.tsx';
import { Field } from '@web/components/field.tsx';
import type { FieldType, FormDefinition } from '@shared/forms/form-definition.ts';

export type SectionsEditorProps = {
  definition: FormDefinition;
  problems: Record<string, string[]>;
  onChange: (next: FormDefinition) => void;
};

/** After a move the field's DOM node moves too; give focus back to the control that moved it. */
function refocus(fieldId: string, action: string | null) {
  requestAnimationFrame(() => {
    const root = document.querySelector(`[data-field-id="${CSS.escape(fieldId)}"]`);
    const target = action ? root?.querySelector<HTMLElement>(`[data-action="${action}"]`) : null;
    (target ?? root?.querySelector<HTMLElement>('input, select'))?.focus();
  });
}

/** The sections of the form and their fields, each editable, movable and removable. */
export function SectionsEditor({ definition, problems, onChange }: SectionsEditorProps) {
  const [newType, setNewType] = useState<Record<number, FieldType>>({});

  return (
    <>
      {definition.sections.map((section, sectionIndex) => (
        <section key={section.id} className="builder-section" aria-label={`Seção ${section.title}`}>
          <div className="builder-section-head">
            <Field label={`Título da seção ${sectionIndex + 1}`}>
              {(aria) => (
                <input
                  {...aria}
                  value={section.title}
                  onChange={(event) =>
                    onChange(updateSection(definition, sectionIndex, event.target.value))
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-small"
              aria-label={`Subir seção ${section.title}`}
              onClick={() => onChange(moveSection(definition, sectionIndex, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={`Descer seção ${section.title}`}
              onClick={() => onChange(moveSection(definition, sectionIndex, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              aria-label={`Remover seção ${section.title}`}
              onClick={() => onChange(removeSection(definition, sectionIndex))}
            >
              Remover seção
            </button>
          </div>
          {section.fields.map((field, fieldIndex) => (
            // Keyed by position, so typing a new identifier does not remount the editor.
            <FieldEditor
              key={`${sectionIndex}.${fieldIndex}`}
              field={field}
              position={`${sectionIndex + 1}.${fieldIndex + 1}`}
              earlier={fieldsBefore(definition, field.id)}
              problems={problems[field.id] ?? []}
              onChange={(next) => onChange(updateField(definition, field.id, next))}
              onMove={(delta) => {
                const action =
                  (document.activeElement as HTMLElement | null)?.dataset.action ?? null;
                onChange(moveField(definition, field.id, delta));
                refocus(field.id, action);
              }}
              onRemove={() => onChange(removeField(definition, field.id))}
            />
          ))}
          <div className="toolbar">
            <FieldTypeSelect
              label={`Tipo do novo campo na seção ${sectionIndex + 1}`}
              value={newType[sectionIndex] ?? 'text'}
              onChange={(type) => setNewType({ ...newType, [sectionIndex]: type })}
            />
            <button
              type="button"
              className="button"
              onClick={() =>
                onChange(addField(definition, sectionIndex, newType[sectionIndex] ?? 'text'))
              }
            >
              Adicionar campo à seção {sectionIndex + 1}
            </button>
          </div>
        </section>
      ))}
    </>
  );
}
