import { pbkdf2Password } from "@appflare/server";

/** The benchmark Worker's bindings. */
export interface BenchEnv {
  DB: D1Database;
}

/** Both apps sign and verify bearer tokens with one secret, so one session works on both. */
export const SECRET = "http-overhead-bench-secret-0123456789abcdef";
export const ORIGIN = "http://bench";
/** A cheap password hash: signing up is setup, not what is measured. */
export const passwordHasher = pbkdf2Password({ iterations: 1000 });
