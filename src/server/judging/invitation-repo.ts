import type { Db } from '../db/kysely.ts';

export type InvitationRow = {
  id: number;
  code: string;
  contestId: number;
  name: string;
  affiliation: string;
  expiresAt: Date;
  personId: number | null;
  redeemedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

const columns = ['id', 'code', 'contest_id as contestId', 'name', 'affiliation', 'expires_at as expiresAt', 'person_id as personId', 'redeemed_at as redeemedAt', 'revoked_at as revokedAt', 'created_at as createdAt'] as const;

/** Invitations of guest judges (外部评委) from outside the group, one contest each. */
export function createInvitationRepo(db: Db) {
  return {
    async list(contestId: number, tx: Db = db): Promise<InvitationRow[]> {
      return tx.selectFrom('judge_invitation').select(columns).where('contest_id', '=', contestId).orderBy('id').execute();
    },
    async get(id: number, tx: Db = db): Promise<InvitationRow | undefined> {
      return tx.selectFrom('judge_invitation').select(columns).where('id', '=', id).executeTakeFirst();
    },
    async findByCode(code: string, tx: Db = db): Promise<InvitationRow | undefined> {
      return tx.selectFrom('judge_invitation').select(columns).where('code', '=', code).executeTakeFirst();
    },
    async findByPerson(personId: number, tx: Db = db): Promise<InvitationRow | undefined> {
      return tx.selectFrom('judge_invitation').select(columns).where('person_id', '=', personId).executeTakeFirst();
    },
    async insert(i: { code: string; contestId: number; name: string; affiliation: string; expiresAt: Date; createdBy: number | null }, tx: Db = db): Promise<number> {
      const row = await tx
        .insertInto('judge_invitation')
        .values({ code: i.code, contest_id: i.contestId, name: i.name, affiliation: i.affiliation, expires_at: i.expiresAt, created_by: i.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async markRedeemed(id: number, personId: number, at: Date, tx: Db = db): Promise<void> {
      await tx.updateTable('judge_invitation').set({ person_id: personId, redeemed_at: at }).where('id', '=', id).execute();
    },
    async revoke(id: number, at: Date, tx: Db = db): Promise<void> {
      await tx.updateTable('judge_invitation').set({ revoked_at: at }).where('id', '=', id).execute();
    },
  };
}
export type InvitationRepo = ReturnType<typeof createInvitationRepo>;
