import { useSyncExternalStore } from "react";

/** Where the page is: `#/p/<slug>` is a project's board, `#/p/<slug>/t/<id>` with a task open. */
export interface Route {
  readonly slug?: string;
  readonly taskId?: number;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

/** Parses the hash route; a hash router keeps the Vite dev server free of fallback rules. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const match = /^#\/p\/([a-z0-9-]+)(?:\/t\/(\d+))?$/.exec(hash);
  if (!match?.[1]) return {};
  return { slug: match[1], ...(match[2] ? { taskId: Number(match[2]) } : {}) };
}

/** The hash of a route, for links. */
export const href = (route: Route): string =>
  route.slug ? `#/p/${route.slug}${route.taskId === undefined ? "" : `/t/${route.taskId}`}` : "#/";
