import type { AuthRuntime } from "../auth/createAuthRuntime";
import type { SchedulerRuntime } from "../scheduler/createSchedulerRuntime";
import type { StorageManagers } from "../storage/checkStorageAccess";
import { storageChecker } from "../storage/checkStorageAccess";
import { createStorageClient } from "../storage/createStorageClient";
import { storageBucket } from "../storage/storageBucket";
import type { ContextInfo, WorkerHooks } from "./WorkerHooks";

/** The layers a handler context is built from. */
export interface ContextLayers<Env extends object> {
  readonly auth: AuthRuntime<{}, Env> | undefined;
  readonly scheduler: SchedulerRuntime<Env>;
  /** `config.storage` (resolved), or `null` when storage is off. */
  readonly storage: { readonly binding: string } | null;
  readonly managers: StorageManagers;
  /** The app's own hooks (`createWorker({ hooks })`). */
  readonly userHooks: WorkerHooks<Env, object>;
  /** Receives committed events (the app's hook and every plugin's). */
  readonly onMutationEvents: NonNullable<WorkerHooks<Env>["onMutationEvents"]>;
}

/**
 * The hooks the handler engine runs with: the caller resolved by the app's `resolveSession` or the auth
 * layer's, and `ctx.auth`, `ctx.scheduler`/`ctx.job`, `ctx.storage` plus the app's own extension.
 *
 * @example
 * const hooks = buildContextHooks({ auth, scheduler, storage: config.storage, managers, userHooks, onMutationEvents });
 * const engine = new HandlerEngine({ schema, config, hooks });
 */
export function buildContextHooks<Env extends object>(layers: ContextLayers<Env>): WorkerHooks<Env, object> {
  const { auth, scheduler, storage, userHooks } = layers;
  const checker = storageChecker(layers.managers);
  const resolveSession: WorkerHooks<Env>["resolveSession"] =
    userHooks.resolveSession ?? (auth ? anonymousFastPath(auth.resolveSession) : undefined);

  /**
   * Merged by property descriptor: spreading would run the lazy getters (building Better Auth, a
   * scheduler and a storage client for every call, used or not). The app's fields come last and win.
   */
  const extendContext = async (ctx: object, info: ContextInfo<Env>): Promise<object> => {
    const fields: PropertyDescriptorMap = {};
    const add = (extension: object | null | undefined) => {
      if (extension) Object.assign(fields, Object.getOwnPropertyDescriptors(extension));
    };
    if (auth) add(auth.contextFields(info.env));
    add(scheduler.contextFields(info));
    if (storage) {
      let client: ReturnType<typeof createStorageClient> | undefined;
      fields.storage = {
        enumerable: true,
        configurable: true,
        get: () => (client ??= createStorageClient(storageBucket(info.env, storage.binding), checker, ctx)),
      };
    }
    add(await userHooks.extendContext?.(ctx, info));
    return Object.defineProperties({}, fields);
  };

  return { ...userHooks, resolveSession, extendContext, onMutationEvents: layers.onMutationEvents };
}

/**
 * A request with neither an `Authorization` nor a `Cookie` header is anonymous: answer without
 * building Better Auth (or reading D1). Anything else goes to the auth layer.
 */
function anonymousFastPath<Env>(
  resolve: (request: Request, env: Env) => ReturnType<NonNullable<WorkerHooks<Env>["resolveSession"]>>,
): NonNullable<WorkerHooks<Env>["resolveSession"]> {
  return (request, env) =>
    request.headers.has("authorization") || request.headers.has("cookie") ? resolve(request, env) : null;
}
