export type {
  AppflareAuth,
  AppflareAuthOptions,
  AuthContext,
  AuthOptions,
  AuthOptionsOf,
  AuthSession,
  AuthUser,
  BuiltInAuthPlugins,
} from "./auth/AppflareAuth";
export type { AppSchemaOf, UserFieldsOfConfig } from "./auth/AppSchemaOf";
export { type AuthConfigInput, type CreateAuthOptions, createAuth } from "./auth/createAuth";
export type { AuthRuntime } from "./auth/createAuthRuntime";
export { isBanned } from "./auth/isBanned";
export { type PasswordHasher, type Pbkdf2PasswordOptions, pbkdf2Password } from "./auth/pbkdf2Password";
export { type RoleCheckContext, requireRole } from "./auth/requireRole";
export type { AuthCaller } from "./auth/resolveAuthSession";
export type { SessionsRevoked, SessionsRevokedInfo } from "./auth/SessionsRevoked";
export type {
  AppflareConfig,
  AuthConfig,
  AuthOptionsInput,
  DashboardConfig,
  DatabaseConfig,
  KvConfig,
  LimitsConfig,
  RealtimeConfig,
  SchedulerConfig,
  StorageConfig,
} from "./config/AppflareConfig";
export { ConfigError, type ConfigIssue } from "./config/ConfigError";
export { defineConfig, type NoExtraConfigKeys } from "./config/defineConfig";
export type { ResolvedConfig } from "./config/ResolvedConfig";
export type { MutationEvent } from "./db/MutationEvent";
export {
  type DecrementOperator,
  decrement,
  type IncrementOperator,
  increment,
  type NowOperator,
  now,
  type RawOperator,
  raw,
  type WriteOperator,
} from "./db/operators";
export type { ReadRecord, ReadSet } from "./db/ReadRecord";
export type {
  AggregateResult,
  ColumnsInput,
  CountArgs,
  ExtremeAggregateArgs,
  FieldCondition,
  FindFirstArgs,
  FindManyArgs,
  FindResult,
  GeoWithinInput,
  GroupByArgs,
  GroupByResult,
  IterateArgs,
  NumericAggregateArgs,
  OrderByInput,
  ReadMethods,
  WhereInput,
  WithInput,
} from "./db/types/readTypes";
export type {
  BatchDb,
  BatchResults,
  Db,
  QueuedWriteMethods,
  TableClient,
  TransactionDb,
  WriteMethods,
} from "./db/types/TableClient";
export type {
  ColumnSetValue,
  DeleteArgs,
  ExpectRows,
  InsertArgs,
  InsertValues,
  ManyToManySetInput,
  UpdateArgs,
  UpdateSet,
  UpsertArgs,
  UpsertValues,
  WriteWhere,
} from "./db/types/writeTypes";
export type { WriteHandle } from "./db/write/WriteHandle";
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
export { ForbiddenError } from "./errors/ForbiddenError";
export { InvalidBodyError } from "./errors/InvalidBodyError";
export { InvalidPathError, type StoragePathRule } from "./errors/InvalidPathError";
export { MethodNotAllowedError } from "./errors/MethodNotAllowedError";
export type {
  ApiFromModules,
  HandlerMap,
  HandlerNameOf,
  HandlersOfKind,
  MutationRoute,
  QueryRoute,
  Route,
} from "./handlers/ApiFromModules";
export type { ArgsDef, ArgsInput, ArgsOutput } from "./handlers/args";
export {
  type CollectedHandler,
  DuplicateHandlerError,
  type HandlerModules,
} from "./handlers/collectHandlers";
export {
  type AuthedHandlerOptions,
  type CronOptions,
  defineHandlers,
  type HandlerBuilders,
  type RequestHandlerOptions,
  type SchedulerOptions,
  type StorageManagerOptions,
} from "./handlers/defineHandlers";
export type {
  AuthedContext,
  BaseContext,
  Extend,
  HandlerContext,
  JobContext,
  SessionRecord,
  SessionUser,
} from "./handlers/HandlerContext";
export type {
  AnyHandlerDefinition,
  CronDefinition,
  HandlerKind,
  Middleware,
  MutationDefinition,
  QueryDefinition,
  SchedulerDefinition,
  StorageAccess,
  StorageManagerDefinition,
} from "./handlers/HandlerDefinition";
export type { Jsonify, JsonResult } from "./handlers/Jsonify";
export { type HandlerDescriptions, withDescriptions } from "./handlers/withDescriptions";
export type { AppEnv } from "./http/AppEnv";
export type {
  AppflareExportedHandler,
  AppflareWorker,
  CreateWorkerOptions,
} from "./http/AppflareWorker";
export { createWorker } from "./http/createWorker";
export type { CallResult } from "./http/HandlerEngine";
export type { AppflarePlugin, PluginHooks } from "./http/plugins/AppflarePlugin";
export type {
  PluginHost,
  RunHandlerOptions,
  SystemContext,
  WithContextOptions,
} from "./http/plugins/PluginHost";
export type { RunQueryOptions } from "./http/RunQueryOptions";
export type { ContextInfo, MutationEventsInfo, ResolvedSession, WorkerHooks } from "./http/WorkerHooks";
export type { DeadLetterBody, MessageOutcome } from "./scheduler/consumeSchedulerBatch";
export type { SchedulerRuntime } from "./scheduler/createSchedulerRuntime";
export type { BackoffOptions, RetryDelay } from "./scheduler/retryDelay";
export type {
  EnqueuedMessage,
  EnqueueOptions,
  EnqueueParams,
  Scheduler,
  SchedulerContext,
} from "./scheduler/Scheduler";
export {
  isSchedulerMessageBody,
  type SchedulerJob,
  type SchedulerMessageBody,
} from "./scheduler/SchedulerMessage";
export type { TaskPayload } from "./scheduler/TaskPayload";
export { UnknownTaskError } from "./scheduler/UnknownTaskError";
export type { StorageManagerLike, StorageManagers } from "./storage/checkStorageAccess";
export type {
  StorageBody,
  StorageClient,
  StoragePathInput,
  StoragePutInput,
} from "./storage/createStorageClient";
export type { StorageListOptions, StorageListResult } from "./storage/listObjects";
export { MAX_KEY_BYTES, normalizeStorageKey, normalizeStoragePrefix } from "./storage/normalizeStorageKey";
export type { StorageObjectInfo } from "./storage/StorageObjectInfo";
