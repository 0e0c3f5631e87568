/** The staff pages' addresses, for links in components and redirects on the server alike. */
export const COPRO_ADMIN = "/admin/co-production";
export const activityPath = (id: string) => `${COPRO_ADMIN}/${id}`;
