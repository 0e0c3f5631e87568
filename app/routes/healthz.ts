import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";

/** Liveness and database check for load balancers: 200 when the database answers, 503 when not. */
export async function loader({ context }: LoaderFunctionArgs) {
  const started = performance.now();
  try {
    await sql`select 1`.execute(context.db);
    return json(
      { status: "ok", database: "ok", databaseMs: Math.round(performance.now() - started) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    context.logger.error({ err: error }, "health check: database unreachable");
    return json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
