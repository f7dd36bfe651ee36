#!/usr/bin/env node
require("../out/language-server.cjs");
