import { useRouteLoaderData } from "@remix-run/react";

/** The hidden CSRF token every state-changing form carries (checked by readForm on the server). */
export function CsrfInput() {
  const data = useRouteLoaderData<{ csrfToken: string }>("root");
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}
