import { describe, expect, it } from 'vitest';
import {
  addField,
  addSection,
  moveField,
  removeField,
  removeSection,
  updateField,
} from '@web/backoffice/form-builder/definition-edit.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

const ids = (definition: FormDefinition) =>
  definition.sections.map((section) => section.fields.map((field) => field.id));

function twoSections(): FormDefinition {
  let definition: FormDefinition = {
    sections: [{ id: 'a', title: 'A', fields: [] }],
    requiredDocuments: [],
  };
  definition = addField(definition, 0, 'text');
  definition = addField(definition, 0, 'yesNo');
  definition = addSection(definition);
  definition = addField(definition, 1, 'textarea');

  return definition;
}

describe('form builder edits', () => {
  it('gives each new field an identifier no other field has', () => {
    expect(ids(twoSections())).toEqual([['campo1', 'campo2'], ['campo3']]);
  });

  it('moves a field within its section and across the edge into the next or previous one', () => {
    const start = twoSections();
    expect(ids(moveField(start, 'campo2', -1))).toEqual([['campo2', 'campo1'], ['campo3']]);
    expect(ids(moveField(start, 'campo2', 1))).toEqual([['campo1'], ['campo2', 'campo3']]);
    expect(ids(moveField(start, 'campo3', -1))).toEqual([['campo1', 'campo2', 'campo3'], []]);
    expect(moveField(start, 'campo1', -1)).toBe(start);
    expect(moveField(start, 'campo3', 1)).toBe(start);
  });

  it('keeps visibility rules pointing at a renamed field, and drops them with a removed one', () => {
    const start = twoSections();
    const textarea = start.sections[1]?.fields[0];
    const yesNo = start.sections[0]?.fields[1];
    if (!textarea || !yesNo) throw new Error('fixture');
    const ruled = updateField(start, 'campo3', {
      ...textarea,
      visibleWhen: { field: 'campo2', equals: true },
    });

    const renamed = updateField(ruled, 'campo2', { ...yesNo, id: 'houveVitimas' });
    expect(renamed.sections[1]?.fields[0]?.visibleWhen).toEqual({
      field: 'houveVitimas',
      equals: true,
    });

    const removed = removeField(ruled, 'campo2');
    expect(removed.sections[1]?.fields[0]).not.toHaveProperty('visibleWhen');
    expect(ids(removeSection(ruled, 0))).toEqual([['campo3']]);
    expect(removeSection(ruled, 0).sections[0]?.fields[0]).not.toHaveProperty('visibleWhen');
  });
});
