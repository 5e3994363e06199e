/** Hono environment of the Appflare app: the Worker's bindings plus per-request variables. */
export interface AppEnv<Env extends object> {
  Bindings: Env;
  Variables: {
    /** `x-request-id` of this request (echoed in the response and in logged errors). */
    requestId: string;
  };
}
