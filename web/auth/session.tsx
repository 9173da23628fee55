import { createContext, useContext } from 'react';
import type { Staff } from '@web/api/types.ts';

export type Session = { staff: Staff; signOut: () => void };

export const SessionContext = createContext<Session | null>(null);

/** The signed-in attendant; screens under the layout always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside a signed-in screen');
  }

  return session;
}

/** "Atendente SARA – 83278281 – AC ESMERALDA", as the training document shows it. */
export function attendantHeader(staff: Staff): string {
  return ['Atendente SARA', staff.registration, staff.agency?.name ?? 'sem agência'].join(' – ');
}
