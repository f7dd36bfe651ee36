/**
 * `adopt report FILE [--format html|md] [--out FILE] [--config FILE] [--today DATE]` (SPEC
 * section 8): the report on standard output or in a file, exit codes as for `check`, written
 * even when the plan has errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIVING_PLAN } from '../report/report-plans.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli, stackLines } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

describe('adopt report', () => {
    it('writes the HTML report to standard output by default, exit 0 for a plan without errors', async () => {
        const run = await cli('report', EXAMPLE);
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        expect(run.out).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
        expect(run.out).toContain('<h1>Social media at Riverside Health</h1>');
        expect(run.out).toContain('<svg class="matrix"');
    });

    it('--format md writes the Markdown report with its Mermaid diagrams', async () => {
        const run = await cli('report', EXAMPLE, '--format', 'md');
        expect(run.code).toBe(0);
        expect(run.out).toMatch(/^# Social media at Riverside Health\n/);
        // The example states no effort: the matrix is a table of quadrants, not an empty chart.
        expect(run.out).toContain('| Quadrant | Where | Projects | Quick wins | Best ranked |');
        expect(run.out).toContain('## Diagnostics');
    });

    it('--edition board writes the board summary; --edition full the report with every section, the summary first', async () => {
        const path = files.write('living-board.adopt', LIVING_PLAN);
        const board = await cli('report', path, '--edition', 'board', '--today', '2027-03-01');
        expect(board.code).toBe(0);
        expect(board.out).toContain('Adoption board summary · 1 March 2027');
        expect(board.out).toContain('<h2 id="owners-heading">Overdue and blocked actions by owner</h2>');
        expect(board.out).not.toContain('<h2 id="matrix-heading">');
        const boardMd = await cli('report', path, '--edition', 'board', '--format', 'md', '--today', '2027-03-01');
        expect(boardMd.out).toContain('## Top quick wins');
        const full = await cli('report', path, '--edition', 'full', '--today', '2027-03-01');
        expect(full.out).toBe((await cli('report', path, '--today', '2027-03-01')).out);
        expect(full.out.indexOf('id="summary-heading"')).toBeLessThan(full.out.indexOf('id="matrix-heading"'));
        const bad = await cli('report', path, '--edition', 'poster');
        expect(bad.code).toBe(2);
        expect(bad.err).toMatch(/^adopt: option '--edition <edition>' argument 'poster' is invalid/);
    });

    it('--out writes the report to a file and nothing to standard output', async () => {
        const out = join(files.dir, 'report.html');
        const run = await cli('report', EXAMPLE, '--out', out);
        expect(run).toEqual({ code: 0, out: '', err: '' });
        expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    });

    it('writes the report of a plan with errors, listing them, and exits 1', async () => {
        const path = files.write('broken.adopt', PLAN_WITH_ERROR);
        const run = await cli('report', path, '--format', 'md');
        expect(run.code).toBe(1);
        expect(run.out).toMatch(/### Errors \(1\)\n\n\| Line \| Code \| Message \|\n\| ---: \| --- \| --- \|\n\| 8 \| `unresolved-reference` \|/);
        const html = await cli('report', files.write('empty.adopt', ''));
        expect(html.code).toBe(1);
        expect(html.out).toContain('<code>syntax-error</code>');
    });

    it('--today judges overdue actions against that date; a date that is not one is a usage problem', async () => {
        const path = files.write('living.adopt', LIVING_PLAN);
        const before = await cli('report', path, '--format', 'md', '--today', '2027-02-01');
        const after = await cli('report', path, '--format', 'md', '--today', '2027-03-01');
        expect(before.out).toContain('| Actions done | 1 of 3 |');
        expect(after.out).toContain('| Actions done | 1 of 3 (2 overdue) |');
        expect(after.out).toContain('*Adoption plan report · 1 March 2027*');
        const bad = await cli('report', path, '--today', '2027-02-30');
        expect(bad.code).toBe(2);
        expect(bad.err).toMatch(/^adopt: --today: 2027-02-30 is not a date/);
        expect(bad.out).toBe('');
    });

    it('--config takes the weights and threshold; a bad config file exits 2 naming the field', async () => {
        const config = files.write('strict.json', '{ "threshold": 90 }');
        const run = await cli('report', EXAMPLE, '--format', 'md', '--config', config);
        expect(run.out).toContain('| Quick wins | 0 (threshold 90) |');
        const bad = await cli('report', EXAMPLE, '--config', files.write('bad.json', '{ "threshold": -1 }'));
        expect(bad.code).toBe(2);
        expect(bad.err).toMatch(/threshold/);
        expect(stackLines(bad.err)).toEqual([]);
    });

    it('a missing plan, a format it does not know, an output it cannot write: exit 2 with one line and no stack trace', async () => {
        for (const argv of [
            ['report', join(files.dir, 'missing.adopt')],
            ['report', EXAMPLE, '--format', 'pdf'],
            ['report', EXAMPLE, '--out', join(files.dir, 'no-such-folder', 'report.html')],
            ['report']
        ]) {
            const run = await cli(...argv);
            expect(run.code, argv.join(' ')).toBe(2);
            expect(run.err.trim().split('\n')).toHaveLength(1);
            expect(stackLines(run.err)).toEqual([]);
            expect(run.out).toBe('');
        }
        expect(existsSync(join(files.dir, 'no-such-folder'))).toBe(false);
    });

    it('an output it cannot write: the reason in words, not a system code', async () => {
        const inMissingFolder = join(files.dir, 'no-such-folder', 'report.html');
        expect((await cli('report', EXAMPLE, '--out', inMissingFolder)).err)
            .toBe(`adopt: ${inMissingFolder}: cannot be written (the folder ${join(files.dir, 'no-such-folder')} does not exist)\n`);
        expect((await cli('report', EXAMPLE, '--out', files.dir)).err).toBe(`adopt: ${files.dir}: cannot be written (it is a folder)\n`);
    });
});
