import { useQuery } from "@tanstack/react-query";
import { appflare, hasToken } from "./appflare";

/** The signed-in user, as Better Auth's session answers it. */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export const SESSION_KEY = ["session"] as const;

/**
 * The current session (`null` when signed out). Keyed outside `["appflare", …]`, so clearing the data of
 * the previous user on sign-in/out never drops it by accident.
 */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      if (!hasToken()) return null;
      const { data } = await appflare.auth.getSession();
      return data?.user ?? null;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
