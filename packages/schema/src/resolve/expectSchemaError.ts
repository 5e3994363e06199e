import { expect } from "vitest";
import { SchemaError, type SchemaErrorCode } from "../SchemaError";

interface Expected {
  readonly code: SchemaErrorCode;
  readonly table: string;
  readonly field?: string;
  /** Text the message must contain besides the table, field and fix. */
  readonly mentions?: readonly string[];
  /** Text of the fix. */
  readonly fix: string;
}

export function expectSchemaError(build: () => unknown, expected: Expected): void {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SchemaError);
  const error = caught as SchemaError;
  expect(error.code).toBe(expected.code);
  expect(error.table).toBe(expected.table);
  expect(error.message).toContain(`table "${expected.table}"`);
  if (expected.field !== undefined) {
    expect(error.field).toBe(expected.field);
    expect(error.message).toContain(`field "${expected.field}"`);
  }
  expect(error.message).toContain(`Fix: ${expected.fix}`);
  for (const text of expected.mentions ?? []) expect(error.message).toContain(text);
}

/** Bypasses the static types, to reach the run-time checks a JS user (or a cast) would hit. */
export const untyped = (value: unknown): never => value as never;
