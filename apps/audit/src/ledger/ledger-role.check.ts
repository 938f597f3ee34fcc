import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KIT_CONFIG, type KitConfig } from '@platform/kit';
import { PgDatabase } from '@platform/persistence';

/**
 * What the service's own database role could do to the ledger beyond SELECT and INSERT (docs/audit.md,
 * append-only): empty for `audit_app`, a member of audit_ledger_writer that owns nothing.
 */
export async function ledgerRoleProblems(db: Pick<PgDatabase, '$queryRaw'>): Promise<string[]> {
  const [role] = await db.$queryRaw<
    { superuser: boolean; owner: boolean; update: boolean; delete: boolean; truncate: boolean }[]
  >`SELECT r.rolsuper AS superuser,
      pg_has_role(current_user, t.tableowner, 'MEMBER') AS owner,
      has_table_privilege('audit_ledger', 'UPDATE') AS update,
      has_table_privilege('audit_ledger', 'DELETE') AS delete,
      has_table_privilege('audit_ledger', 'TRUNCATE') AS truncate
    FROM pg_roles r, pg_tables t WHERE r.rolname = current_user AND t.tablename = 'audit_ledger'`;
  if (!role) return ['no audit_ledger table'];
  return (['superuser', 'owner', 'update', 'delete', 'truncate'] as const)
    .filter((what) => role[what])
    .map((what) => (what === 'superuser' || what === 'owner' ? `is ${what}` : `may ${what.toUpperCase()}`));
}

/**
 * In production the audit service refuses to start on a database role that could change the ledger (the
 * owner's or a superuser's URL given by mistake): the ledger's worth is that the service cannot.
 */
@Injectable()
export class LedgerRoleCheck implements OnApplicationBootstrap {
  constructor(
    private readonly db: PgDatabase,
    @Inject(KIT_CONFIG) private readonly config: KitConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.production) return;
    const problems = await ledgerRoleProblems(this.db);
    if (problems.length > 0) {
      throw new Error(
        `AUDIT_DATABASE_URL: the role ${problems.join(', ')} on audit_ledger; connect as audit_app ` +
          '(a member of audit_ledger_writer, docs/audit.md)',
      );
    }
  }
}
