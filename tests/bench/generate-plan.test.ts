/**
 * The benchmark's plan generator: the same seed gives the same plan, the plan parses without
 * errors and every name in it resolves, and the YAML form follows its JSON Schema's shape.
 */
import { describe, expect, test } from 'vitest';
import { isReference } from 'langium';
import { generatePlan, initiativeCommentEdits, memberUnitEdits, newLineEdits, planJsonSchema, toAdopt, toYaml, traitLevelEdits, type TextEditAt } from '../../bench/generate-plan.js';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import type { FastBuildParser } from '../../src/language/fast-build/fast-build-parser.js';
import { parser } from '../support/helpers.js';

/** A text with one edit applied. */
function applied(text: string, edit: TextEditAt): string {
    const lines = text.split('\n');
    const line = lines[edit.line];
    lines[edit.line] = line.slice(0, edit.character) + edit.to + line.slice(edit.character + edit.from.length);
    return lines.join('\n');
}

/** Which declaration the server's parser re-parses for an edit (what the bench's rows say), by its rule, or 'Plan' for a full parse. */
function reparsedFor(text: string, edit: TextEditAt): string {
    const parser = createAdoptServices().Adopt.parser.LangiumParser as FastBuildParser;
    const before = { ...parser.counts.incremental };
    const updated = parser.parseIncrementally(parser.parse(text).value, applied(text, edit));
    if (!updated) return 'Plan';
    return Object.entries(parser.counts.incremental).find(([unit, count]) => count > (before[unit] ?? 0))![0];
}

describe('bench plan generator', () => {
    test('the same seed gives the same text, another seed another', () => {
        expect(toAdopt(generatePlan({ projects: 200 }))).toBe(toAdopt(generatePlan({ projects: 200 })));
        expect(toAdopt(generatePlan({ projects: 200, seed: 7 }))).not.toBe(toAdopt(generatePlan({ projects: 200 })));
    });

    test('a generated plan of 300 projects parses and links with no error', async () => {
        const plan = generatePlan({ projects: 300 });
        const document = await parser()(toAdopt(plan));
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        expect(errors).toEqual([]);
        expect(document.references.length).toBeGreaterThan(300);
        expect(document.references.every(reference => isReference(reference) && reference.ref !== undefined)).toBe(true);
        const projects = document.parseResult.value.plan!.stages.flatMap(stage => stage.projects);
        expect(projects).toHaveLength(300);
    });

    test('the plan has what a realistic plan has', () => {
        const plan = generatePlan({ projects: 2000 });
        const projects = plan.stages.flatMap(stage => stage.projects);
        expect(new Set(plan.members.map(m => m.role)).size).toBe(6);
        expect(plan.stages.filter(stage => stage.after).length).toBeGreaterThan(1);
        expect(plan.stages.some(stage => stage.mantra)).toBe(true);
        expect(plan.stages.flatMap(stage => stage.stories).every(story => story.audience.length > 0)).toBe(true);
        expect(projects.some(p => p.supports.length > 0 && p.uses.length > 0 && p.metrics.length > 0 && p.traits.length === 3)).toBe(true);
        expect(projects.some(p => p.supports.length === 0)).toBe(true);
    });

    test('trait edits point at an asynchrony level in the text', () => {
        const text = toAdopt(generatePlan({ projects: 100 }));
        const lines = text.split('\n');
        const edits = traitLevelEdits(text, 5);
        expect(edits).toHaveLength(5);
        for (const edit of edits) {
            expect(lines[edit.line].slice(edit.character, edit.character + edit.from.length)).toBe(edit.from);
            expect(lines[edit.line].trim().startsWith('asynchrony')).toBe(true);
            expect(edit.to).not.toBe(edit.from);
        }
    });

    test('unit edits point at a member\'s unit in the coalition, outside every project; the member is parsed again', () => {
        const text = toAdopt(generatePlan({ projects: 1000 }));
        const lines = text.split('\n');
        const edits = memberUnitEdits(text, 6);
        expect(edits).toHaveLength(6);
        expect(new Set(edits.map(edit => edit.line)).size).toBe(6);
        const firstProject = lines.findIndex(line => line.trim().startsWith('project '));
        for (const edit of edits) {
            expect(lines[edit.line].slice(edit.character, edit.character + edit.from.length)).toBe(edit.from);
            expect(lines[edit.line].trim().startsWith('member ')).toBe(true);
            expect(edit.line).toBeLessThan(firstProject);
            expect(edit.to).toBe(`${edit.from} East`);
        }
        expect(reparsedFor(text, edits[0])).toBe('Member');
    });

    test('comment edits add a comment at the end of an initiative\'s line, outside every declaration; the plan is parsed again', () => {
        const text = toAdopt(generatePlan({ projects: 1000 }));
        const lines = text.split('\n');
        const edits = initiativeCommentEdits(text, 6);
        expect(edits).toHaveLength(6);
        expect(new Set(edits.map(edit => edit.line)).size).toBe(6);
        for (const edit of edits) {
            expect(lines[edit.line].trim().startsWith('initiative ')).toBe(true);
            expect([edit.character, edit.from, edit.to]).toEqual([lines[edit.line].length, '', ' // note']);
        }
        expect(reparsedFor(text, edits[0])).toBe('Plan');
        expect(reparsedFor(text, traitLevelEdits(text, 1)[0])).toBe('Project');
    });

    test('line edits add a line before an asynchrony line, from the last up, each where the text still has it; the project is parsed again', () => {
        let text = toAdopt(generatePlan({ projects: 1000 }));
        const edits = newLineEdits(text, 6);
        expect(edits).toHaveLength(6);
        expect(edits.map(edit => edit.line)).toEqual([...edits.map(edit => edit.line)].sort((a, b) => b - a));
        expect(reparsedFor(text, edits[0])).toBe('Project');
        for (const edit of edits) {
            const lines = text.split('\n');
            expect(lines[edit.line].trim()).toMatch(/^asynchrony (low|medium|high)$/);
            expect([edit.character, edit.from, edit.to]).toEqual([0, '', '\n']);
            lines.splice(edit.line, 0, '');
            text = lines.join('\n');
        }
    });

    test('the YAML form names the schema and has one entry per project', () => {
        const plan = generatePlan({ projects: 50 });
        const yaml = toYaml(plan, 'file:///tmp/plan.schema.json');
        expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=file:///tmp/plan.schema.json');
        expect(yaml.match(/^ {6}- name: p\d+$/gm)).toHaveLength(50);
        const schema = planJsonSchema() as { required: string[]; properties: Record<string, unknown> };
        expect(schema.required).toEqual(['name', 'title']);
        expect(Object.keys(schema.properties)).toEqual(['name', 'title', 'coalition', 'channels', 'initiatives', 'stages']);
    });
});
