/**
 * Memory after an edit flood: the built language server, sent thousands of edits of a 70-line
 * plan at full speed with hovers and rank requests between them, keeps no syntax tree, analysis or
 * answer of an old version. After the flood (the plan back to its first text) and a full garbage
 * collection, the heap in use stays near that of the server right after it opened the plan: what
 * it gains is compiled code, not data kept per version (a tree of this plan is tens of kilobytes,
 * so keeping one per version would add tens of megabytes here).
 *
 * The heap is read over Node's inspector (bound to 127.0.0.1), as a heap snapshot would be taken.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { example } from '../support/helpers.js';
import { comparable, ServerProcess } from '../support/lsp-server.js';

const URI = 'file:///memory/plan.adopt';
/** The SPEC example, padded to 70 lines. */
const PLAN = (() => {
    const text = example('riverside-health.adopt');
    const lines = text.split('\n').length;
    return text + '// a line of notes\n'.repeat(Math.max(0, 70 - lines));
})();
const EDITS = 3000;
/** What the heap may grow by after the flood: compiled code and the like, far below one tree per version. */
const ALLOWED_GROWTH = 12 * 1024 * 1024;

const servers: ServerProcess[] = [];
afterAll(async () => {
    for (const server of servers) await server.stop();
});

describe('memory after an edit flood', () => {
    test('the heap kept after the flood and a garbage collection stays near that of a fresh start', async () => {
        const server = await ServerProcess.start({ inspect: true });
        servers.push(server);
        await server.open(URI, PLAN, 1);
        const first = JSON.stringify(comparable(await server.diagnosticsOf(URI)));
        const fresh = await server.heapUsedAfterGc();

        // Type a character into the plan and take it out again, all over the plan, at full speed.
        let text = PLAN;
        let version = 1;
        const answers = [];
        for (let i = 0; i < EDITS; i++) {
            const insert = i % 2 === 0;
            const at = insert ? (i * 7919) % text.length : ((i - 1) * 7919) % (text.length - 1);
            const before = text.slice(0, at);
            const line = before.split('\n').length - 1;
            const character = at - (before.lastIndexOf('\n') + 1);
            const range = insert
                ? { start: { line, character }, end: { line, character } }
                : { start: { line, character }, end: { line, character: character + 1 } };
            text = insert ? `${before}x${text.slice(at)}` : before + text.slice(at + 1);
            await server.change(URI, ++version, [{ range, text: insert ? 'x' : '' }]);
            if (i % 10 === 0) answers.push(server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 27, character: 14 } }));
            if (i % 15 === 0) answers.push(server.request('adopt/rankQuickWins', { uri: URI }));
        }
        expect(text).toBe(PLAN);
        const settled = await Promise.all(answers);
        expect(settled.filter(answer => answer.kind === 'timeout')).toEqual([]);
        // The last version is the first text again: its diagnostics come back as they were.
        await server.waitFor(() => JSON.stringify(comparable(server.diagnostics.get(URI) ?? [])) === first);
        expect(JSON.stringify(comparable(server.diagnostics.get(URI) ?? []))).toBe(first);

        const after = await server.heapUsedAfterGc();
        console.log(`heap in use after a GC: fresh ${(fresh / 2 ** 20).toFixed(1)} MiB, after ${EDITS} edits ${(after / 2 ** 20).toFixed(1)} MiB; VmRSS ${(server.rssKiB() / 1024).toFixed(0)} MiB`);
        expect(after - fresh).toBeLessThan(ALLOWED_GROWTH);
    });
});
