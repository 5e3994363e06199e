import { ForbiddenError } from "../errors/ForbiddenError";
import type { StorageAccess } from "../handlers/HandlerDefinition";

/**
 * A storage manager as the runtime calls it: any `storageManager(...)` definition (its handler's
 * parameter types erased, like `AnyHandlerDefinition`).
 */
export interface StorageManagerLike {
  readonly handler: (ctx: never, access: never) => unknown;
}

/** The app's storage managers keyed by handler name (`files/rules`), in the order they are asked. */
export type StorageManagers = ReadonlyMap<string, StorageManagerLike>;

/**
 * Asks the storage managers whether `ctx` may do `access.method` on `access.path` (an already
 * normalized key, or the prefix for `list`). Access is granted as soon as one manager returns `true`
 * (managers are asked in order and may be async; only the boolean `true` grants). With no managers,
 * or when none grants, it throws a 403 `forbidden`. A manager that throws counts as a denial and is
 * logged with its name, so a bug in one rule never opens storage, nor turns into a 500.
 *
 * @example
 * await checkStorageAccess(managers, ctx, { path: "avatars/u1.png", method: "put" }); // or throws 403
 */
export async function checkStorageAccess(
  managers: StorageManagers,
  ctx: object,
  access: StorageAccess,
): Promise<void> {
  const question = Object.freeze({ path: access.path, method: access.method });
  for (const [name, manager] of managers) {
    try {
      // Erased definitions take `never`; ctx is the handler context the definitions were typed for.
      if ((await manager.handler(ctx as never, question as never)) === true) return;
    } catch (error) {
      console.error(
        `[appflare] storage manager "${name}" threw while checking ${access.method} on ${JSON.stringify(access.path)}; treated as a denial:`,
        error,
      );
    }
  }
  throw accessDenied(managers, access);
}

/** The 403 for a denied access; it says how to grant access when no manager exists. */
export function accessDenied(managers: StorageManagers, access: StorageAccess): ForbiddenError {
  const target =
    access.method === "list" ? `the prefix ${JSON.stringify(access.path)}` : JSON.stringify(access.path);
  const message =
    managers.size === 0
      ? `Storage access denied: no storage manager is defined, so all storage is denied. Export one, e.g. storageManager({ handler: (ctx, { path, method }) => path.startsWith(\`users/\${ctx.user?.id}/\`) })`
      : `Storage access denied: no storage manager allows ${access.method} on ${target}`;
  return new ForbiddenError(message, { path: access.path, method: access.method });
}

/** Checks one access for one context (what `createStorageClient` is given). Throws 403 when denied. */
export type StorageChecker = (ctx: object, access: StorageAccess) => Promise<void>;

/**
 * The checker `ctx.storage` uses: `checkStorageAccess` over a fixed set of managers.
 * @example const storage = createStorageClient(bucket, storageChecker(managers), ctx);
 */
export function storageChecker(managers: StorageManagers): StorageChecker {
  return (ctx, access) => checkStorageAccess(managers, ctx, access);
}
