/** The maintenance database on the same server, for CREATE and DROP DATABASE. */
export function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';

  return parsed.toString();
}
