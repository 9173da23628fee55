import { fieldError } from '@server/errors.ts';
import type { PriceRule, Solution } from '@server/db/schema.ts';

/** The parts of a service whose values depend on each other. */
export type ServiceRules = {
  solution: Solution;
  clientSiteUrl: string | null;
  priceRule: PriceRule;
  partnerPriceMinCents: number | null;
  partnerPriceMaxCents: number | null;
};

/** An absolute http(s) address with a host: what the counter can open for the client's site. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);

    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function settleSite(rules: ServiceRules, urlGiven: boolean): string | null {
  if (rules.solution === 'hostedForm') {
    if (urlGiven && rules.clientSiteUrl !== null) {
      throw fieldError(
        'body.clientSiteUrl',
        'notAllowed',
        'Serviços com formulário do STER não têm site do cliente.',
      );
    }

    return null;
  }
  if (rules.clientSiteUrl === null) {
    throw fieldError(
      'body.clientSiteUrl',
      'required',
      'Informe o endereço do site do cliente (solução site do cliente).',
    );
  }
  if (!isWebAddress(rules.clientSiteUrl)) {
    throw fieldError(
      'body.clientSiteUrl',
      'url',
      'Endereço inválido: informe um endereço completo começando por http:// ou https://.',
    );
  }

  return rules.clientSiteUrl;
}

function settlePrice(rules: ServiceRules) {
  const { partnerPriceMinCents: min, partnerPriceMaxCents: max } = rules;
  if (rules.priceRule === 'tariff') {
    return { partnerPriceMinCents: null, partnerPriceMaxCents: null };
  }
  if (min === null || max === null) {
    throw fieldError(
      min === null ? 'body.partnerPriceMinCents' : 'body.partnerPriceMaxCents',
      'required',
      'Informe os valores mínimo e máximo que o cliente pode cobrar (preço do parceiro).',
    );
  }
  if (min > max) {
    throw fieldError(
      'body.partnerPriceMaxCents',
      'belowMin',
      'O valor máximo não pode ser menor que o mínimo.',
    );
  }

  return { partnerPriceMinCents: min, partnerPriceMaxCents: max };
}

/**
 * Checks the solution and price rule together and returns the values to store: a hosted form
 * has no site address, a client's site needs a valid one; a tariff price has no bounds, a
 * partner price needs both, minimum first. `urlGiven` says the request itself named an address.
 */
export function settleServiceRules(rules: ServiceRules, urlGiven: boolean): ServiceRules {
  return {
    solution: rules.solution,
    priceRule: rules.priceRule,
    clientSiteUrl: settleSite(rules, urlGiven),
    ...settlePrice(rules),
  };
}
