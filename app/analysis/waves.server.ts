/** The waves officers can analyse: every survey that has opened, with its counts suppressed. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listSurveys } from "../surveys/lifecycle.server";
import { suppressCount } from "./suppression";
import { getSuppressionThreshold } from "./suppression.server";

export async function listWaves(db: Kysely<Database>, { now, language }: { now: Date; language: string }) {
  const [surveys, threshold] = await Promise.all([listSurveys(db, { now, language }), getSuppressionThreshold(db)]);
  return {
    threshold,
    waves: surveys
      // A draft or a survey not yet open has no answers to analyse.
      .filter((s) => s.state === "open" || s.state === "closed" || (s.state === "archived" && s.submitted > 0))
      .map((s) => ({
        id: s.id,
        title: s.title,
        audience: s.audience,
        series: s.series,
        wave: s.wave,
        state: s.state,
        purpose: s.purpose,
        submitted: suppressCount(s.submitted, threshold),
        started: suppressCount(s.started, threshold),
      })),
  };
}
