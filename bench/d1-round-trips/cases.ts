// Every case of the d1-round-trips benchmark, in table order. Add a group by writing another
// `<group>Cases.ts` (an array of RoundTripCase) and spreading it here.

import type { RoundTripCase } from "./RoundTripCase";
import { readCases } from "./readCases";
import { writeCases } from "./writeCases";

export const cases: readonly RoundTripCase[] = [...readCases, ...writeCases];
