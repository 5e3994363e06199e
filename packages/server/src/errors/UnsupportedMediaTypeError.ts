import { AppflareError } from "./AppflareError";

/**
 * 415: a mutation called with a body that is not `application/json`. Mutations accept JSON only, so a
 * cross-site HTML form post (or a bodiless "simple" request) can never run one.
 *
 * @example throw new UnsupportedMediaTypeError("tasks/create", "text/plain");
 */
export class UnsupportedMediaTypeError extends AppflareError {
  constructor(mutation: string, contentType: string | undefined) {
    super(415, {
      code: "unsupported_media_type",
      message: `Mutation "${mutation}" needs a JSON body: send Content-Type: application/json (got ${
        contentType ? JSON.stringify(contentType) : "none"
      })`,
    });
  }
}
