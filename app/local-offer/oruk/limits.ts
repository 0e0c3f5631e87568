/** Sizes of an ORUK import, shared by the server and the upload page (no imports: safe in the browser bundle). */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const MAX_FEED_SERVICES = 500;
/** Problems shown at once; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 20;
