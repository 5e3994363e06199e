import { expectTypeOf, it } from "vitest";
import type { NormalizedJsonOperators } from "./NormalizedWhere";
import {
  isJsonOperator,
  type JsonOperator,
  type NormalizedOperator,
  type unhandledOperator,
} from "./operators";

it("JSON operators are normalized operators, each a declared key of NormalizedJsonOperators", () => {
  expectTypeOf<JsonOperator>().toExtend<NormalizedOperator>();
  // Declared keys have their own operand type; an undeclared one would fall to the index signature.
  expectTypeOf<NormalizedJsonOperators["exists"]>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<Required<Pick<NormalizedJsonOperators, JsonOperator>>>().toHaveProperty("includesAny");
});

it("isJsonOperator narrows, unhandledOperator takes only never", () => {
  const key: string = "length";
  if (isJsonOperator(key)) expectTypeOf(key).toEqualTypeOf<JsonOperator>();
  expectTypeOf<typeof unhandledOperator>().parameter(0).toEqualTypeOf<never>();
});
