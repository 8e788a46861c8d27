/** Who is signed in as an editor on this request (the session cookie, lib/site/editors.ts); server components only. */
import { cookies } from "next/headers";
import { editorOfSession, SESSION_COOKIE } from "@/lib/site/editors";

export async function signedInEditor(): Promise<string | null> {
  return editorOfSession((await cookies()).get(SESSION_COOKIE)?.value);
}
