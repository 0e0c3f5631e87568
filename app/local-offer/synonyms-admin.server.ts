/**
 * The officers' synonym pages send them back to the list after a save
 * (post/redirect/get) with a one-time message for the banner there.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";
import { groupName, SYNONYMS_PATH } from "./synonyms";

export const synonymDoneMessages = ["created", "updated", "unchanged", "deleted"] as const;
export type SynonymDone = (typeof synonymDoneMessages)[number];

export async function redirectToSynonyms(context: AppLoadContext, done: SynonymDone, terms: string[]) {
  return redirect(SYNONYMS_PATH, { headers: { "Set-Cookie": await setFlash(context, { synonymDone: done, synonymName: groupName(terms) }) } });
}

export async function readSynonymDone(request: Request, context: AppLoadContext) {
  const flash = await readFlash(request, context);
  const message = flash.value?.synonymDone;
  if (!message || !(synonymDoneMessages as readonly string[]).includes(message)) return { done: null, headers: {} };
  return {
    done: { message: message as SynonymDone, name: flash.value?.synonymName ?? "" },
    headers: { "Set-Cookie": flash.clear } as Record<string, string>,
  };
}
