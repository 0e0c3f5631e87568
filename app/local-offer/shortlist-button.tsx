/**
 * Adds a service to (or removes it from) the visitor's shortlist: a real form
 * posting to /local-offer/shortlist, so it works without JavaScript.
 * (Placeholder until the shortlist work lands.)
 */
export function ShortlistButton(_props: { slug: string; name: string; shortlisted: boolean }) {
  return null;
}
