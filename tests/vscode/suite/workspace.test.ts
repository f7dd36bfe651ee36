/**
 * Plans in many files in a real VS Code (docs/language.md#plans-in-many-files), on the fixture
 * workspace `fixtures/network/`: a shared file (`shared/people.adopt`) and two plans that use it
 * (`cardiology.adopt`, `wards/nursing.adopt`). Go to definition from a plan opens the shared file
 * at the declaration; a rename of a shared member edits every file that names it, open or not;
 * an edit to the shared file, in its editor or on disk, updates the plans' Problems, the closed
 * plan's too. Every wait is for VS Code's diagnostics event (or an answer), not for a span of time.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, openPlan, positionOf, workspaceFile } from './helpers.js';

const SHARED = 'network/shared/people.adopt';
const CARDIOLOGY = 'network/cardiology.adopt';
const NURSING = 'network/wards/nursing.adopt';
const FILES = [SHARED, CARDIOLOGY, NURSING];

/** Only a hang fails by this bound (below the tests' own, so that the failure names what was awaited): each wait ends on the event it waits for. */
const HANG_GUARD_MS = 90_000;

/**
 * The diagnostics of `uri` once `accept` takes them: now, or at the first diagnostics event for
 * `uri` after which it does.
 */
function diagnosticsWhere(what: string, uri: vscode.Uri, accept: (list: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
    const now = vscode.languages.getDiagnostics(uri);
    if (accept(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
        const guard = setTimeout(() => {
            listener.dispose();
            reject(new Error(`${what}: not seen; the diagnostics of ${uri.path}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => `${codeOf(d)} ${d.message}`))}`));
        }, HANG_GUARD_MS);
        const listener = vscode.languages.onDidChangeDiagnostics(event => {
            if (!event.uris.some(changed => changed.toString() === uri.toString())) return;
            const list = vscode.languages.getDiagnostics(uri);
            if (!accept(list)) return;
            clearTimeout(guard);
            listener.dispose();
            resolve(list);
        });
    });
}

const codesIn = (list: readonly vscode.Diagnostic[]) => list.map(codeOf);
const unresolved = (name: string) => (list: readonly vscode.Diagnostic[]) =>
    list.some(d => codeOf(d) === 'unresolved-reference' && d.message.includes(`'${name}'`));
const clean = (list: readonly vscode.Diagnostic[]) => !codesIn(list).includes('unresolved-reference') && !codesIn(list).includes('use-not-found');

describe('Plans in many files: a shared file and the plans that use it', function () {
    // Several waits a test, each bounded by HANG_GUARD_MS.
    this.timeout(6 * HANG_GUARD_MS);
    /** The fixture's texts, put back after each test (a rename or an edit changes them). */
    const original = new Map<string, Uint8Array>();

    before(async () => {
        await activeApi();
        for (const file of FILES) original.set(file, await vscode.workspace.fs.readFile(workspaceFile(file)));
    });

    afterEach(async () => {
        let changed = false;
        for (const file of FILES) {
            const uri = workspaceFile(file);
            const bytes = original.get(file)!;
            // A document VS Code holds with unsaved edits gets its first text back by an edit, then
            // is saved (an edit reaches the server as every edit does); then the file on disk is put
            // back if it differs.
            const held = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
            if (held?.isDirty) {
                const restore = new vscode.WorkspaceEdit();
                restore.replace(uri, new vscode.Range(held.positionAt(0), held.positionAt(held.getText().length)), Buffer.from(bytes).toString('utf8'));
                assert.ok(await vscode.workspace.applyEdit(restore), `${file} gets its text back`);
                assert.ok(await held.save(), `${file} is saved`);
                changed = true;
            }
            const now = await vscode.workspace.fs.readFile(uri).then(read => read, () => undefined);
            if (now && Buffer.compare(Buffer.from(now), Buffer.from(bytes)) === 0) continue;
            await vscode.workspace.fs.writeFile(uri, bytes);
            changed = true;
        }
        await closeAllEditors();
        if (changed) {
            for (const plan of [CARDIOLOGY, NURSING]) await diagnosticsWhere(`${plan} back as it was`, workspaceFile(plan), clean);
        }
    });

    it('updates the Problems of the plans when the shared file changes on disk or is deleted', async () => {
        const cardiology = workspaceFile(CARDIOLOGY);
        const nursing = workspaceFile(NURSING);
        for (const uri of [cardiology, nursing]) await diagnosticsWhere(`${uri.path} checked`, uri, list => list.length > 0 && clean(list));
        // A file no editor holds: its text is the one on disk (a file open in an editor is the editor's text, deleted or not).
        assert.ok(!vscode.workspace.textDocuments.some(document => document.uri.toString() === workspaceFile(SHARED).toString()), 'VS Code holds no document of the shared file');
        const text = new TextDecoder().decode(original.get(SHARED));
        await vscode.workspace.fs.writeFile(workspaceFile(SHARED), new TextEncoder().encode(text.replace(/ *member ben .*\n/, '')));
        await diagnosticsWhere('ben unresolved in the nursing plan', nursing, unresolved('ben'));

        await vscode.workspace.fs.delete(workspaceFile(SHARED), { useTrash: false });
        for (const uri of [cardiology, nursing]) {
            await diagnosticsWhere(`use-not-found in ${uri.path}`, uri, list => codesIn(list).includes('use-not-found'));
        }
    });

    it('goes to the definition of a used member in the shared file', async () => {
        const { document } = await openPlan(CARDIOLOGY);
        await diagnosticsWhere('the plan checked with what it uses', document.uri, list => list.length > 0 && clean(list));
        const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeDefinitionProvider', document.uri, positionOf(document, 'involves ana', 'involves '.length + 1));
        assert.equal(locations.length, 1, JSON.stringify(locations));
        const target = locations[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? target.targetSelectionRange ?? target.targetRange : target.range;
        assert.equal(uri.toString(), workspaceFile(SHARED).toString());
        const shared = await vscode.workspace.openTextDocument(uri);
        assert.equal(shared.getText(range), 'ana');
        assert.equal(range.start.line, positionOf(shared, 'member ana').line);
    });

    it('renames a shared member in every file that names it, the closed plan and the shared file included', async () => {
        const { document } = await openPlan(CARDIOLOGY);
        await diagnosticsWhere('the plan checked with what it uses', document.uri, list => list.length > 0 && clean(list));
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
            'vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'involves ana', 'involves '.length + 1), 'anabel');
        assert.ok(edit, 'the rename gives an edit');
        const edited = edit.entries().map(([uri, edits]) => [vscode.workspace.asRelativePath(uri, false), edits.length] as const)
            .sort(([a], [b]) => a.localeCompare(b));
        assert.deepEqual(edited, [[CARDIOLOGY, 1], [SHARED, 1], [NURSING, 1]].sort(([a], [b]) => String(a).localeCompare(String(b))));
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
        for (const [file, renamed] of [[SHARED, /member anabel "Ana Ortiz"/], [CARDIOLOGY, /involves anabel, zoe/], [NURSING, /involves anabel, ben, liv/]] as const) {
            const edited = await vscode.workspace.openTextDocument(workspaceFile(file));
            assert.match(edited.getText(), renamed, file);
            assert.doesNotMatch(edited.getText(), /\bana\b/, file);
        }
        // Unsaved: the plans are checked against the edited texts.
        for (const plan of [CARDIOLOGY, NURSING]) await diagnosticsWhere(`${plan} with the new name`, workspaceFile(plan), list => list.length > 0 && clean(list));
    });

    it('updates the Problems of the plans, open or closed, as the shared file is edited in its editor', async () => {
        const cardiology = workspaceFile(CARDIOLOGY);
        const nursing = workspaceFile(NURSING);
        await openPlan(CARDIOLOGY);
        // dee, the shared naysayer, hears no story of either plan: naysayer-unreached on each plan's use.
        const naysayer = (list: readonly vscode.Diagnostic[]) => list.some(d => codeOf(d) === 'naysayer-unreached' && d.message.includes("'dee'"));
        for (const uri of [cardiology, nursing]) await diagnosticsWhere(`naysayer-unreached in ${uri.path}`, uri, naysayer);

        const { document: shared } = await openPlan(SHARED);
        const edit = new vscode.WorkspaceEdit();
        const role = positionOf(shared, 'role naysayer', 'role '.length);
        edit.replace(shared.uri, new vscode.Range(role, role.translate(0, 'naysayer'.length)), 'staff');
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
        // Not saved: the plans follow the shared file's editor.
        for (const uri of [cardiology, nursing]) await diagnosticsWhere(`no naysayer-unreached in ${uri.path}`, uri, list => list.length > 0 && !naysayer(list));

        const renamed = new vscode.WorkspaceEdit();
        const ana = positionOf(shared, 'member ana', 'member '.length);
        renamed.replace(shared.uri, new vscode.Range(ana, ana.translate(0, 3)), 'anna');
        assert.ok(await vscode.workspace.applyEdit(renamed), 'the edit applies');
        for (const uri of [cardiology, nursing]) await diagnosticsWhere(`ana unresolved in ${uri.path}`, uri, unresolved('ana'));
    });
});
