/**
 * Wraps a thrown value that is not an `Error` (`throw "x"`, `throw { code }`, `throw null`), so it
 * takes the same path as any other failure: the documented 500 JSON (docs/handlers.md) with a request id, CORS headers and a
 * log line carrying the original value. Hono hands only `Error`s to the app's error handler.
 *
 * @example throw new ThrownValueError("boom");
 */
export class ThrownValueError extends Error {
  constructor(readonly value: unknown) {
    super(`A non-Error value was thrown: ${describeThrown(value)}`);
    this.name = "ThrownValueError";
  }
}

function describeThrown(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string")
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object") return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
