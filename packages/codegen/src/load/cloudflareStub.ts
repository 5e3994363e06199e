/**
 * Source of the module every `cloudflare:*` import resolves to while the CLI loads user code in Node.
 * The CLI only reads which handlers a module exports, so these stand-ins need to exist (a class can
 * extend `DurableObject`, a module can read `env`), not to work. Names follow workers-types.
 */
export const cloudflareStubSource = `
class Base { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }
export class DurableObject extends Base {}
export class WorkerEntrypoint extends Base {}
export class WorkflowEntrypoint extends Base {}
export class RpcTarget {}
export class RpcStub {}
export class RpcPromise {}
export class RpcProperty {}
export class ServiceStub {}
export class EmailMessage {}
export class NonRetryableError extends Error {}
export const env = {};
export function waitUntil() {}
export function withEnv(_env, fn) { return fn(); }
export function connect() { throw new Error("cloudflare:sockets is not available while appflare reads modules"); }
export default {};
`;
