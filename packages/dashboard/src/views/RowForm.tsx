import type { ColumnModel, TableModel } from "@appflare/schema";
import { editableColumns, fieldText } from "../tables/formValues";
import { CsrfField, ErrorBox } from "./Layout";

/** Inputs of the row form: stored values, or what was typed when the write was refused. */
export interface RowFormProps {
  readonly base: string;
  readonly table: TableModel;
  readonly csrf: string;
  readonly action: string;
  readonly mode: "create" | "edit";
  /** Text per field (already formatted). */
  readonly texts: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
  readonly error?: string;
  readonly readOnly: boolean;
}

/** Where the relation picker of a foreign key column searches, or `undefined` for a plain column. */
export function pickerUrl(base: string, table: TableModel, column: ColumnModel): string | undefined {
  const target = column.references?.table;
  if (!target) return undefined;
  if (target === "users") return `${base}/users/options`;
  const model = table.schema.tables[target];
  return model?.origin === "user" ? `${base}/tables/${target}/options` : undefined;
}

/** The create/edit form of one row, with each field's problem shown under it. */
export function RowForm(props: RowFormProps) {
  const { table, errors = {}, mode } = props;
  return (
    <form
      method="post"
      action={props.action}
      class="panel"
      aria-label={mode === "create" ? "New row" : "Edit row"}
    >
      <ErrorBox message={props.error} />
      <CsrfField csrf={props.csrf} />
      {editableColumns(table).map((column) => {
        const locked = mode === "edit" && column.name === table.primaryKey;
        const id = `field-${column.name}`;
        const problem = errors[column.name];
        return (
          <div class="field">
            <label for={id}>
              {column.name} <span class="hint">{describe(column)}</span>
            </label>
            <FieldInput
              {...props}
              column={column}
              id={id}
              disabled={locked || props.readOnly}
              describedBy={problem ? `${id}-error` : undefined}
            />
            {problem ? (
              <span id={`${id}-error`} class="error" role="alert">
                {problem}
              </span>
            ) : null}
          </div>
        );
      })}
      {props.readOnly ? null : <button type="submit">{mode === "create" ? "Create" : "Save"}</button>}
    </form>
  );
}

function FieldInput(
  props: RowFormProps & {
    column: ColumnModel;
    id: string;
    disabled: boolean;
    describedBy: string | undefined;
  },
) {
  const { column, id, disabled } = props;
  const value = props.texts[column.name] ?? "";
  const common = { id, name: column.name, disabled, "aria-describedby": props.describedBy };
  if (column.type === "enum" || column.type === "boolean") {
    const options = column.type === "enum" ? (column.enumValues ?? []) : ["true", "false"];
    return (
      <select {...common}>
        {!column.notNull || value === "" ? (
          <option value="">{column.notNull ? "(default)" : "(null)"}</option>
        ) : null}
        {options.map((option) => (
          <option value={option} selected={option === value}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  if (column.type === "json" || column.type === "enumArray") {
    return <textarea {...common}>{value}</textarea>;
  }
  const picker = pickerUrl(props.base, props.table, column);
  if (picker) {
    return (
      <>
        <input {...common} value={value} list={`${id}-options`} data-picker={picker} autocomplete="off" />
        <datalist id={`${id}-options`} />
      </>
    );
  }
  return <input {...common} value={value} />;
}

function describe(column: ColumnModel): string {
  const parts: string[] = [column.type];
  if (column.references) parts.push(`→ ${column.references.table}`);
  if (column.notNull) parts.push("required");
  if (column.hasSqlDefault || column.defaultFn) parts.push("has default");
  if (column.type === "json" || column.type === "enumArray") parts.push("JSON");
  return parts.join(", ");
}

/** The form texts of a stored row. */
export function rowTexts(table: TableModel, row: Record<string, unknown>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const column of Object.values(table.columns)) texts[column.name] = fieldText(column, row[column.name]);
  return texts;
}
