import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimForm,
  closeApp,
  openBackOffice,
  newCatalogue,
  newService,
  type BackOfficeApi,
  type Created,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office hosted forms', () => {
  let t: TestApp;
  let api: BackOfficeApi;
  let contract: Created;

  const formsOf = (service: Created) => `/api/v1/backoffice/services/${service.id}/forms`;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
    contract = (await newCatalogue(api)).contract;
  });
  afterAll(() => closeApp(t));

  it('saves, replaces and publishes a draft; a new draft gets the next version', async () => {
    const service = await newService(api, contract.id);
    const first = await api.put(`${formsOf(service)}/draft`, { definition: claimForm() });
    expect(first.statusCode).toBe(200);
    expect(first.json().draft).toMatchObject({ version: 1, status: 'draft', publishedAt: null });

    const replaced = await api.put(`${formsOf(service)}/draft`, {
      definition: claimForm('Nome do segurado'),
    });
    expect(replaced.json().draft).toMatchObject({ id: first.json().draft.id, version: 1 });

    const published = await api.post(`${formsOf(service)}/draft/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().form).toMatchObject({ version: 1, status: 'published' });
    expect(published.json().form.definition.sections[0].fields[0].label).toBe('Nome do segurado');

    expect((await api.post(`${formsOf(service)}/draft/publish`)).statusCode).toBe(404);

    const second = await api.put(`${formsOf(service)}/draft`, { definition: claimForm() });
    expect(second.json().draft.version).toBe(2);
    const listed = await api.get(formsOf(service));
    expect(listed.json().draft.version).toBe(2);
    expect(listed.json().published.map((f: { version: number }) => f.version)).toEqual([1]);

    const log = await api.get(
      `/api/v1/backoffice/changes?entity=formDefinition&entityId=${first.json().draft.id}`,
    );
    expect(log.json().changes.map((c: { action: string }) => c.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    expect(log.json().changes[0].after.status).toBe('published');
  });

  it('refuses an invalid definition with 422 FORM_INVALID and every field problem', async () => {
    const service = await newService(api, contract.id);
    const definition = claimForm();
    const [section] = definition.sections;
    section!.fields.push(
      { id: 'nome', type: 'text', label: 'De novo', required: false, maxLength: 10 },
      {
        id: 'titulo',
        type: 'text',
        label: 'Título',
        required: false,
        maxLength: 12,
        visibleWhen: { field: 'depois', equals: true },
      },
    );
    const response = await api.put(`${formsOf(service)}/draft`, { definition });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('FORM_INVALID');
    expect(response.json().error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.definition.fields.nome', code: 'duplicate' }),
        expect.objectContaining({ field: 'body.definition.fields.titulo', code: 'visibleWhen' }),
      ]),
    );

    const shape = await api.put(`${formsOf(service)}/draft`, {
      definition: { sections: [{ id: 's', title: 'S', fields: [{ id: 'a', type: 'foto' }] }] },
    });
    expect(shape.statusCode).toBe(400);
    expect((await api.get(formsOf(service))).json().draft).toBeNull();
  });

  it('discards a draft and restores a published version as the new draft', async () => {
    const service = await newService(api, contract.id);
    await api.put(`${formsOf(service)}/draft`, { definition: claimForm('Versão um') });
    await api.post(`${formsOf(service)}/draft/publish`);
    await api.put(`${formsOf(service)}/draft`, { definition: claimForm('Versão dois') });

    const discarded = await api.delete(`${formsOf(service)}/draft`);
    expect(discarded.json()).toEqual({ draft: null });
    expect((await api.delete(`${formsOf(service)}/draft`)).statusCode).toBe(404);

    const restored = await api.post(`${formsOf(service)}/versions/1/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().draft.status).toBe('draft');
    expect(restored.json().draft.version).toBe(2);
    expect(restored.json().draft.definition.sections[0].fields[0].label).toBe('Versão um');

    expect((await api.post(`${formsOf(service)}/versions/9/restore`)).statusCode).toBe(404);
  });

  it('keeps published versions immutable in the database itself', async () => {
    const service = await newService(api, contract.id);
    await api.put(`${formsOf(service)}/draft`, { definition: claimForm() });
    const published = (await api.post(`${formsOf(service)}/draft/publish`)).json().form;

    const change = t.ctx.db
      .updateTable('formDefinitions')
      .set({ definition: JSON.stringify(claimForm('Outro')) })
      .where('id', '=', published.id)
      .execute();
    await expect(change).rejects.toMatchObject({ code: '55000' });
    const removal = t.ctx.db.deleteFrom('formDefinitions').where('id', '=', published.id).execute();
    await expect(removal).rejects.toMatchObject({ code: '55000' });
  });
});
