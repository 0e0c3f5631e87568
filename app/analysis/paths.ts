/** Addresses of the analysis pages (usable in the browser as on the server). */
export const ANALYSIS_PATH = "/admin/analysis";
export const wavePath = (id: string, page = "") => `${ANALYSIS_PATH}/${id}${page ? `/${page}` : ""}`;
