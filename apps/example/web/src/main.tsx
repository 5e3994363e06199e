import { AppflareProvider } from "@appflare/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { appflare } from "./appflare";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <AppflareProvider client={appflare}>
      <App />
    </AppflareProvider>
  </StrictMode>,
);
