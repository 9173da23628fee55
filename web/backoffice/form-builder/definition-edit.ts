import {
  allFields,
  FIELD_TYPE_LABELS,
  type FieldType,
  type FormDefinition,
  type FormField,
  type FormSection,
} from '@shared/forms/form-definition.ts';

/**
 * Pure edits of a form definition, one function per thing the builder offers. Each returns a
 * new definition, so the preview and the undo-free editor re-render from plain data.
 */

export const EMPTY_DEFINITION: FormDefinition = {
  sections: [{ id: 'dados', title: 'Dados do requerente', fields: [] }],
  requiredDocuments: [],
};

/** `campo1`, `campo2`…: the first identifier no field of the form has yet. */
export function freshId(definition: FormDefinition, prefix: string, taken?: string[]): string {
  const used = new Set(taken ?? allFields(definition).map((field) => field.id));
  for (let n = 1; ; n++) {
    if (!used.has(`${prefix}${n}`)) {
      return `${prefix}${n}`;
    }
  }
}

const withSections = (definition: FormDefinition, sections: FormSection[]) => ({
  ...definition,
  sections,
});

export function addField(definition: FormDefinition, sectionIndex: number, type: FieldType) {
  const field: FormField = {
    id: freshId(definition, 'campo'),
    type,
    label: FIELD_TYPE_LABELS[type],
    ...(type === 'choice' ? { options: [{ value: 'a', label: 'Opção A' }] } : {}),
  };

  return withSections(
    definition,
    definition.sections.map((section, index) =>
      index === sectionIndex ? { ...section, fields: [...section.fields, field] } : section,
    ),
  );
}

export function updateField(definition: FormDefinition, id: string, next: FormField) {
  // Renaming a field keeps the rules that point at it pointing at it.
  const renamed = (field: FormField): FormField =>
    next.id !== id && field.visibleWhen?.field === id
      ? { ...field, visibleWhen: { ...field.visibleWhen, field: next.id } }
      : field;

  return withSections(
    definition,
    definition.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => (field.id === id ? next : renamed(field))),
    })),
  );
}

export function removeField(definition: FormDefinition, id: string) {
  return withSections(
    definition,
    definition.sections.map((section) => ({
      ...section,
      fields: section.fields
        .filter((field) => field.id !== id)
        .map((field) => {
          if (field.visibleWhen?.field !== id) {
            return field;
          }
          const { visibleWhen: _dropped, ...rest } = field;

          return rest;
        }),
    })),
  );
}

/**
 * Moves a field one place up or down; past the edge of its section it moves into the end of
 * the section before, or the start of the section after.
 */
export function moveField(definition: FormDefinition, id: string, delta: -1 | 1) {
  const sections = definition.sections.map((section) => ({
    ...section,
    fields: [...section.fields],
  }));
  const from = sections.findIndex((section) => section.fields.some((field) => field.id === id));
  const section = sections[from];
  if (!section) {
    return definition;
  }
  const index = section.fields.findIndex((field) => field.id === id);
  const [field] = section.fields.splice(index, 1);
  if (!field) {
    return definition;
  }
  const target = index + delta;
  if (target >= 0 && target <= section.fields.length) {
    section.fields.splice(target, 0, field);
  } else if (delta < 0 && sections[from - 1]) {
    sections[from - 1]?.fields.push(field);
  } else if (delta > 0 && sections[from + 1]) {
    sections[from + 1]?.fields.unshift(field);
  } else {
    return definition;
  }

  return withSections(definition, sections);
}

export function addSection(definition: FormDefinition) {
  const id = freshId(
    definition,
    'secao',
    definition.sections.map((section) => section.id),
  );

  return withSections(definition, [
    ...definition.sections,
    { id, title: `Seção ${definition.sections.length + 1}`, fields: [] },
  ]);
}

export function updateSection(definition: FormDefinition, index: number, title: string) {
  return withSections(
    definition,
    definition.sections.map((section, at) => (at === index ? { ...section, title } : section)),
  );
}

export function moveSection(definition: FormDefinition, index: number, delta: -1 | 1) {
  const target = index + delta;
  if (target < 0 || target >= definition.sections.length) {
    return definition;
  }
  const sections = [...definition.sections];
  const [moved] = sections.splice(index, 1);
  if (moved) {
    sections.splice(target, 0, moved);
  }

  return withSections(definition, sections);
}

/** Removes a section; its fields are removed with it, and so are rules that pointed at them. */
export function removeSection(definition: FormDefinition, index: number) {
  const gone = definition.sections[index]?.fields.map((field) => field.id) ?? [];
  const without = withSections(
    definition,
    definition.sections.filter((_, at) => at !== index),
  );

  return gone.reduce((current, id) => removeField(current, id), without);
}

/** The fields before `id` in the form: the ones a visibility rule may depend on. */
export function fieldsBefore(definition: FormDefinition, id: string): FormField[] {
  const fields = allFields(definition);
  const index = fields.findIndex((field) => field.id === id);

  return index < 0 ? fields : fields.slice(0, index);
}
