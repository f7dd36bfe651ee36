/** Entry of the bundled `adopt` executable. */
import '../platform/node-compat.js';
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(
    code => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`adopt: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
);
