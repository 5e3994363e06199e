#!/usr/bin/env node
import { runCli } from "./cli/runCli";

process.exitCode = await runCli(process.argv.slice(2));
