/** Addresses of the respondent's journey, shared by the server and the pages. */
export function startUrl(slug: string) {
  return `/surveys/${slug}`;
}
export function pageUrl(slug: string, pageKey: string, returnToCheck = false) {
  return `/surveys/${slug}/q/${pageKey}${returnToCheck ? "?return=check" : ""}`;
}
export function checkUrl(slug: string) {
  return `/surveys/${slug}/check`;
}
