import type { Migration } from "kysely";
import * as m202611230100 from "./202611230100_create_foundation";
import * as m202611230200 from "./202611230200_create_local_offer";
import * as m202611230300 from "./202611230300_create_surveys";
import * as m202611230400 from "./202611230400_create_revisits";
import * as m202611230500 from "./202611230500_create_task_updates";
import * as m202611230600 from "./202611230600_create_co_production";
import * as m202611230700 from "./202611230700_create_safeguarding";
import * as m202611230800 from "./202611230800_create_feedback_loop";
import * as m202611231000 from "./202611231000_create_feedback_attachment";
import * as m202611231100 from "./202611231100_add_data_protection";
import * as m202611231200 from "./202611231200_create_feedback_response";
import * as m202611231300 from "./202611231300_add_yswd_cosign_and_group";
import * as m202611231427 from "./202611231427_create_coproduction_feedback";
import * as m202611231430 from "./202611231430_add_safeguarding_term_languages";
import * as m202611231440 from "./202611231440_add_survey_free_text_retention";
import * as m202611231450 from "./202611231450_add_feedback_file_check";
import * as m202612061000 from "./202612061000_create_analysis_denominator";
import * as m202612061400 from "./202612061400_add_feedback_action_links_and_seen";
import * as m202612061450 from "./202612061450_create_analysis_themes";
import * as m202612061500 from "./202612061500_create_survey_findings";

/**
 * Every migration, by name. A static list rather than FileMigrationProvider:
 * that provider cannot import .ts files inside Vitest or the built server
 * (docs/decisions/002-pglite-default-engine.md). Add each new file here.
 */
export const migrations: Record<string, Migration> = {
  "202611230100_create_foundation": m202611230100,
  "202611230200_create_local_offer": m202611230200,
  "202611230300_create_surveys": m202611230300,
  "202611230400_create_revisits": m202611230400,
  "202611230500_create_task_updates": m202611230500,
  "202611230600_create_co_production": m202611230600,
  "202611230700_create_safeguarding": m202611230700,
  "202611230800_create_feedback_loop": m202611230800,
  "202611231000_create_feedback_attachment": m202611231000,
  "202611231100_add_data_protection": m202611231100,
  "202611231200_create_feedback_response": m202611231200,
  "202611231300_add_yswd_cosign_and_group": m202611231300,
  "202611231427_create_coproduction_feedback": m202611231427,
  "202611231430_add_safeguarding_term_languages": m202611231430,
  "202611231440_add_survey_free_text_retention": m202611231440,
  "202611231450_add_feedback_file_check": m202611231450,
  "202612061000_create_analysis_denominator": m202612061000,
  "202612061400_add_feedback_action_links_and_seen": m202612061400,
  "202612061450_create_analysis_themes": m202612061450,
  "202612061500_create_survey_findings": m202612061500,
};
