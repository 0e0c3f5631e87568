import { useTranslation } from "react-i18next";

export interface PaginationProps {
  /** The list's URL, e.g. "/admin/audit" or "/admin/audit?status=open". */
  baseUrl: string;
  /** The current query (e.g. from useSearchParams or the request URL): filters and sorting are kept on every link. */
  searchParams?: URLSearchParams | string;
  currentPage: number;
  totalPages: number;
  /** The query parameter that holds the page number. */
  param?: string;
  /** The navigation landmark's name; only needed if a page has two paginations. Defaults to "Pages". */
  label?: string;
}

export type PageItem = { type: "page"; number: number } | { type: "ellipsis"; key: string };

/**
 * Which page numbers to show (GOV.UK): the first, the last, the current and
 * its neighbours; an ellipsis stands for two or more hidden pages (one hidden
 * page is simply shown).
 */
export function pageItems(currentPage: number, totalPages: number): PageItem[] {
  const wanted = new Set([1, totalPages, currentPage - 1, currentPage, currentPage + 1]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const number of numbers) {
    if (number - previous === 2) items.push({ type: "page", number: previous + 1 });
    else if (number - previous > 2) items.push({ type: "ellipsis", key: `after-${previous}` });
    items.push({ type: "page", number });
    previous = number;
  }
  return items;
}

/** The link for one page: the base URL's path with the current query, and the page parameter set. */
export function pageHref(baseUrl: string, searchParams: URLSearchParams | string | undefined, param: string, page: number): string {
  const [path = "", baseQuery = ""] = baseUrl.split("#")[0]!.split("?");
  const query = new URLSearchParams(baseQuery);
  const current = new URLSearchParams(searchParams ?? "");
  for (const key of new Set(current.keys())) {
    query.delete(key);
    for (const value of current.getAll(key)) query.append(key, value);
  }
  query.set(param, String(page));
  return `${path}?${query.toString()}`;
}

// GOV.UK's arrows. In right-to-left languages "previous" points right.
const leftArrow = "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z";
const rightArrow = "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z";

function Arrow({ type, path }: { type: "prev" | "next"; path: string }) {
  return (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${type}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={path} />
    </svg>
  );
}

/**
 * GOV.UK pagination for long lists: plain links (works without JavaScript),
 * the current page marked with aria-current="page".
 */
export function Pagination({ baseUrl, searchParams, currentPage, totalPages, param = "page", label }: PaginationProps) {
  const { t, i18n } = useTranslation("common");
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(currentPage) || 1), totalPages);
  const rtl = i18n.dir?.(i18n.language) === "rtl";
  const href = (page: number) => pageHref(baseUrl, searchParams, param, page);
  return (
    <nav className="govuk-pagination" aria-label={label ?? t("pagination.label")}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={href(current - 1)} rel="prev">
            <Arrow type="prev" path={rtl ? rightArrow : leftArrow} />
            <span className="govuk-pagination__link-title">
              {t("pagination.previous")}
              <span className="govuk-visually-hidden"> {t("pagination.pageHidden")}</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(current, totalPages).map((item) =>
          item.type === "ellipsis" ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipses" key={item.key}>
              {"\u22EF"}
            </li>
          ) : (
            <li className={`govuk-pagination__item${item.number === current ? " govuk-pagination__item--current" : ""}`} key={item.number}>
              <a
                className="govuk-link govuk-pagination__link"
                href={href(item.number)}
                aria-label={t("pagination.page", { page: item.number })}
                aria-current={item.number === current ? "page" : undefined}
              >
                {item.number}
              </a>
            </li>
          ),
        )}
      </ul>
      {current < totalPages ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={href(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {t("pagination.next")}
              <span className="govuk-visually-hidden"> {t("pagination.pageHidden")}</span>
            </span>
            <Arrow type="next" path={rtl ? leftArrow : rightArrow} />
          </a>
        </div>
      ) : null}
    </nav>
  );
}
