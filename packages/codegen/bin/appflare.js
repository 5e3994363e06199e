#!/usr/bin/env node
// A committed shim so package managers can link the `appflare` bin before `dist/` is built (a fresh
// workspace install links bins first, builds later); the CLI itself lives in dist/cli.js.
import "../dist/cli.js";
