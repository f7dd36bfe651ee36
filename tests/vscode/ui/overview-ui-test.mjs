// The UI test of the Plan Overview (SPEC section 8): what a person sees in VS Code (code-server
// in Debian's chromium, driven by playwright-core) with the packaged extension installed. Opens
// the overview from the command palette, reads its sections, chooses a project, a stage and a
// story with the mouse and the keyboard (the editor moves to them), sees it follow an edit and
// the active plan, checks it with axe-core (no serious or critical violation) in a dark, a light
// and a high contrast theme with a screenshot of each, shows all the projects of a larger plan on
// request, exports the Markdown and the HTML report through the save dialog and opens each from
// the toast (the Markdown's preview, the page in a view). Screenshots in test-results/screenshots/.
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { expectAccessible, expectMatch, runCommand, setTheme, STEP_TIMEOUT, waitUntil, webviewFrame } from './ui-support.mjs';

const EXAMPLES = resolve(import.meta.dirname, '../../../examples');
// The summary (status, sentence, decisions needed), then the eight sections of the report.
const SECTION_IDS = ['summary', 'plan', 'hurdles', 'matrix', 'projects', 'stages', 'coalition', 'road-show', 'diagnostics'];

/**
 * @param {{ url: string, workspace: string, chromiumPath: string, screenshots: string,
 *           record: (title: string, error?: unknown) => void }} options
 */
export async function runOverviewUiTests({ url, workspace, chromiumPath, screenshots, record }) {
    // The plans as the examples have them (the earlier UI test edits the workspace's copies).
    for (const plan of ['riverside-health.adopt', 'coastal-research-institute.adopt']) copyFileSync(join(EXAMPLES, plan), join(workspace, plan));
    copyFileSync(join(EXAMPLES, '../tests/report/plans/fifty-projects.adopt'), join(workspace, 'fifty-projects.adopt'));
    const theme = (name, kind) => setTheme(page, name, kind);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    const shot = name => page.screenshot({ path: join(screenshots, `${name}.png`) });
    let broken = false;
    const step = async (title, action) => {
        if (broken) return record(`UI overview: ${title}`, 'skipped: an earlier step failed');
        try {
            await action();
            record(`UI overview: ${title}`);
        } catch (error) {
            broken = true;
            await shot(`failed-overview-${title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
            record(`UI overview: ${title}`, error instanceof Error ? error.message : error);
        }
    };
    const editorLine = text => page.locator('.monaco-editor .view-line', { hasText: text });
    const view = () => overviewFrame(page);
    const selection = text => page.locator('#status\\.editor\\.selection', { hasText: text }).waitFor();
    /** "Adopt: Export Plan Report…" on the Coastal plan, saved where the save dialog is told. */
    const exportThroughDialog = async (target, opened = async () => undefined) => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'coastal-research-institute.adopt' }).click();
        await opened();
        await runCommand(page, 'Adopt: Export Plan Report');
        const input = page.locator('.quick-input-widget input');
        await waitUntil(async () => (await input.inputValue()).endsWith('-report.html'), 'the save dialog with its proposed file');
        await input.fill(target);
        await page.keyboard.press('Enter');
    };

    try {
        await step('opens with "Adopt: Open Plan Overview" beside the plan, the summary then its eight sections in order', async () => {
            await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
            await page.waitForSelector('.monaco-workbench');
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'riverside-health.adopt' }).click();
            await page.locator('#status\\.editor\\.mode', { hasText: 'Adopt' }).waitFor();
            await editorLine('project streamRounds').click();
            await theme('Dark Modern', 'vs-dark');
            await editorLine('project streamRounds').click();
            await runCommand(page, 'Adopt: Open Plan Overview');
            await page.locator('.tab', { hasText: 'Plan overview — RiversideHealth' }).waitFor();
            const frame = await view();
            await frame.locator('#projects tbody tr').nth(1).waitFor();
            const ids = await frame.locator('main > section').evaluateAll(sections => sections.map(section => section.id));
            if (ids.join() !== SECTION_IDS.join()) throw new Error(`sections: ${ids.join(', ')}`);
            expectMatch(await frame.locator('#title').innerText(), /^Social media at Riverside Health$/);
            expectMatch(await frame.locator('#status').innerText(), /2 projects, 1 quick win/);
            const points = await frame.locator('#matrix svg.matrix g.point').count();
            if (points !== 2) throw new Error(`${points} points in the matrix`);
            const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
            expectMatch(csp, /^default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';/);
            const beyondOwnFiles = csp.replaceAll("'self'", '').replaceAll('https://*.vscode-cdn.net', '');
            if (/unsafe-|https?:|\*/.test(beyondOwnFiles)) throw new Error(`the content security policy allows too much: ${csp}`);
            await shot('10-overview-dark');
        });

        await step('the dark theme: axe-core finds no serious or critical accessibility violation', async () => {
            await expectAccessible(await view());
            const frame = await view();
            await frame.locator('#matrix').scrollIntoViewIfNeeded();
            await shot('11-overview-matrix-dark');
        });

        await step('choosing a project with the mouse reveals it in the editor', async () => {
            const frame = await view();
            await frame.locator('#projects button.reveal', { hasText: 'Hashtag contest' }).click();
            await selection('Ln 35, Col 5');
        });

        await step('choosing with the keyboard: Tab to a project, Down to the next, Enter reveals it', async () => {
            const frame = await view();
            await frame.locator('#projects button.reveal').first().focus();
            await page.keyboard.press('ArrowDown');
            const focused = await frame.locator(':focus').innerText();
            if (focused !== 'Hashtag contest') throw new Error(`Down moved the focus to "${focused}"`);
            await page.keyboard.press('ArrowUp');
            await page.keyboard.press('Enter');
            await selection('Ln 26, Col 5');
        });

        await step('choosing a stage, a story and a point of the matrix reveals each', async () => {
            const frame = await view();
            await frame.locator('#stages h3 button.reveal', { hasText: 'Internal road show' }).click();
            await selection('Ln 41, Col 3');
            await frame.locator('#road-show button.reveal', { hasText: 'Grand rounds now reach three campuses' }).click();
            await selection('Ln 42, Col 5');
            await frame.locator('#matrix g.point.win').click();
            await selection('Ln 26, Col 5');
        });

        await step('follows an edit of the plan', async () => {
            await editorLine('crowdsourcing medium').click();
            await page.keyboard.press('End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('effort high');
            const frame = await view();
            await waitUntil(async () => (await frame.locator('#projects tbody tr').first().innerText()).includes('high'), 'the effort in the ranked projects');
            await waitUntil(async () => (await frame.locator('#matrix svg desc').textContent())?.includes('big bets 1'), 'the project among the big bets');
            await shot('12-overview-follows-an-edit');
        });

        await step('follows the active editor to another plan', async () => {
            // The explorer opens a file in the active group. Once in CI the overview's group was the
            // active one after the edit (the window's title named the overview), and the other plan
            // opened over the overview: the plan's editor is clicked first, as a person would.
            await editorLine('stage diffusion').click();
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'coastal-research-institute.adopt' }).click();
            await page.locator('.tab', { hasText: 'Plan overview — CoastalResearch' }).waitFor();
            const frame = await view();
            await waitUntil(async () => (await frame.locator('#title').innerText()) === 'Coastal Research Institute: science across stations', 'the title of the other plan');
        });

        await step('the light theme: readable, and no serious or critical accessibility violation', async () => {
            await theme('Light Modern', 'vs');
            const frame = await view();
            await frame.locator('#plan').scrollIntoViewIfNeeded();
            await shot('13-overview-light');
            await expectAccessible(frame);
            await frame.locator('#matrix').scrollIntoViewIfNeeded();
            await shot('14-overview-matrix-light');
            await frame.locator('#stages').scrollIntoViewIfNeeded();
            await shot('15-overview-stages-light');
        });

        await step('a high contrast theme: no serious or critical accessibility violation', async () => {
            await theme('Dark High Contrast', 'hc-black');
            const frame = await view();
            await frame.locator('#projects').scrollIntoViewIfNeeded();
            await shot('16-overview-high-contrast');
            await expectAccessible(frame);
        });

        await step('on a plan of 50 projects: the top 25, then all of them on request, then the top again', async () => {
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'fifty-projects.adopt' }).click();
            await page.locator('.tab', { hasText: 'Plan overview — Bench50' }).waitFor();
            const frame = await view();
            const rows = frame.locator('#projects tbody tr');
            await waitUntil(async () => (await rows.count()) === 25, 'the top 25 projects');
            await frame.locator('#projects button.show-all').click();
            await waitUntil(async () => (await rows.count()) === 50, 'all 50 projects');
            expectMatch(await frame.locator('#projects nav.pager').innerText(), /Projects 1–50 of 50/);
            await shot('17-overview-all-projects');
            await frame.locator('#projects button[data-page="top"]').click();
            await waitUntil(async () => (await rows.count()) === 25, 'the top 25 projects again');
        });

        await step('"Adopt: Export Plan Report…" saves the Markdown report where the save dialog says', async () => {
            const target = join(workspace, 'coastal-report.md');
            rmSync(target, { force: true });
            await exportThroughDialog(target, async () => page.locator('.tab', { hasText: 'Plan overview — CoastalResearch' }).waitFor());
            await waitUntil(async () => existsSync(target), 'the report file');
            expectMatch(readFileSync(target, 'utf8'), /^# Coastal Research Institute: science across stations\n/);
            await page.locator('.notifications-toasts .notification-toast', { hasText: 'Saved the plan report' }).first().waitFor();
        });

        await step('the toast\'s "Open" shows the saved report in VS Code: the Markdown in its preview, the HTML page in a view', async () => {
            const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'coastal-report.md' }).first();
            await toast.locator('.monaco-button', { hasText: 'Open' }).click();
            await page.locator('.tab', { hasText: 'Preview coastal-report.md' }).waitFor();
            await reportFrame(page, 'h1', 'Coastal Research Institute: science across stations');
            await shot('19-report-markdown-preview');
            const target = join(workspace, 'coastal-report.html');
            rmSync(target, { force: true });
            await exportThroughDialog(target);
            const saved = page.locator('.notifications-toasts .notification-toast', { hasText: 'coastal-report.html' }).first();
            await saved.locator('.monaco-button', { hasText: 'Open' }).click();
            await page.locator('.tab', { hasText: 'Report — coastal-report.html' }).waitFor();
            await reportFrame(page, 'h1', 'Coastal Research Institute: science across stations');
            await shot('20-report-html-view');
            for (const file of ['coastal-report.md', 'coastal-report.html']) rmSync(join(workspace, file), { force: true });
        });
    } finally {
        await browser.close();
    }
}

/** The Plan Overview's page, once it shows its sections. */
function overviewFrame(page) {
    return webviewFrame(page, 'Plan overview', '#content section');
}

/** Waits for a webview frame (a report's preview or view, not the Plan overview) with an element of the given text. */
async function reportFrame(page, selector, text) {
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached() || (await frame.evaluate(() => document.title).catch(() => '')) === 'Plan overview') continue;
            if ((await frame.locator(selector, { hasText: text }).count().catch(() => 0)) > 0) return true;
        }
        return false;
    }, `a view showing the report (${selector} "${text}")`);
}
