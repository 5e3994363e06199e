#!/usr/bin/env node
// A committed shim so package managers can link the bin before `dist/` is built; the CLI is dist/cli.js.
import "../dist/cli.js";
