/** A person who can sign in to the IdCorreios stand-in. */
export type DemoCitizen = { cpf: string; name: string; email: string };

/**
 * The demo citizens of the IdCorreios stand-in (listed in the README). Their CPFs are valid,
 * made up for the demo; the login is the CPF, with or without dots, and any password.
 */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { cpf: '28451739628', name: 'Luciana Alves Pereira', email: 'luciana@example.com.br' },
  { cpf: '73610528435', name: 'Rafael Moura Tavares', email: 'rafael@example.com.br' },
  { cpf: '90531846270', name: 'Beatriz Nogueira Lopes', email: 'beatriz@example.com.br' },
];

export function findDemoCitizen(login: string): DemoCitizen | undefined {
  const digits = login.replace(/\D/g, '');

  return DEMO_CITIZENS.find((citizen) => citizen.cpf === digits);
}
