/**
 * The benchmark's workspace generator: the same seed gives the same files; the workload is what
 * BENCHMARKS.md says (100 plans of 100 projects that use two shared files with together 200
 * members, 20 channels and 30 initiatives); the files build with no error and every name resolves,
 * the plans' into the shared files; the one file and the plan alone hold the same projects.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, isReference, type LangiumDocument } from 'langium';
import { memberUnitEdits, traitLevelEdits } from '../../bench/generate-plan.js';
import { SHARED_PATHS, generateWorkspace, planAlone, planPath, workspaceFiles, workspaceInOneFile } from '../../bench/generate-workspace.js';
import { isMember } from '../../src/language/generated/ast.js';
import { parser, workspaceParser } from '../support/helpers.js';

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const projectsIn = (text: string) => count(text, /^ {4}project /gm);
const membersIn = (text: string) => count(text, /^ {4}member /gm);
const channelsIn = (text: string) => count(text, /^ {2}channel /gm);
const initiativesIn = (text: string) => count(text, /^ {2}initiative /gm);

function errorsOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${document.uri.path}:${d.range.start.line + 1}: ${d.message}`);
}

/** How many diagnostics of each code the documents have together. */
function codeCounts(documents: readonly LangiumDocument[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const diagnostic of documents.flatMap(document => document.diagnostics ?? [])) counts[String(diagnostic.code)] = (counts[String(diagnostic.code)] ?? 0) + 1;
    return counts;
}

describe('bench workspace generator', () => {
    const workspace = generateWorkspace();
    const files = workspaceFiles(workspace);

    test('the same seed gives the same files, another seed others', () => {
        expect(workspaceFiles(generateWorkspace())).toEqual(files);
        expect(workspaceFiles(generateWorkspace({ seed: 7 }))).not.toEqual(files);
    });

    test('the workload: two shared files with 200 members, 20 channels and 30 initiatives, and 100 plans of 100 projects that use both', () => {
        expect(files).toHaveLength(102);
        expect(files.slice(0, 2).map(file => file.path)).toEqual([...SHARED_PATHS]);
        const shared = files.slice(0, 2).map(file => file.text);
        expect(shared.every(text => /^shared /m.test(text) && !/^ *(plan|stage|project) /m.test(text))).toBe(true);
        expect(shared.map(membersIn).reduce((a, b) => a + b)).toBe(200);
        expect(shared.map(channelsIn).reduce((a, b) => a + b)).toBe(20);
        expect(shared.map(initiativesIn).reduce((a, b) => a + b)).toBe(30);
        const plans = files.slice(2);
        expect(plans.map(file => file.path)).toEqual(Array.from({ length: 100 }, (_, i) => planPath(i)));
        expect(new Set(plans.map(file => file.path)).size).toBe(100);
        for (const plan of plans) {
            expect(plan.text.split('\n').slice(0, 2)).toEqual(SHARED_PATHS.map(path => `use "../${path}"`));
            expect(projectsIn(plan.text)).toBe(100);
            expect(membersIn(plan.text) + channelsIn(plan.text) + initiativesIn(plan.text)).toBe(0);
        }
    });

    test('the workspace builds with no error, and every name resolves, the shared ones into the shared files', async () => {
        const documents = await workspaceParser()(Object.fromEntries(files.map(file => [file.path, file.text])));
        expect(Object.values(documents).flatMap(errorsOf)).toEqual([]);
        const people = documents[SHARED_PATHS[0]];
        for (const file of files.slice(2)) {
            const document = documents[file.path];
            expect(document.references.every(reference => isReference(reference) && reference.ref !== undefined)).toBe(true);
            const members = document.references.filter(isReference).map(reference => reference.ref).filter(isMember);
            expect(members.length).toBeGreaterThan(100);
            expect(members.every(member => AstUtils.getDocument(member) === people)).toBe(true);
            expect(document.parseResult.value.uses).toHaveLength(2);
        }
    });

    test('the one file holds the 10,000 projects and the shared declarations; a plan alone its 100 projects and the shared declarations', async () => {
        const one = workspaceInOneFile(workspace);
        expect([projectsIn(one), membersIn(one), channelsIn(one), initiativesIn(one)]).toEqual([10000, 200, 20, 30]);
        const alone = planAlone(workspace, 50);
        expect([projectsIn(alone), membersIn(alone), channelsIn(alone), initiativesIn(alone)]).toEqual([100, 200, 20, 30]);
        expect(alone).not.toMatch(/^use /m);
        const document = await parser()(alone);
        expect(errorsOf(document)).toEqual([]);
        // The edits of the bench: the same projects in the plan and in the plan alone; a member's unit in the shared file.
        const plan = files[2 + 50].text;
        const projectOf = (text: string, line: number) => text.split('\n').slice(0, line).reverse().find(l => l.trim().startsWith('project '));
        const inPlan = traitLevelEdits(plan, 6);
        const inAlone = traitLevelEdits(alone, 6);
        expect(inPlan.map(edit => projectOf(plan, edit.line))).toEqual(inAlone.map(edit => projectOf(alone, edit.line)));
        expect(new Set(inPlan.map(edit => edit.line)).size).toBe(6);
        expect(memberUnitEdits(files[0].text, 6)).toHaveLength(6);
    });

    test('a smaller workspace and its one file give the same diagnostics, but for the rules judged on a whole plan', async () => {
        const small = generateWorkspace({ plans: 4, projectsPerPlan: 30, members: 40, channels: 6, initiatives: 8 });
        const smallFiles = workspaceFiles(small);
        expect(smallFiles.slice(2).map(file => projectsIn(file.text))).toEqual([30, 30, 30, 30]);
        const documents = Object.values(await workspaceParser()(Object.fromEntries(smallFiles.map(file => [file.path, file.text]))));
        const one = await parser()(workspaceInOneFile(small));
        expect(errorsOf(one)).toEqual([]);
        // Per plan: whether it has a quick win, and whether its stories reach every naysayer.
        const planWide = new Set(['no-quick-wins', 'naysayer-unreached', 'road-show-missing']);
        const perDeclaration = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([code]) => !planWide.has(code)));
        const inWorkspace = perDeclaration(codeCounts(documents));
        expect(Object.keys(inWorkspace).length).toBeGreaterThan(3);
        expect(inWorkspace).toEqual(perDeclaration(codeCounts([one])));
    });
});
