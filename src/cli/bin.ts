/** Entry of the bundled `adopt` executable. */
import '../platform/node-compat.js';
import { fileErrorInWords } from './file-errors.js';
import { runCli } from './main.js';

// `adopt check … | head` closes the pipe early: the reader has what it wanted, so stop writing
// quietly instead of dying with a stack trace. Any other write failure is an input/output problem.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`adopt: cannot write the output (${fileErrorInWords(error, 'the output', 'write')})\n`);
    process.exitCode = 2;
});

runCli(process.argv.slice(2)).then(
    code => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`adopt: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
);
