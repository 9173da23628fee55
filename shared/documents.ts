/**
 * The citizen's identification: a CPF (person) or a CNPJ (company, numeric or the 2026
 * alphanumeric form). The check-digit rules come from @brazilian-utils/brazilian-utils.
 */
import {
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidEmail,
  isValidPhone,
} from '@brazilian-utils/brazilian-utils';

export type DocumentKind = 'cpf' | 'cnpj';

export type CitizenDocument = { kind: DocumentKind; number: string };

/** Strips the mask characters people type; CNPJ letters are upper-cased. */
export function unmaskDocument(input: string): string {
  return input.replace(/[\s.\-/]/g, '').toUpperCase();
}

export function isCpf(input: string): boolean {
  const digits = unmaskDocument(input);

  return /^\d{11}$/.test(digits) && isValidCpf(digits);
}

export function isCnpj(input: string): boolean {
  const value = unmaskDocument(input);

  return /^[0-9A-Z]{12}\d{2}$/.test(value) && isValidCnpj(value, { version: 2 });
}

/** Reads a CPF or CNPJ, or returns null when it is neither (wrong length or check digits). */
export function parseCitizenDocument(input: string): CitizenDocument | null {
  const number = unmaskDocument(input);
  if (number.length === 11) {
    return isCpf(number) ? { kind: 'cpf', number } : null;
  }
  if (number.length === 14) {
    return isCnpj(number) ? { kind: 'cnpj', number } : null;
  }

  return null;
}

export function formatCpf(digits: string): string {
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}

export function formatCnpj(value: string): string {
  return `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
}

/**
 * The masked form lists show: `***.456.789-**` for a CPF (the convention of Brazil's federal
 * government under the LGPD). A CNPJ identifies a company, which is public, so it is shown whole.
 */
export function maskDocument(document: CitizenDocument): string {
  if (document.kind === 'cnpj') {
    return formatCnpj(document.number);
  }

  return `***.${document.number.slice(3, 6)}.${document.number.slice(6, 9)}-**`;
}

export function isCep(input: string): boolean {
  return /^\d{5}-?\d{3}$/.test(input.trim()) && isValidCep(input.trim());
}

export function isPhone(input: string): boolean {
  const digits = input.replace(/\D/g, '');

  return (digits.length === 10 || digits.length === 11) && isValidPhone(digits);
}

export function isEmail(input: string): boolean {
  return input.length <= 254 && isValidEmail(input.trim());
}
