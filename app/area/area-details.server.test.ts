import { expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { getArea } from "./area.server";
import { getAreaDetails, updateAreaDetails } from "./area-details.server";

const now = new Date("2027-02-01T09:30:00Z");

describeDb("the area's details", ({ db }) => {
  it("makes the area's row when there is none yet", async () => {
    expect(await getAreaDetails(db())).toBeUndefined();
    const details = { name: "Testshire", serviceName: "Testshire SEND Portal", partnershipName: "Testshire Partnership", contactEmail: "send@testshire.example" };
    const result = await updateAreaDetails(db(), { details, by: { userId: null }, now });
    expect(result.changes.name).toEqual({ from: "", to: "Testshire" });
    expect(await getAreaDetails(db())).toEqual(details);
    expect(await getArea(db())).toEqual(details);
    await db().deleteFrom("area").execute();
    await db().deleteFrom("audit_log").execute();
  });

  it("changes the demo area's details, recording what changed from and to", async () => {
    await seedDemoArea(db());
    const before = (await getAreaDetails(db()))!;
    expect(before.serviceName).toBe("Lancashire SEND Family Portal");
    const result = await updateAreaDetails(db(), {
      details: { ...before, contactEmail: "hello@lancashire.example" },
      by: { userId: null, requestId: "req-area" },
      now,
    });
    expect(result).toEqual({ changes: { contactEmail: { from: "send-partnership@demo.local", to: "hello@lancashire.example" } } });
    const row = await db().selectFrom("area").select(["contact_email", "updated_at"]).executeTakeFirstOrThrow();
    expect(row.contact_email).toBe("hello@lancashire.example");
    expect(new Date(row.updated_at as unknown as string).toISOString()).toBe(now.toISOString());
    const audit = await db().selectFrom("audit_log").select(["action", "subject_type", "details", "request_id"]).execute();
    expect(audit).toEqual([{ action: "area.details-updated", subject_type: "area", details: result.changes, request_id: "req-area" }]);

    expect(await updateAreaDetails(db(), { details: { ...before, contactEmail: "hello@lancashire.example" }, by: { userId: null }, now })).toEqual({
      changes: {},
    });
    expect(await db().selectFrom("audit_log").select("id").execute()).toHaveLength(1);
  });
});
