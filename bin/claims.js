#!/usr/bin/env node
import { run } from '../dist/claims.js';

process.exitCode = await run(process.argv, process);
