/** Splits a PostgreSQL URL into the database name and a URL of the server's `postgres` database. */
export function parseDatabaseUrl(databaseUrl: string): { database: string; adminUrl: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsupported database name in URL: ${database}`);
  url.pathname = '/postgres';
  return { database, adminUrl: url.toString() };
}
