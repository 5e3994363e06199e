#!/usr/bin/env node
import { createApp } from "./createApp";

process.exitCode = await createApp(process.argv.slice(2));
