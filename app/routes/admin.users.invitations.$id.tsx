import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { getInvitation } from "~/auth/users.server";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "users"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "users.manage");
  const invitation = await getInvitation(context.db, params.id ?? "");
  if (!invitation) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "users");
  // The link holds a secret we do not keep: it can be shown once, straight after the invitation is made.
  const flash = await readFlash(request, context);
  const link = flash.value?.invitation === invitation.id ? flash.value.link : null;
  return json(
    { pageTitle: t("invited.title"), invitation, link },
    { headers: { "Set-Cookie": flash.clear } },
  );
}

export default function Invited() {
  const { t, i18n } = useTranslation("users");
  const { invitation, link } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <NotificationBanner type="success" heading={t("invited.banner", { name: invitation.name })} />
        <h1 className="govuk-heading-l">{t("invited.title")}</h1>
        {link ? (
          <>
            <p className="govuk-body">{t("invited.send", { email: invitation.email, date: formatDate(invitation.expires_at, i18n.language) })}</p>
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold">{t("invited.linkLabel")}</p>
              <p className="govuk-body" data-testid="invitation-link">
                <code>{link}</code>
              </p>
            </div>
            <p className="govuk-body">{t("invited.once")}</p>
          </>
        ) : (
          <p className="govuk-body">{t("invited.shownOnce")}</p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/users">
            {t("invited.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}
