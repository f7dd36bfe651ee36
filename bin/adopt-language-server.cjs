#!/usr/bin/env node
// The Adopt language server (`adopt-language-server --stdio`).
require("./load-bundle.cjs").loadBundle("language-server.cjs");
