import type { DashboardRuntime } from "./DashboardRuntime";

/** Better Auth endpoints the dashboard calls directly (sign-in and reads; changes go through `callAuthRoute`). */
export interface AuthApi {
  signInEmail(input: {
    body: { email: string; password: string };
    headers: Headers;
    asResponse: true;
  }): Promise<Response>;
  signOut(input: { headers: Headers; asResponse: true }): Promise<Response>;
  listUsers(input: {
    query: Record<string, unknown>;
    headers: Headers;
  }): Promise<{ users: AuthUserRow[]; total: number }>;
}

/** A user as Better Auth's admin plugin lists it. */
export interface AuthUserRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role?: string | null;
  readonly banned?: boolean | null;
  readonly banReason?: string | null;
  readonly banExpires?: Date | string | null;
  readonly createdAt: Date | string;
}

/** Better Auth's API for these bindings, or `undefined` when the app has auth disabled. */
export function authApi<Env extends object>(runtime: DashboardRuntime<Env>, env: Env): AuthApi | undefined {
  const auth = runtime.host.auth?.authFor(env) as { api: AuthApi } | undefined;
  return auth?.api;
}
