/** Addresses of the re-visit pages: safe in components (routes.server.ts is not sent to the browser). */
export const REVISITS_ADMIN = "/admin/revisits";
export const revisitPath = (id: string, page = "") => `${REVISITS_ADMIN}/${id}${page ? `/${page}` : ""}`;
