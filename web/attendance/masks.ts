import type { FieldType } from '@shared/forms/form-definition.ts';
import { formatDecimal } from '@shared/money.ts';

/** Input masks: each takes what was typed (or pasted) and returns it in the usual layout. */
const onlyDigits = (text: string, max: number) => text.replace(/\D/g, '').slice(0, max);

function layout(chars: string, pattern: string): string {
  let out = '';
  let next = 0;
  for (const slot of pattern) {
    if (next >= chars.length) {
      break;
    }
    if (slot === '#') {
      out += chars[next];
      next += 1;
    } else {
      out += slot;
    }
  }

  return out;
}

export const maskCpf = (text: string) => layout(onlyDigits(text, 11), '###.###.###-##');

/** CNPJ, including the 2026 alphanumeric form: letters allowed in the first 12 positions. */
export function maskCnpj(text: string): string {
  const chars = text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 14);

  return layout(chars, '##.###.###/####-##');
}

/** A CPF while it fits one (11 digits), a CNPJ after that or as soon as a letter appears. */
export function maskCpfOrCnpj(text: string): string {
  const chars = text.toUpperCase().replace(/[^0-9A-Z]/g, '');

  return chars.length <= 11 && /^\d*$/.test(chars) ? maskCpf(chars) : maskCnpj(chars);
}

export const maskCep = (text: string) => layout(onlyDigits(text, 8), '#####-###');

export function maskPhone(text: string): string {
  const digits = onlyDigits(text, 11);

  return layout(digits, digits.length === 11 ? '(##) #####-####' : '(##) ####-####');
}

export const maskDate = (text: string) => layout(onlyDigits(text, 8), '##/##/####');

/** Money as cash registers take it: digits push in from the right ("1250" is 12,50). */
export function maskMoney(text: string): string {
  const digits = onlyDigits(text, 13).replace(/^0+/, '');

  return digits === '' ? '' : formatDecimal(Number(digits));
}

/** "17/05/1990" to "1990-05-17"; anything incomplete is returned as typed, to fail validation. */
export function dateToIso(text: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);

  return match ? `${match[3]}-${match[2]}-${match[1]}` : text;
}

export function isoToDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);

  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

const MASKS: Partial<Record<FieldType, (text: string) => string>> = {
  cpf: maskCpf,
  cnpj: maskCnpj,
  cep: maskCep,
  phone: maskPhone,
  date: maskDate,
  money: maskMoney,
};

export function maskFor(type: FieldType): (text: string) => string {
  return MASKS[type] ?? ((text) => text);
}
