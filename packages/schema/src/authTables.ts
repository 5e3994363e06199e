import { v } from "./builders/v";
import { table } from "./table";

/**
 * Better Auth 1.7's core tables plus the admin plugin's fields (`role`, `banned`, `banReason`,
 * `banExpires` on users; `impersonatedBy` on sessions), with plural table names (Better Auth's
 * `usePlural: true`) and snake_case SQL columns. Every schema includes them with origin `"auth"`;
 * apps reference them (`v.one("users")`) but never define them.
 */
export const authTables = Object.freeze({
  users: table({
    id: v.string().primaryKey(),
    name: v.string().notNull(),
    email: v.string().notNull().unique(),
    emailVerified: v.boolean().notNull().default(false),
    image: v.string(),
    createdAt: v.date().notNull().defaultNow(),
    updatedAt: v.date().notNull().defaultNow(),
    role: v.string(),
    banned: v.boolean().default(false),
    banReason: v.string(),
    banExpires: v.date(),
    sessions: v.many("sessions"),
    accounts: v.many("accounts"),
  }),
  sessions: table({
    id: v.string().primaryKey(),
    expiresAt: v.date().notNull(),
    token: v.string().notNull().unique(),
    createdAt: v.date().notNull().defaultNow(),
    updatedAt: v.date().notNull().defaultNow(),
    ipAddress: v.string(),
    userAgent: v.string(),
    user: v.one("users", { onDelete: "cascade", index: true }),
    impersonatedBy: v.string(),
  }),
  accounts: table({
    id: v.string().primaryKey(),
    accountId: v.string().notNull(),
    providerId: v.string().notNull(),
    user: v.one("users", { onDelete: "cascade", index: true }),
    accessToken: v.string(),
    refreshToken: v.string(),
    idToken: v.string(),
    accessTokenExpiresAt: v.date(),
    refreshTokenExpiresAt: v.date(),
    scope: v.string(),
    password: v.string(),
    createdAt: v.date().notNull().defaultNow(),
    updatedAt: v.date().notNull().defaultNow(),
  }),
  verifications: table({
    id: v.string().primaryKey(),
    identifier: v.string().notNull().index(),
    value: v.string().notNull(),
    expiresAt: v.date().notNull(),
    createdAt: v.date().notNull().defaultNow(),
    updatedAt: v.date().notNull().defaultNow(),
  }),
});

/** The built-in auth tables' definitions, by name. */
export type AuthTables = typeof authTables;

/** `"users" | "sessions" | "accounts" | "verifications"`. */
export type AuthTableName = keyof AuthTables;

/**
 * `true` when `name` is one of the built-in auth tables.
 * @example isAuthTableName("sessions"); // true
 */
export function isAuthTableName(name: string): name is AuthTableName {
  return Object.hasOwn(authTables, name);
}

/**
 * Auth tables `ctx.db` never reaches (as tables, through relations, in filters or field paths): they
 * hold session tokens, password hashes, OAuth tokens and verification secrets. Only the auth layer
 * and `ctx.$db` read them.
 */
export const PRIVATE_AUTH_TABLES = Object.freeze(["sessions", "accounts", "verifications"] as const);

/** `"sessions" | "accounts" | "verifications"`. */
export type PrivateAuthTableName = (typeof PRIVATE_AUTH_TABLES)[number];

/**
 * Built-in `users` fields `ctx.db` exposes. Default-deny: a built-in field not listed here (a column a
 * future Better Auth adds to `authTables.users`) stays private to the auth layer. The app's
 * `user.additionalFields` are the app's own columns and always public.
 */
export const PUBLIC_USER_FIELDS = Object.freeze([
  "id",
  "name",
  "email",
  "emailVerified",
  "image",
  "createdAt",
  "updatedAt",
  "role",
  "banned",
  "banReason",
  "banExpires",
] as const);

/** The built-in `users` fields `ctx.db` exposes (see {@link PUBLIC_USER_FIELDS}). */
export type PublicUserField = (typeof PUBLIC_USER_FIELDS)[number];

/**
 * `true` when `name` is an auth table `ctx.db` never reaches.
 * @example isPrivateAuthTable("accounts"); // true
 */
export function isPrivateAuthTable(name: string): name is PrivateAuthTableName {
  return (PRIVATE_AUTH_TABLES as readonly string[]).includes(name);
}
