/** The database every test file's own PostgreSQL database is cloned from. */
export const TEMPLATE_DATABASE = 'ster_test_template';

/** The maintenance database on the same server, for CREATE and DROP DATABASE. */
export function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';

  return parsed.toString();
}
