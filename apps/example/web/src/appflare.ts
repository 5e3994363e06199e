import { Appflare } from "../../_generated/client";

const TOKEN = "appflare-example.token";

/**
 * The app's typed client. Vite serves this page and forwards the Worker's routes, so the endpoint is
 * this page's own origin; the bearer token Better Auth hands out is kept in localStorage.
 */
export const appflare = new Appflare({
  endpoint: window.location.origin,
  onGetAuthToken: () => localStorage.getItem(TOKEN),
  onSetAuthToken: (token) => (token ? localStorage.setItem(TOKEN, token) : localStorage.removeItem(TOKEN)),
});

/** Whether a token is stored (a stale one is found out by the session query). */
export const hasToken = (): boolean => localStorage.getItem(TOKEN) !== null;
