import { describe, expect, it } from 'vitest';
import {
  dateToIso,
  maskCep,
  maskCnpj,
  maskCpf,
  maskCpfOrCnpj,
  maskDate,
  maskMoney,
  maskPhone,
} from '@web/attendance/masks.ts';

describe('input masks', () => {
  it('lays out CPF, CNPJ, CEP and dates as they are typed', () => {
    expect(maskCpf('1234567')).toBe('123.456.7');
    expect(maskCpf('123.456.789-09xx')).toBe('123.456.789-09');
    expect(maskCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(maskCep('90010000')).toBe('90010-000');
    expect(maskDate('17051990')).toBe('17/05/1990');
    expect(dateToIso('17/05/1990')).toBe('1990-05-17');
    expect(dateToIso('17/05/19')).toBe('17/05/19');
  });

  it('switches from CPF to CNPJ past eleven digits', () => {
    expect(maskCpfOrCnpj('12345678909')).toBe('123.456.789-09');
    expect(maskCpfOrCnpj('00394460000141')).toBe('00.394.460/0001-41');
  });

  it('formats landlines and mobiles', () => {
    expect(maskPhone('5133334444')).toBe('(51) 3333-4444');
    expect(maskPhone('51999998888')).toBe('(51) 99999-8888');
  });

  it('pushes money digits in from the right', () => {
    expect(maskMoney('1')).toBe('0,01');
    expect(maskMoney('1250')).toBe('12,50');
    expect(maskMoney('123456')).toBe('1.234,56');
    expect(maskMoney('')).toBe('');
  });
});
