import type { ReactNode } from "react";
import type { AppflareContext } from "./app/generated/handlers";
import "./globals";

/** Only so every sample starts with the same import line as the ts samples (see preamble.ts). */
export declare const ctx: AppflareContext;

/**
 * The React (`tsx`) samples are a second program, compiled as a page is: the DOM lib (its own
 * `localStorage`), JSX, and the app's root component the Setup sample renders.
 */
declare global {
  function App(): ReactNode;
}
