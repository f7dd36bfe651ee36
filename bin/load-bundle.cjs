// Loads a bundle of out/ for the commands in bin/, with Node's compile cache (Node.js 22.1 and
// later keeps the compiled bundle between runs, so a start after the first does not compile it
// again). A clone that was never built gets one line saying what to run, not a stack trace.
const { existsSync } = require("node:fs");
const { join, relative } = require("node:path");

exports.loadBundle = function loadBundle(name) {
    require("node:module").enableCompileCache?.();
    const bundle = join(__dirname, "..", "out", name);
    if (!existsSync(bundle)) {
        process.stderr.write(`adopt: ${relative(process.cwd(), bundle) || bundle} is missing: run \`npm run build\` first.\n`);
        process.exit(2);
    }
    require(bundle);
};
