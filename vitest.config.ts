import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        // The VS Code suites run inside a real VS Code (scripts/test-vscode.mjs), not in vitest.
        exclude: ['tests/vscode/**', 'node_modules/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000
    }
});
