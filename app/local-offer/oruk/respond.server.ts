/**
 * How every /api/oruk response is sent: JSON, open to any origin (the feed is
 * public data, read by other directories' browsers and servers), cached for a
 * minute, and errors as `{ error, detail }` with the right status.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { BadParameter } from "./params";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
};

export function orukJson(body: unknown, status = 200): Response {
  return json(body, {
    status,
    headers: { ...CORS, "Cache-Control": status >= 500 ? "no-store" : "public, max-age=60" },
  });
}

export function orukError(status: number, error: string, detail: string): Response {
  return orukJson({ error, detail }, status);
}

export function orukNotFound(detail: string): Response {
  return orukError(404, "Not found", detail);
}

/** The answer to a CORS preflight: any origin may GET, with any request headers. */
function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers") ?? "*",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * Wraps an ORUK loader: answers OPTIONS (Remix sends it to the loader), turns a
 * BadParameter into a 400, and anything unexpected into a logged 500 JSON.
 */
export function orukLoader(handler: (args: LoaderFunctionArgs) => Promise<Response>) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    if (args.request.method === "OPTIONS") return preflight(args.request);
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof BadParameter) return orukError(400, "Invalid parameter", error.detail);
      if (error instanceof Response) throw error;
      args.context.logger.error({ err: error }, "ORUK API failed");
      return orukError(500, "Server error", "Something went wrong on our side. Try again later.");
    }
  };
}

/** The API is read-only: any other method is a 405. */
export async function orukAction(): Promise<Response> {
  const response = orukError(405, "Method not allowed", "This API is read-only: use GET.");
  response.headers.set("Allow", "GET, HEAD, OPTIONS");
  return response;
}

/** "https://host" of the request, for links to public pages. */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}
