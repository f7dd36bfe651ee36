#!/usr/bin/env node
// The `adopt` command. Node's compile cache (Node.js 22.1 and later) keeps the compiled bundle
// between runs, so a start after the first does not compile it again.
require("node:module").enableCompileCache?.();
require("../out/cli.cjs");
