import { DEMO_PASSWORD } from '@server/seed/demo-catalogue.ts';
import { inPersonBody } from '@test/factories.ts';
import type { HttpAnswer, HttpClient } from './http.ts';

/** The demo's counter staff (attendants and a supervisor) across its three agencies. */
export const BENCH_ATTENDANTS = ['83278281', '83278282', '83270001', '81234567', '82345678'];

function expectStatus(step: string, answer: HttpAnswer, status: number): HttpAnswer {
  if (answer.status !== status) {
    throw new Error(`${step}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
  }

  return answer;
}

export async function signIn(client: HttpClient, registration: string): Promise<string> {
  const answer = await client.send('POST', '/api/v1/auth/sessions', undefined, {
    registration,
    password: DEMO_PASSWORD,
  });

  return (expectStatus(`sign-in ${registration}`, answer, 200).body as { token: string }).token;
}

/**
 * One whole in-person attendance through the API, as SARA and STER's screens drive it: the
 * hosted form creates a pending protocol, the counter generates the sale and finalises it with
 * fresh till references. Worker `w` works as attendant `w mod n`.
 */
export function apiLifecycle(client: HttpClient, tokens: string[], serviceId: string, tag: string) {
  let sale = 0;
  const body = inPersonBody({ serviceId });

  return async (worker: number) => {
    const token = tokens[worker % tokens.length];
    sale += 1;
    const reference = {
      till: `A${worker}`,
      entryNumber: `${tag}${sale}`,
      attendanceNumber: `${sale}`,
    };

    const created = await client.send('POST', '/api/v1/attendances/in-person', token, body);
    const { code } = (expectStatus('create', created, 201).body as { protocol: { code: string } })
      .protocol;
    const counter = `/api/v1/counter/protocols/${code}`;
    expectStatus('generate', await client.send('POST', `${counter}/generate`, token), 200);
    expectStatus(
      'finalise',
      await client.send('POST', `${counter}/finalise`, token, reference),
      200,
    );
  };
}
