import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages } from "~/i18n/config";

/** One button per language, each named in its own language; a real form, so it works without JavaScript. */
export function LanguagePicker({ current, csrfToken }: { current: string; csrfToken: string | undefined }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  return (
    <Form method="post" action="/preferences/language" className="portal-language-picker" aria-labelledby="language-picker-label">
      <span id="language-picker-label">{t("language.label")}</span>
      <input type="hidden" name="csrf" value={csrfToken ?? ""} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <ul className="portal-language-picker__list">
        {languages.map((language) => (
          <li key={language.code}>
            <button
              type="submit"
              name="lng"
              value={language.code}
              lang={language.code}
              dir={language.dir}
              className="portal-language-picker__button"
              aria-current={language.code === current ? "true" : undefined}
            >
              {language.name}
            </button>
          </li>
        ))}
      </ul>
    </Form>
  );
}
