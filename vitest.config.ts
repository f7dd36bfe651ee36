import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        // The VS Code suites run inside a real VS Code (scripts/test-vscode.mjs), not in vitest.
        exclude: ['tests/vscode/**', 'node_modules/**'],
        // One worker per core, not vitest's default of one fewer: many files spend much of their
        // time waiting for the servers and command lines they start, and on two cores the default
        // is a single worker (the whole run took 330 s with it, 190 s with two).
        maxWorkers: availableParallelism(),
        // Hang guards, not speed limits: a correctness test waits for events (answers,
        // notifications, exits), so a busy machine makes it slower, never red; speed is measured
        // in bench/. The LSP client's own guard (tests/support/lsp-server.ts) is shorter, so that
        // a server that hangs fails with a message saying what was awaited.
        testTimeout: 300_000,
        hookTimeout: 300_000
    }
});
