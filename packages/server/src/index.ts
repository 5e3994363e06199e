export {
  AppflareError,
  BannedError,
  type ErrorBody,
  HandlerError,
  InvalidArgsError,
  InvalidQueryError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
} from "./errors/AppflareError";
export {
  CheckViolationError,
  DbError,
  ExpectRowsError,
  ForeignKeyViolationError,
  isDbError,
  NotNullViolationError,
  UniqueViolationError,
} from "./errors/DbError";
export type { MutationEvent } from "./db/MutationEvent";
export type { ReadRecord, ReadSet } from "./db/ReadRecord";
