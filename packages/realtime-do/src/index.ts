export * from "./protocol/index";
