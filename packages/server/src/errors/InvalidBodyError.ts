import { AppflareError } from "./AppflareError";

/**
 * 400 `invalid_body`: a raw request body that is not what its headers announced (e.g. fewer bytes
 * than its `Content-Length`). Bodies carrying JSON args fail with `invalid_args` instead.
 */
export class InvalidBodyError extends AppflareError {
  constructor(message: string) {
    super(400, { code: "invalid_body", message });
  }
}
