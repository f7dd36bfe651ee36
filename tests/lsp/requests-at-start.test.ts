/**
 * The requests an editor sends as it opens a plan while the server is still taking in the
 * workspace (its folders read, every plan built): VS Code asks for a plan's code lenses, symbols
 * and folding ranges once, right after `didOpen`, and asks again only when the text changes. An
 * answer that refuses (the plan not known yet) would leave the editor without them, so each
 * waits for the plan and answers; and once a plan just opened is built, the client is asked to
 * refresh its code lenses (src/language/lsp/opened-plan-lenses.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeLens, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { example } from '../support/helpers.js';
import { ServerProcess } from '../support/lsp-server.js';

const RIVERSIDE = example('riverside-health.adopt');
let server: ServerProcess | undefined;
let folder: string | undefined;

afterEach(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a plan opened while the server takes in a workspace of 300 plans', () => {
    test('gets its code lenses, symbols and folding ranges from the first requests, none refused', async () => {
        folder = mkdtempSync(join(tmpdir(), 'adopt-requests-at-start-'));
        for (let index = 0; index < 300; index++) writeFileSync(join(folder, `plan-${index}.adopt`), RIVERSIDE.replace('plan RiversideHealth', `plan Riverside${index}`));
        const text = RIVERSIDE.replace('plan RiversideHealth', 'plan Riverside0');
        const uri = pathToFileURL(join(folder, 'plan-0.adopt')).toString();
        server = await ServerProcess.start({
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'plans' }],
            capabilities: { textDocument: { publishDiagnostics: {}, codeLens: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, foldingRange: {} }, workspace: { configuration: true } }
        });
        const textDocument = { uri };
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        const [lenses, symbols, folds] = await Promise.all([
            server.request('textDocument/codeLens', { textDocument }),
            server.request('textDocument/documentSymbol', { textDocument }),
            server.request('textDocument/foldingRange', { textDocument })
        ]);
        expect(lenses.kind === 'result' ? (lenses.value as CodeLens[]).map(lens => lens.command?.title) : lenses).toEqual(['score 88 · rank 1 of 2 · quick win', 'score 0 · rank 2 of 2 · not a quick win']);
        expect(symbols.kind === 'result' ? (symbols.value as DocumentSymbol[]).map(symbol => symbol.name) : symbols).toEqual(['Riverside0']);
        expect(folds.kind === 'result' ? (folds.value as FoldingRange[]).length > 0 : folds).toBe(true);
    });
});

describe('the code lenses of a plan just opened', () => {
    test('are refreshed once the plan is first built, not on every edit; again after it is closed and opened', async () => {
        folder = mkdtempSync(join(tmpdir(), 'adopt-opened-lenses-'));
        const path = join(folder, 'plan.adopt');
        writeFileSync(path, RIVERSIDE);
        const uri = pathToFileURL(path).toString();
        server = await ServerProcess.start({
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'plans' }],
            capabilities: { textDocument: { publishDiagnostics: {}, codeLens: {} }, workspace: { configuration: true, codeLens: { refreshSupport: true } } }
        });
        // The workspace's plan, built from disk before anything is opened: no refresh for it.
        await server.diagnosticsOf(uri);
        expect(server.codeLensRefreshes).toBe(0);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 3, text: RIVERSIDE } });
        expect(await server.waitFor(() => server!.codeLensRefreshes === 1)).toBe(true);
        const seen = server.published.length;
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: RIVERSIDE.replace('target 500', 'target 600') }] });
        await server.diagnosticsAfter(uri, seen);
        expect(server.codeLensRefreshes).toBe(1);
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text: RIVERSIDE } });
        expect(await server.waitFor(() => server!.codeLensRefreshes === 2)).toBe(true);
    });
});
