export type {
  AuthTableName,
  AuthTables,
  PrivateAuthTableName,
  PublicUserField,
} from "./authTables";
export {
  authTables,
  isAuthTableName,
  isPrivateAuthTable,
  PRIVATE_AUTH_TABLES,
  PUBLIC_USER_FIELDS,
} from "./authTables";
export type {
  AnyColumnBuilder,
  BaseConfig,
  ColumnConfig,
  ColumnState,
  PrimaryKeyOptions,
  ReferenceActions,
  WithConfig,
} from "./builders/ColumnBuilder";
export { ColumnBuilder, isColumnBuilder } from "./builders/ColumnBuilder";
export type { EnumDefinition, EnumValues, InferEnum } from "./builders/defineEnum";
export type { JsonValueOf, ObjectData } from "./builders/jsonData";
export type {
  ManyBuilder,
  ManyOptions,
  ManyToManyBuilder,
  ManyToManyOptions,
  OneBuilder,
  OneOptions,
  RelationBuilder,
} from "./builders/RelationBuilder";
export { isRelationBuilder } from "./builders/RelationBuilder";
export type { UuidKeyConfig } from "./builders/v";
export { v } from "./builders/v";
export type { CompiledSchema } from "./compile/compileSchema";
export { compileSchema } from "./compile/compileSchema";
export type { TableZodSchemas } from "./compile/zodSchemas";
export * from "./filter/index";
export type {
  CheckModel,
  ColumnModel,
  ColumnType,
  ForeignKeyAction,
  IndexModel,
  JsonShape,
  JunctionModel,
  RelationModel,
  SchemaModel,
  TableModel,
} from "./model";
export type { Singular } from "./naming/singularize";
export { singularize } from "./naming/singularize";
export { toSnakeCase } from "./naming/toSnakeCase";
export { junctionTableName } from "./resolve/resolveManyToMany";
export type { SchemaErrorCode, SchemaErrorDetails } from "./SchemaError";
export { SchemaError } from "./SchemaError";
export type { Schema, SchemaTables } from "./schema";
export { getSchemaModel, isSchema, schema } from "./schema";
export type {
  FieldBuilder,
  LocalColumnName,
  OneForeignKeyName,
  Table,
  TableCheck,
  TableIndex,
  TableOptions,
  TableShape,
} from "./table";
export { isTable, table } from "./table";
export type { ColumnNames, Insert, Row, Update } from "./types/Row";
export type {
  PrivateRelationNames,
  RefusePrivateRelations,
  RelationKind,
  RelationNames,
  RelationNullable,
  RelationTarget,
} from "./types/relations";
export type {
  AllTables,
  AnySchema,
  DbView,
  DbViewBrand,
  PrimaryKeyName,
  ShapeOf,
  TableNames,
  UserFieldsOf,
} from "./types/schemaTables";
export type { ColumnInfo, TableColumns } from "./types/tableColumns";
export { plainUserFields } from "./userFields/plainUserFields";
export type { UserField, UserFields, UserFieldType } from "./userFields/UserField";
export { UserFieldError } from "./userFields/UserFieldError";
export type { UserFieldShape } from "./userFields/UserFieldShape";
export { withUserFields } from "./userFields/withUserFields";
