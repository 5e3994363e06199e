import * as nightly from "./nightly";

export const modules = { nightly };
