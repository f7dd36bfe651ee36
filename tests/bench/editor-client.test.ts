/**
 * The independent editor client of the bench (bench/editor-client.ts): the range changes it sends
 * are the edits it means, applied as an editor applies them, and the server's CPU time is read.
 */
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changesOf, editsOf } from '../../bench/editor-client.js';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { cpuTimeOf } from '../../bench/process-cpu.js';

const PLAN = toAdopt(generatePlan({ projects: 30, seed: 5 }));

/** The text after the changes, applied one after the other as VS Code sends them. */
function applied(text: string, changes: ReturnType<typeof changesOf>): string {
    let document = TextDocument.create('file:///plan.adopt', 'adopt', 1, text);
    for (const change of changes) document = TextDocument.update(document, [change], document.version + 1);
    return document.getText();
}

describe('the editor client\'s edits', () => {
    test.each(['level', 'unit', 'comment'] as const)('a %s edit, sent at once or typed key by key, changes that line only, as meant', kind => {
        const edits = editsOf(PLAN, kind, 5);
        expect(new Set(edits.map(edit => edit.line)).size).toBe(5);
        for (const edit of edits) {
            const lines = PLAN.split('\n');
            const line = lines[edit.line];
            expect(line.slice(edit.character, edit.character + edit.from.length)).toBe(edit.from);
            lines[edit.line] = line.slice(0, edit.character) + edit.to + line.slice(edit.character + edit.from.length);
            const expected = lines.join('\n');
            expect(applied(PLAN, changesOf(edit, false))).toBe(expected);
            const keys = changesOf(edit, true);
            expect(keys.length).toBe(edit.to.length + (edit.from ? 1 : 0));
            expect(applied(PLAN, keys)).toBe(expected);
            for (const change of keys) expect(change.rangeLength).toBe(change.range.end.character - change.range.start.character);
            expect(edit.to).not.toBe(edit.from);
        }
    });

    test('a plan with no place for the edit is refused with the reason', () => {
        expect(() => editsOf('plan P "P" {\n}\n', 'level', 3)).toThrow('no place for a level edit in the plan');
    });
});

describe('the server\'s CPU time', () => {
    test.runIf(process.platform === 'linux')('is read from /proc and grows with work done; a process that is gone has none', () => {
        const before = cpuTimeOf(process.pid);
        expect(before).toBeTypeOf('number');
        // Work until the process's CPU time has grown by a tick (bounded: a reading that never moves fails).
        let sum = 0;
        let after = before;
        for (let round = 0; round < 100_000 && after === before; round++) {
            for (let i = 0; i < 100_000; i++) sum += Math.sqrt(i);
            after = cpuTimeOf(process.pid);
        }
        expect(sum).toBeGreaterThan(0);
        expect(after!).toBeGreaterThan(before!);
        expect(cpuTimeOf(2 ** 22 + 1)).toBeUndefined();
    });
});
