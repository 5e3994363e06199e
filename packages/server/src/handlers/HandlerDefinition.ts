import type * as z from "zod";
import type { ArgsDef, ArgsOutput } from "./args";

/** Kinds of handler the builders make. */
export type HandlerKind = "query" | "mutation" | "scheduler" | "cron" | "storageManager";

/**
 * Marks handler definitions. `Symbol.for` (not a module-local symbol) so a definition built by one
 * copy of this package is recognised by another (codegen loads user modules separately).
 */
export const HANDLER_TAG: unique symbol = Symbol.for("appflare.handler");

/** Runs after auth, before the handler; may `ctx.error(...)` to stop the call. */
export type Middleware<Ctx, Args> = (ctx: Ctx, args: Args, request: Request) => unknown;

export interface QueryDefinition<A extends ArgsDef = ArgsDef, R = unknown, Ctx = never> {
  readonly kind: "query";
  readonly args: A;
  /** 401 without a session. */
  readonly authRequired: boolean;
  readonly middleware: Middleware<Ctx, ArgsOutput<A>> | undefined;
  /** Returns `R` (usually a promise); the client receives `Awaited<R>` as JSON. */
  readonly handler: (ctx: Ctx, args: ArgsOutput<A>) => R;
  /** Zod schema the result is checked against (and documented with in `/openapi.json`). */
  readonly returns: z.core.$ZodType | undefined;
  /** What the handler does (OpenAPI summary/description); codegen fills it from the export's JSDoc. */
  readonly description: string | undefined;
}

export interface MutationDefinition<A extends ArgsDef = ArgsDef, R = unknown, Ctx = never> {
  readonly kind: "mutation";
  readonly args: A;
  readonly authRequired: boolean;
  readonly middleware: Middleware<Ctx, ArgsOutput<A>> | undefined;
  readonly handler: (ctx: Ctx, args: ArgsOutput<A>) => R;
  readonly returns: z.core.$ZodType | undefined;
  readonly description: string | undefined;
}

export interface SchedulerDefinition<A extends ArgsDef = ArgsDef, Ctx = never> {
  readonly kind: "scheduler";
  /** Validates the enqueued payload. */
  readonly args: A;
  readonly handler: (ctx: Ctx, args: ArgsOutput<A>) => unknown;
}

export interface CronDefinition<Ctx = never> {
  readonly kind: "cron";
  /** Cron expressions (normalized: trimmed, single spaces) this handler runs on. */
  readonly cronTrigger: readonly string[];
  readonly handler: (ctx: Ctx) => unknown;
}

/** What a storage manager is asked about. */
export interface StorageAccess {
  /** The normalized object key. */
  readonly path: string;
  readonly method: "put" | "get" | "delete" | "list";
}

export interface StorageManagerDefinition<Ctx = never> {
  readonly kind: "storageManager";
  /** Access is granted if any manager returns true. */
  readonly handler: (ctx: Ctx, access: StorageAccess) => boolean | Promise<boolean>;
}

type Erased = (ctx: never, args: never) => unknown;

/**
 * Any definition the builders return, with its handler's parameter types erased (`never`), so every
 * concrete definition is assignable to it. The runtime calls handlers through this type.
 */
export type AnyHandlerDefinition =
  | {
      readonly kind: "query" | "mutation";
      readonly args: ArgsDef;
      readonly authRequired: boolean;
      readonly middleware: ((ctx: never, args: never, request: Request) => unknown) | undefined;
      readonly handler: Erased;
      readonly returns: z.core.$ZodType | undefined;
      readonly description: string | undefined;
    }
  | { readonly kind: "scheduler"; readonly args: ArgsDef; readonly handler: Erased }
  | {
      readonly kind: "cron";
      readonly cronTrigger: readonly string[];
      readonly handler: (ctx: never) => unknown;
    }
  | { readonly kind: "storageManager"; readonly handler: Erased };

/**
 * True for a value built by `query`, `mutation`, `scheduler`, `cron` or `storageManager`, however it
 * was exported (re-export, alias, user helper returning `query(...)`).
 * @example for (const [name, value] of Object.entries(module)) if (isHandlerDefinition(value)) ...
 */
export function isHandlerDefinition(value: unknown): value is AnyHandlerDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[HANDLER_TAG] === true &&
    typeof (value as { kind?: unknown }).kind === "string"
  );
}

/** Adds the tag to a definition object (an own, enumerable symbol, so `{ ...def }` keeps it). */
export function tagDefinition<D extends object>(definition: D): D {
  return Object.freeze(Object.assign(definition, { [HANDLER_TAG]: true }));
}
