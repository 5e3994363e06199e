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
