export { createApp, defaultAppDir } from "./createApp";
