import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";
import { hashPassword } from "./password.server";
import { revokeUserSessions } from "./session.server";

/** An invitation link works for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom("app_user")
    .leftJoin("organisation", "organisation.id", "app_user.organisation_id")
    .select([
      "app_user.id",
      "app_user.email",
      "app_user.name",
      "app_user.role",
      "app_user.disabled_at",
      "app_user.last_login_at",
      "organisation.name as organisation_name",
    ])
    .orderBy("app_user.name")
    .execute();
}

export async function getUser(db: Kysely<Database>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const user = await db
    .selectFrom("app_user")
    .select(["id", "email", "name", "role", "organisation_id", "disabled_at", "last_login_at", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!user) return undefined;
  const groups = await db.selectFrom("user_working_group").select(["working_group_id", "is_lead"]).where("user_id", "=", id).execute();
  return {
    ...user,
    workingGroupIds: groups.map((g) => g.working_group_id),
    leadGroupIds: groups.filter((g) => g.is_lead).map((g) => g.working_group_id),
  };
}

export async function listPendingInvitations(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom("invitation")
    .select(["id", "email", "name", "role", "expires_at", "created_at"])
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

export async function emailInUse(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("app_user")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export interface InvitationInput {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  workingGroupIds: number[];
  invitedBy: string;
  now: Date;
}

/** Makes an invitation; the token is returned once and only its hash is kept. */
export async function createInvitation(db: Kysely<Database>, input: InvitationInput): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const row = await db
    .insertInto("invitation")
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      organisation_id: input.role === "provider" ? input.organisationId : null,
      working_group_ids: JSON.stringify(input.role === "group_member" ? input.workingGroupIds : []),
      token_hash: hashToken(token),
      invited_by: input.invitedBy,
      expires_at: new Date(input.now.getTime() + INVITATION_TTL_MS),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function getInvitation(db: Kysely<Database>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom("invitation")
    .select(["id", "email", "name", "role", "expires_at", "accepted_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The invitation a link points at, if it can still be used. */
export async function findUsableInvitation(db: Kysely<Database>, token: string, now: Date) {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom("invitation")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export type AcceptResult = { ok: true; userId: string } | { ok: false; reason: "unusable" | "email-in-use" };

/** Turns an invitation into an account with the chosen password. Runs in one transaction; a link works once. */
export async function acceptInvitation(
  db: Kysely<Database>,
  { token, password, now }: { token: string; password: string; now: Date },
): Promise<AcceptResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findUsableInvitation(trx, token, now);
    if (!invitation) return { ok: false, reason: "unusable" } as const;
    const claimed = await trx
      .updateTable("invitation")
      .set({ accepted_at: now })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return { ok: false, reason: "unusable" } as const;
    if (await emailInUse(trx, invitation.email)) return { ok: false, reason: "email-in-use" } as const;
    const user = await trx
      .insertInto("app_user")
      .values({
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        password_hash: passwordHash,
        organisation_id: invitation.organisation_id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const groupIds = invitation.working_group_ids;
    if (groupIds.length) {
      await trx
        .insertInto("user_working_group")
        .values(groupIds.map((id) => ({ user_id: user.id, working_group_id: id })))
        .execute();
    }
    return { ok: true, userId: user.id } as const;
  });
}

export async function updateUserAccess(
  db: Kysely<Database>,
  {
    userId,
    role,
    organisationId,
    workingGroupIds,
    leadGroupIds = [],
  }: { userId: string; role: Role; organisationId: string | null; workingGroupIds: number[]; leadGroupIds?: number[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ role, organisation_id: role === "provider" ? organisationId : null })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("user_working_group").where("user_id", "=", userId).execute();
    if (role === "group_member" && workingGroupIds.length) {
      await trx
        .insertInto("user_working_group")
        .values(workingGroupIds.map((id) => ({ user_id: userId, working_group_id: id, is_lead: leadGroupIds.includes(id) })))
        .execute();
    }
  });
}

/** Turning an account off also ends every session it has, at once. */
export async function setUserDisabled(
  db: Kysely<Database>,
  { userId, disabled, now }: { userId: string; disabled: boolean; now: Date },
): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ disabled_at: disabled ? now : null })
    .where("id", "=", userId)
    .execute();
  if (disabled) await revokeUserSessions(db, userId, now);
}

export async function listOrganisations(db: Kysely<Database>) {
  return db.selectFrom("organisation").select(["id", "name"]).orderBy("name").execute();
}
