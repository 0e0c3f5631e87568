import type { SafeguardingStatus } from "../../db/schema";

/** What the pages need on both server and browser (a .server module is empty in the browser). */
export const QUEUE_PATH = "/admin/safeguarding";
export const REASON_MAX = 1000;
export const NOTE_MAX = 2000;
export const flagStatuses = ["open", "in_progress", "closed"] as const satisfies readonly SafeguardingStatus[];
