#!/usr/bin/env node
// The `adopt` command.
require("./load-bundle.cjs").loadBundle("cli.cjs");
