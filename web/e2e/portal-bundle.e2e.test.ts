import { describe, expect, it } from 'vitest';
import { portalBundle } from '@test/portal-bundle.ts';

describe("the portal's bundle", () => {
  const files = portalBundle();

  it('holds none of the staff screens', () => {
    const text = files.map(({ content }) => content.toString('utf8')).join('\n');
    expect(text).toContain('Entrar com IdCorreios');
    for (const staffOnly of ['Consulta Protocolo', 'Matrícula', 'Registrar atendimento']) {
      expect(text).not.toContain(staffOnly);
    }
  });

  it('stays under 100 KiB gzipped for a slow phone', () => {
    const total = files.reduce((sum, file) => sum + file.gzipBytes, 0);
    expect(total).toBeLessThan(100 * 1024);
  });
});
