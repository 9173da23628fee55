import { describe, expect, it } from 'vitest';
import {
  formatCnpj,
  formatCpf,
  isCep,
  isCnpj,
  isCpf,
  isEmail,
  isPhone,
  maskDocument,
  parseCitizenDocument,
  unmaskDocument,
} from '@shared/documents.ts';

describe('citizen documents', () => {
  it('reads a CPF with or without its mask', () => {
    expect(parseCitizenDocument('123.456.789-09')).toEqual({ kind: 'cpf', number: '12345678909' });
    expect(parseCitizenDocument(' 12345678909 ')).toEqual({ kind: 'cpf', number: '12345678909' });
  });

  it('refuses CPFs with wrong check digits, repeated digits or wrong length', () => {
    for (const bad of [
      '123.456.789-00',
      '12345678919',
      '11111111111',
      '1234567890',
      'abcdefghijk',
    ]) {
      expect(isCpf(bad), bad).toBe(false);
      expect(parseCitizenDocument(bad), bad).toBeNull();
    }
  });

  it('reads numeric and alphanumeric CNPJs, upper-casing letters', () => {
    expect(parseCitizenDocument('00.394.460/0001-41')).toEqual({
      kind: 'cnpj',
      number: '00394460000141',
    });
    expect(parseCitizenDocument('12.abc.345/01de-35')).toEqual({
      kind: 'cnpj',
      number: '12ABC34501DE35',
    });
    expect(isCnpj('00394460000142')).toBe(false);
    expect(isCnpj('12ABC34501DE3X')).toBe(false);
  });

  it('masks a CPF as ***.456.789-** and shows a company CNPJ whole', () => {
    expect(maskDocument({ kind: 'cpf', number: '12345678909' })).toBe('***.456.789-**');
    expect(maskDocument({ kind: 'cnpj', number: '00394460000141' })).toBe('00.394.460/0001-41');
  });

  it('formats and unmasks documents', () => {
    expect(formatCpf('12345678909')).toBe('123.456.789-09');
    expect(formatCnpj('00394460000141')).toBe('00.394.460/0001-41');
    expect(unmaskDocument('00.394.460/0001-41')).toBe('00394460000141');
  });

  it('checks CEP, phone and e-mail', () => {
    expect(isCep('90010-000')).toBe(true);
    expect(isCep('90010000')).toBe(true);
    expect(isCep('9001-0000')).toBe(false);
    expect(isCep('900100000')).toBe(false);
    expect(isPhone('(51) 99999-8888')).toBe(true);
    expect(isPhone('(51) 3333-4444')).toBe(true);
    expect(isPhone('99999-8888')).toBe(false);
    expect(isPhone('(00) 3333-4444')).toBe(false);
    expect(isEmail('maria@example.com.br')).toBe(true);
    expect(isEmail('maria@')).toBe(false);
    expect(isEmail(`${'a'.repeat(250)}@x.com`)).toBe(false);
  });
});
