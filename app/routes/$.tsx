import type { LoaderFunctionArgs } from "@remix-run/node";
import { httpError } from "~/utils/http.server";

// Every address no other route claims: a real 404 inside the layout.
export async function loader({ request }: LoaderFunctionArgs) {
  throw await httpError(request, 404, "not-found");
}

export async function action({ request }: LoaderFunctionArgs) {
  throw await httpError(request, 404, "not-found");
}

export default function NotFound() {
  return null;
}
