import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { can, roles, type Permission } from "~/auth/roles";
import { describeDb } from "../../tests/setup/database";
import { makeContext, signedInAs } from "../../tests/setup/context";

/**
 * Every staff route and the permission it needs. A new /admin route must be
 * added here, or the first test fails: no staff page goes untested.
 */
const adminRoutes: Record<string, { path: string; permission: Permission }> = {
  "./admin._index.tsx": { path: "/admin", permission: "staff.home" },
  "./admin.co-production._index.tsx": { path: "/admin/co-production", permission: "co-production.read" },
  "./admin.feedback._index.tsx": { path: "/admin/feedback", permission: "feedback.triage" },
  "./admin.feedback.$id.tsx": { path: "/admin/feedback/00000000-0000-4000-8000-000000000000", permission: "feedback.triage" },
  "./admin.feedback.$id_.attachments.$attachmentId.tsx": { path: "/admin/feedback/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000", permission: "feedback.triage" },
  "./admin.safeguarding._index.tsx": { path: "/admin/safeguarding", permission: "safeguarding.queue" },
  "./admin.safeguarding.$id.tsx": { path: "/admin/safeguarding/00000000-0000-4000-8000-000000000000", permission: "safeguarding.queue" },
  "./admin.safeguarding.terms.tsx": { path: "/admin/safeguarding/terms", permission: "safeguarding.terms" },
  "./admin.co-production.new.tsx": { path: "/admin/co-production/new", permission: "co-production.edit" },
  "./admin.co-production.$id._index.tsx": { path: "/admin/co-production/00000000-0000-4000-8000-000000000000", permission: "co-production.read" },
  "./admin.co-production.$id.edit.tsx": { path: "/admin/co-production/00000000-0000-4000-8000-000000000000/edit", permission: "co-production.edit" },
  "./admin.co-production.$id.confirm.tsx": { path: "/admin/co-production/00000000-0000-4000-8000-000000000000/confirm", permission: "co-production.confirm" },
  "./admin.revisits._index.tsx": { path: "/admin/revisits", permission: "revisits.review" },
  "./admin.revisits.new.tsx": { path: "/admin/revisits/new", permission: "revisits.manage" },
  "./admin.revisits.schedule.tsx": { path: "/admin/revisits/schedule", permission: "revisits.manage" },
  "./admin.revisits.$id._index.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000", permission: "revisits.manage" },
  "./admin.revisits.$id.dates.$milestone.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/dates/opens", permission: "revisits.manage" },
  "./admin.revisits.$id.meeting.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/meeting", permission: "revisits.manage" },
  "./admin.revisits.$id.review.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/review", permission: "revisits.review" },
  "./admin.users._index.tsx": { path: "/admin/users", permission: "users.manage" },
  "./admin.users.invite.tsx": { path: "/admin/users/invite", permission: "users.manage" },
  "./admin.users.$id.tsx": { path: "/admin/users/00000000-0000-4000-8000-000000000000", permission: "users.manage" },
  "./admin.users.invitations.$id.tsx": { path: "/admin/users/invitations/00000000-0000-4000-8000-000000000000", permission: "users.manage" },
  "./admin.audit.tsx": { path: "/admin/audit", permission: "audit.read" },
  "./admin.privacy._index.tsx": { path: "/admin/privacy", permission: "privacy.retention" },
  "./admin.privacy.requests.tsx": { path: "/admin/privacy/requests", permission: "privacy.requests" },
  "./admin.privacy.requests[.json].tsx": { path: "/admin/privacy/requests.json", permission: "privacy.requests" },
  "./admin.bank-holidays.tsx": { path: "/admin/bank-holidays", permission: "bank-holidays.import" },
  "./admin.design-system.tsx": { path: "/admin/design-system", permission: "design-system.view" },
  "./admin.area._index.tsx": { path: "/admin/area", permission: "area.edit" },
  "./admin.area.details.tsx": { path: "/admin/area/details", permission: "area.edit" },
  "./admin.area.health-areas.new.tsx": { path: "/admin/area/health-areas/new", permission: "area.edit" },
  "./admin.area.health-areas.$id.tsx": { path: "/admin/area/health-areas/999999", permission: "area.edit" },
  "./admin.area.districts.new.tsx": { path: "/admin/area/districts/new", permission: "area.edit" },
  "./admin.area.districts.$id.tsx": { path: "/admin/area/districts/999999", permission: "area.edit" },
  "./admin.area.working-groups.$id.tsx": { path: "/admin/area/working-groups/999999", permission: "area.edit" },
  "./admin.area.concerns.$id.tsx": { path: "/admin/area/concerns/999999", permission: "area.edit" },
  "./admin.area.actions.$id.tsx": { path: "/admin/area/actions/999999", permission: "area.edit" },
  "./admin.area.actions.$id_.tasks.new.tsx": { path: "/admin/area/actions/999999/tasks/new", permission: "area.edit" },
  "./admin.area.tasks.$id.tsx": { path: "/admin/area/tasks/999999", permission: "area.edit" },
  "./admin.local-offer.feedback._index.tsx": { path: "/admin/local-offer/feedback", permission: "local-offer.insights" },
  "./admin.local-offer.feedback.$id.tsx": { path: "/admin/local-offer/feedback/00000000-0000-4000-8000-000000000000", permission: "local-offer.insights" },
  "./admin.you-said-we-did._index.tsx": { path: "/admin/you-said-we-did", permission: "you-said-we-did.edit" },
  "./admin.you-said-we-did.new.tsx": { path: "/admin/you-said-we-did/new", permission: "you-said-we-did.edit" },
  "./admin.you-said-we-did.cosign.tsx": { path: "/admin/you-said-we-did/cosign", permission: "you-said-we-did.cosign" },
  "./admin.you-said-we-did.$id.tsx": { path: "/admin/you-said-we-did/00000000-0000-4000-8000-000000000000", permission: "you-said-we-did.edit" },
  "./admin.local-offer.coverage.tsx": { path: "/admin/local-offer/coverage", permission: "local-offer.insights" },
  "./admin.local-offer.import.tsx": { path: "/admin/local-offer/import", permission: "services.import" },
  "./admin.local-offer.coverage[.csv].tsx": { path: "/admin/local-offer/coverage.csv", permission: "local-offer.insights" },
  "./admin.local-offer.synonyms._index.tsx": { path: "/admin/local-offer/synonyms", permission: "search.manage" },
  "./admin.local-offer.synonyms.new.tsx": { path: "/admin/local-offer/synonyms/new", permission: "search.manage" },
  "./admin.local-offer.synonyms.$id.tsx": { path: "/admin/local-offer/synonyms/999999", permission: "search.manage" },
  "./admin.local-offer.searches.tsx": { path: "/admin/local-offer/searches", permission: "local-offer.insights" },
  "./admin.local-offer.needs._index.tsx": { path: "/admin/local-offer/needs", permission: "search.manage" },
  "./admin.local-offer.needs.new.tsx": { path: "/admin/local-offer/needs/new", permission: "search.manage" },
  "./admin.local-offer.needs.$id.tsx": { path: "/admin/local-offer/needs/999999", permission: "search.manage" },
  "./admin.local-offer._index.tsx": { path: "/admin/local-offer", permission: "staff.home" },
  "./admin.services._index.tsx": { path: "/admin/services", permission: "services.propose" },
  "./admin.services.new.tsx": { path: "/admin/services/new", permission: "services.propose" },
  "./admin.services.$id.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000", permission: "services.propose" },
  "./admin.services.$id_.edit.$section.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000/edit/about", permission: "services.propose" },
  "./admin.services.$id_.history._index.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000/history", permission: "services.propose" },
  "./admin.services.$id_.history.$version.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000/history/1", permission: "services.propose" },
  "./admin.services.$id_.hide.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000/hide", permission: "services.edit" },
  "./admin.services.$id_.review-date.tsx": { path: "/admin/services/00000000-0000-4000-8000-000000000000/review-date", permission: "services.edit" },
  "./admin.proposals._index.tsx": { path: "/admin/proposals", permission: "services.edit" },
  "./admin.proposals.$id.tsx": { path: "/admin/proposals/00000000-0000-4000-8000-000000000000", permission: "services.propose" },
  "./admin.reviews.tsx": { path: "/admin/reviews", permission: "services.propose" },
  "./admin.surveys._index.tsx": { path: "/admin/surveys", permission: "surveys.manage" },
  "./admin.surveys.new.tsx": { path: "/admin/surveys/new", permission: "surveys.manage" },
  "./admin.surveys.import.tsx": { path: "/admin/surveys/import", permission: "surveys.manage" },
  "./admin.surveys.$id.schedule.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/schedule", permission: "surveys.manage" },
  "./admin.surveys.$id.status.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/status", permission: "surveys.manage" },
  "./admin.surveys.$id.duplicate.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/duplicate", permission: "surveys.manage" },
  "./admin.surveys.$id.invitations.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/invitations", permission: "surveys.manage" },
  "./admin.surveys.$id.invitations[.csv].tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/invitations.csv", permission: "surveys.manage" },
  "./admin.surveys.$id._index.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000", permission: "surveys.manage" },
  "./admin.surveys.$id.details.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/details", permission: "surveys.manage" },
  "./admin.surveys.$id.pages.new.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/pages/new", permission: "surveys.manage" },
  "./admin.surveys.$id.pages.$key.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/pages/first", permission: "surveys.manage" },
  "./admin.surveys.$id.questions.new.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/questions/new", permission: "surveys.manage" },
  "./admin.surveys.$id.questions.$key.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/questions/happy", permission: "surveys.manage" },
  "./admin.surveys.$id.questions.$key_.condition.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/questions/happy/condition", permission: "surveys.manage" },
  "./admin.surveys.$id.texts.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/texts", permission: "surveys.manage" },
  "./admin.surveys.$id.preview.tsx": { path: "/admin/surveys/00000000-0000-4000-8000-000000000000/preview", permission: "surveys.manage" },
  "./admin.outbox.tsx": { path: "/admin/outbox", permission: "outbox.read" },
  "./admin.working-groups._index.tsx": { path: "/admin/working-groups", permission: "working-groups.progress" },
  "./admin.working-groups.$slug.tasks.$code.update.tsx": { path: "/admin/working-groups/no-such-group/tasks/H1/update", permission: "working-groups.progress" },
  "./admin.revisits.$id.notice.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/notice", permission: "revisits.manage" },
  "./admin.revisits.$id.poster.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/poster", permission: "revisits.manage" },
  "./admin.revisits.$id.notice[.txt].tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/notice.txt", permission: "revisits.manage" },
  "./admin.revisits.$id.summary.tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/summary", permission: "revisits.summary" },
  "./admin.revisits.$id.summary[.csv].tsx": { path: "/admin/revisits/00000000-0000-4000-8000-000000000000/summary.csv", permission: "revisits.summary" },
  "./admin.evidence-pack.tsx": { path: "/admin/evidence-pack", permission: "evidence-pack.read" },
  "./admin.evidence-pack[.csv].tsx": { path: "/admin/evidence-pack.csv", permission: "evidence-pack.read" },
  "./admin.analysis._index.tsx": { path: "/admin/analysis", permission: "analysis.read" },
  "./admin.analysis.$surveyId._index.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000", permission: "analysis.read" },
  "./admin.analysis.$surveyId.questions.$key.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/questions/q1", permission: "analysis.read" },
  "./admin.analysis.$surveyId.summary[.csv].tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/summary.csv", permission: "analysis.read" },
  "./admin.analysis.$surveyId.summary[.xlsx].tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/summary.xlsx", permission: "analysis.read" },
  "./admin.analysis.denominators.tsx": { path: "/admin/analysis/denominators", permission: "analysis.denominators" },
  "./admin.analysis.settings.tsx": { path: "/admin/analysis/settings", permission: "analysis.settings" },
  "./admin.analysis.$surveyId_.export.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/export", permission: "analysis.read" },
  "./admin.analysis.$surveyId_.codebook[.csv].tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/codebook.csv", permission: "analysis.read" },
  "./admin.analysis.$surveyId_.responses[.csv].tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/responses.csv", permission: "analysis.export.raw" },
  "./admin.analysis.$surveyId_.responses[.xlsx].tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/responses.xlsx", permission: "analysis.export.raw" },
  "./admin.analysis.$surveyId.free-text.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/free-text", permission: "analysis.read" },
  "./admin.analysis.$surveyId.free-text_.quote.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/free-text/quote", permission: "analysis.code" },
  "./admin.analysis.themes._index.tsx": { path: "/admin/analysis/themes", permission: "analysis.themes" },
  "./admin.analysis.themes.$id.tsx": { path: "/admin/analysis/themes/999999", permission: "analysis.themes" },
  "./admin.analysis.$surveyId.findings.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/findings", permission: "analysis.publish" },
  "./admin.analysis.$surveyId.findings_.words.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/findings/words", permission: "analysis.publish" },
  "./admin.analysis.$surveyId.findings_.blocks.$n.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/findings/blocks/1", permission: "analysis.publish" },
  "./admin.analysis.$surveyId.findings_.preview.tsx": { path: "/admin/analysis/00000000-0000-4000-8000-000000000000/findings/preview", permission: "analysis.publish" },
};

const modules = import.meta.glob<{ loader?: LoaderFunction; action?: ActionFunction }>("./admin*.tsx", { eager: true });

/**
 * The route's params from its path: each "$name" (or "$name_", which only opts out of
 * nesting) segment of the flat-route file name takes the path segment in its place.
 */
function paramsFor(file: string, path: string): Record<string, string> {
  const segments = file.replace(/^\.\//, "").replace(/\.tsx$/, "").split(".");
  const parts = path.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    const param = /^\$(\w+?)_?$/.exec(segment)?.[1];
    if (param && parts[index] !== undefined) params[param] = parts[index];
  });
  return params;
}

async function statusOf(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null }> {
  try {
    const result = await run();
    return { status: result instanceof Response ? result.status : 200, location: result instanceof Response ? result.headers.get("location") : null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location") };
    throw thrown;
  }
}

describe("staff routes", () => {
  it("every /admin route module is listed with its permission", () => {
    expect(Object.keys(modules).sort()).toEqual(Object.keys(adminRoutes).sort());
  });
});

describeDb("role checks on every /admin route", ({ db }) => {
  for (const [file, { path, permission }] of Object.entries(adminRoutes)) {
    describe(path, () => {
      it("sends a signed-out visitor to sign in, and back here afterwards", async () => {
        const module = modules[file]!;
        const context = makeContext(db());
        const request = new Request(`http://localhost${path}`);
        const result = await statusOf(async () => module.loader!({ request, context, params: paramsFor(file, path) }));
        expect(result.status).toBe(302);
        expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      });

      for (const role of roles) {
        const allowed = can(role, permission);
        it(`${allowed ? "lets in" : "refuses with 403"} a signed-in ${role}`, async () => {
          const module = modules[file]!;
          const context = makeContext(db());
          const { cookie } = await signedInAs(context, role);
          const request = new Request(`http://localhost${path}`, { headers: { cookie } });
          const result = await statusOf(async () => module.loader!({ request, context, params: paramsFor(file, path) }));
          if (allowed) expect([200, 404]).toContain(result.status);
          else expect(result.status).toBe(403);

          if (module.action && !allowed) {
            const post = new Request(`http://localhost${path}`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "intent=access" });
            const posted = await statusOf(async () => module.action!({ request: post, context, params: paramsFor(file, path) }));
            expect(posted.status).toBe(403);
          }
        });
      }
    });
  }
});
