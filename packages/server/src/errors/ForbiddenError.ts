import { AppflareError } from "./AppflareError";

/**
 * 403 `forbidden`: the caller may not do this (for storage: no storage manager granted the access).
 * Distinct from `BannedError` (403 `banned`), which is about the account, not the request.
 */
export class ForbiddenError extends AppflareError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(403, { ...details, code: "forbidden", message });
  }
}
