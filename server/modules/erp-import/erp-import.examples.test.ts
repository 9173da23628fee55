import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFile } from '@server/modules/erp-import/erp-import.reader.ts';

const example = (name: string) =>
  readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');

describe('the ERP sample files a newcomer imports', () => {
  it('reads the CSV sample without a problem', () => {
    const { rows, problems } = readFile('csv', example('catalogo-erp.csv'));
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.kind)).toEqual([
      'client',
      'contract',
      'contract',
      'service',
      'service',
      'tariff',
      'tariff',
      'tariff',
    ]);
  });

  it('reads the JSON sample without a problem', () => {
    const { rows, problems } = readFile('json', example('catalogo-erp.json'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(4);
  });
});
