export { compareSqlite, compareUtf8, jsonToSqlValue, type SqlValue, toSqlValue } from "./compareSqlite";
export { compileWhere, type WherePredicate, type WhereRow } from "./compileWhere";
export { type DataModelOptions, dataModel, PRIVATE_FIELD_FIX, privateFieldProblem } from "./dataModel";
export { evaluateWhere } from "./evaluateWhere";
export { DEGREES_TO_RADIANS, EARTH_RADIUS_METRES, haversineMetres } from "./haversine";
export { foldAsciiCase, likeMatch } from "./likeMatch";
export { matchesWhere } from "./matchesWhere";
export type {
  NormalizedGeoWithin,
  NormalizedJsonOperators,
  NormalizedOperators,
  NormalizedScalar,
  NormalizedWhere,
} from "./NormalizedWhere";
export { normalizeWhere } from "./normalizeWhere";
export {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  FORBIDDEN_KEYS,
  isJsonOperator,
  JSON_OPERATORS,
  type JsonOperator,
  LIKE_OPERATORS,
  type LikeOperator,
  NORMALIZED_OPERATORS,
  type NormalizedOperator,
  resolveCombinator,
  resolveOperator,
  unhandledOperator,
  WHERE_COMBINATORS,
  WHERE_LIMITS,
  WHERE_OPERATORS,
  type WhereCombinator,
  type WhereOperator,
} from "./operators";
export { RelationDataNeededError } from "./RelationDataNeededError";
export { validateColumns } from "./validateColumns";
export { type OrderByItem, validateOrderBy } from "./validateOrderBy";
export { validateWhere } from "./validateWhere";
export { WhereError } from "./WhereError";
