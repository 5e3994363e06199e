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
