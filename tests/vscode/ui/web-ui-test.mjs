// The UI test of the extension in VS Code's web worker extension host, the host of VS Code for
// the Web: the packaged extension in code-server, whose user settings say
// `"remote.extensionKind": { "adopt.adopt": ["web"] }`, so that its `browser` entry runs in the
// workbench's web worker and its language server in a Web Worker of its own that reads files
// through the client. Proves the host ("Developer: Show Running Extensions" says `web worker`),
// then what a person sees: the squiggles and the Problems count, a project's score on hover, a
// quick fix chosen from the light bulb's menu (the text changes, the problem goes), "Adopt: Rank
// Quick Wins" and its ranked rows, "Adopt: Open Plan Overview" with the browser's note that
// history needs git, a plan that uses a shared file (no unresolved reference, the declaring
// file on hover, go to definition into it), and the workspace ranking of the plans that VS Code's
// file search found for the server (`adopt/fs/findFiles`): a plan of a subfolder never opened,
// and not the plan of a folder that `files.exclude` hides, which reading the folders would have
// found. A second test breaks the worker's script and sees the
// failure in the status bar and the output. Screenshots in test-results/screenshots/web/.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expectMatch, expectRiversideRanking, expectText, filterUntil, goToLine, problemsFilter, runCommand, showRiversideProblems, STEP_TIMEOUT, waitForCodeLens, waitUntil, webviewFrame } from './ui-support.mjs';

/** The window of the other UI tests. */
const VIEWPORT = { width: 1400, height: 850 };

/** The overview's note in the browser (src/extension/browser-main.ts): only the browser entry shows it. */
const HISTORY_NOTE = /^History needs git, which VS Code for the Web does not run/;

/** The folder of the workspace that the settings of the web UI test hide (`files.exclude`), and the plan in it. */
export const HIDDEN_FOLDER = 'hidden-by-files-exclude';
export const HIDDEN_SETTINGS = { 'files.exclude': { [`**/${HIDDEN_FOLDER}`]: true } };
export const HIDDEN_PLAN = `plan HiddenFromSearch "A plan in a folder that files.exclude hides" {
  coalition {
    member ana "Ana" role middle-manager trained
  }
  stage start "Start" {
    mantra "The status quo must go!"
  }
}
`;

/**
 * @param {{ url: string, workspace: string, chromiumPath: string, screenshots: string,
 *           record: (title: string, error?: unknown) => void }} options
 */
export async function runWebUiTests({ url, workspace, chromiumPath, screenshots, record }) {
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });
    await withPage(chromiumPath, screenshots, 'UI web', record, async ({ page, step, shot }) => {
        const editorLine = text => page.locator('.monaco-editor .view-line', { hasText: text });
        const explorerRow = name => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
        const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        const problemsFilterBox = problemsFilter(page);

        await step('the extension runs in the web worker extension host ("Developer: Show Running Extensions")', async () => {
            await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
            await page.waitForSelector('.monaco-workbench');
            await explorerRow('riverside-health.adopt').click();
            await page.locator('#status\\.editor\\.mode', { hasText: 'Adopt' }).waitFor();
            await editorLine('project streamRounds').waitFor();
            await runCommand(page, 'Developer: Show Running Extensions');
            const adopt = page.locator('.runtime-extensions-editor .monaco-list-row[aria-label="adopt"]');
            await adopt.locator('.msg', { hasText: 'web worker' }).waitFor();
            await expectText(adopt.locator('.name'), /^Adopt$/);
            // The list opens in a modal editor: Escape closes it.
            await page.keyboard.press('Escape');
            await page.locator('.runtime-extensions-editor').waitFor({ state: 'detached' });
        });

        await step('shows squiggles, the Problems count and the problems with their codes (the server in its Web Worker)', async () => {
            await editorLine('project streamRounds').click();
            await showRiversideProblems(page);
            await shot('01-diagnostics');
            await problemsFilterBox.fill('');
            await editorLine('project hashtagContest').click();
            await page.keyboard.press('Control+J');
            await page.locator('.markers-panel').waitFor({ state: 'hidden' });
            await goToLine(page, 1);
        });

        await step('hovers a project and reads its score and rank', async () => {
            await editorLine('project streamRounds').locator('span span', { hasText: /^streamRounds$/ }).hover();
            const hover = page.locator('.monaco-hover-content', { hasText: 'score 88' });
            await hover.first().waitFor();
            await expectText(hover.first(), /rank 1 of 2/);
            await shot('02-hover');
            await page.mouse.move(5, VIEWPORT.height - 5);
            await page.keyboard.press('Escape');
        });

        await step('a quick fix from the light bulb\'s menu (Ctrl+.) changes the text, and the problem it fixes goes away', async () => {
            await explorerRow('quick-fixes.adopt').click();
            await editorLine('project videos').waitFor();
            // The project's name carries the freestanding-project problem, whose fix supports the plan's initiative.
            await page.keyboard.press('Control+Shift+M');
            const problem = code => page.locator('.markers-panel .monaco-list-row', { hasText: code });
            await filterUntil(problemsFilterBox, 'quick-fixes.adopt', async () => (await problem('freestanding-project').count()) > 0,
                'the freestanding-project problem of quick-fixes.adopt in the Problems panel');
            await editorLine('project videos').locator('span span', { hasText: /^videos$/ }).click();
            await page.keyboard.press('Control+.');
            const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Support initiative 'rounds'" });
            await fix.first().waitFor();
            await fix.first().click();
            await editorLine('supports rounds').waitFor();
            // The server checks the changed text: the project is a quick win (score 100 in the code lens), so
            // the plan needs a story of it now, and the project is no longer freestanding.
            await waitForCodeLens(page, 'score 100');
            await problem('road-show-missing').first().waitFor();
            await problem('freestanding-project').first().waitFor({ state: 'detached' });
            await shot('03-quick-fix');
            await problemsFilterBox.fill('');
            await editorLine('project videos').click();
            await page.keyboard.press('Control+J');
            await page.locator('.markers-panel').waitFor({ state: 'hidden' });
        });

        await step('runs "Adopt: Rank Quick Wins" from the command palette and reads the ranked rows', async () => {
            await explorerRow('riverside-health.adopt').click();
            await editorLine('project streamRounds').click();
            await runCommand(page, 'Adopt: Rank Quick Wins');
            await expectRiversideRanking(page, webview());
            await shot('04-rank-view');
            const tab = page.locator('.tab', { hasText: 'Quick wins — RiversideHealth' });
            await tab.click({ button: 'middle' });
            await tab.waitFor({ state: 'detached' });
        });

        await step('opens "Adopt: Open Plan Overview": the plan\'s sections, and the browser\'s note that history needs git', async () => {
            await editorLine('project streamRounds').click();
            await runCommand(page, 'Adopt: Open Plan Overview');
            await page.locator('.tab', { hasText: 'Plan overview — RiversideHealth' }).waitFor();
            const frame = await webviewFrame(page, 'Plan overview', '#projects tbody tr');
            await frame.locator('#projects tbody tr').nth(1).waitFor();
            expectMatch(await frame.locator('#title').innerText(), /^Social media at Riverside Health$/);
            expectMatch(await frame.locator('#status').innerText(), /2 projects, 1 quick win/);
            const note = frame.locator('#history-note');
            await note.waitFor();
            expectMatch(await note.innerText(), HISTORY_NOTE);
            // Plain text: no Markdown shown as it is.
            if (/[`*_]/.test(await note.innerText())) throw new Error(`the note shows Markdown: ${await note.innerText()}`);
            await shot('05-overview');
            const tab = page.locator('.tab', { hasText: 'Plan overview — RiversideHealth' });
            await tab.click({ button: 'middle' });
            await tab.waitFor({ state: 'detached' });
        });

        await step('a plan that uses a shared file: no unresolved reference, the declaring file on hover, go to definition into it', async () => {
            await explorerRow('northfield-network').first().click();
            await explorerRow('cardiology.adopt').click();
            await editorLine('plan Cardiology').waitFor();
            // The score counts the shared file's initiative and members: 68 without them.
            await waitForCodeLens(page, 'score 83 · rank 1 of 1 · quick win');
            const member = editorLine('involves ana, zoe').locator('span span', { hasText: /^ana$/ });
            await member.hover();
            const hover = page.locator('.monaco-hover-content', { hasText: 'Declared in' });
            await hover.first().waitFor();
            await expectText(hover.first(), /Declared in network\/people\.adopt\./);
            await shot('06-shared-file-hover');
            await page.mouse.move(5, VIEWPORT.height - 5);
            await page.keyboard.press('Escape');
            // The network's problems (a plan of a campus that uses the same file has a few) and none of them unresolved.
            await page.keyboard.press('Control+Shift+M');
            const eastOutreach = page.locator('.markers-panel .monaco-list-row', { hasText: 'east-outreach.adopt' });
            await filterUntil(problemsFilterBox, 'northfield-network', async () => (await eastOutreach.count()) > 0,
                'the problems of northfield-network/east-outreach.adopt in the Problems panel');
            const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
            if ((await problemsFilterBox.inputValue()) !== 'northfield-network') throw new Error('the Problems filter lost its text while its rows were read');
            const unresolved = rows.filter(text => /unresolved-reference|use-not-found/.test(text));
            if (unresolved.length > 0) throw new Error(`unresolved in the network: ${unresolved.join(' | ')}`);
            if (rows.some(text => /cardiology\.adopt/.test(text))) throw new Error(`cardiology.adopt has problems: ${rows.join(' | ')}`);
            await problemsFilterBox.fill('');
            await page.keyboard.press('Control+J');
            await page.locator('.markers-panel').waitFor({ state: 'hidden' });
            // Go to definition (F12) on a channel of the shared file opens that file at its declaration.
            await editorLine('uses youtube').locator('span span', { hasText: /^youtube$/ }).click();
            await page.keyboard.press('F12');
            await page.locator('.tab.active', { hasText: 'people.adopt' }).waitFor();
            await editorLine('shared NorthfieldPeople').waitFor();
            await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 17,' }).waitFor();
        });

        await step("the workspace ranking has the plans VS Code's file search found: one in a subfolder never opened, not one that files.exclude hides", async () => {
            await explorerRow('riverside-health.adopt').click();
            await editorLine('project streamRounds').click();
            await runCommand(page, 'Adopt: Rank Quick Wins');
            await page.locator('.tab', { hasText: 'Quick wins — RiversideHealth' }).waitFor();
            await webview().locator('button.mode[data-mode="workspace"]').click();
            await page.locator('.tab', { hasText: 'Quick wins — workspace' }).waitFor();
            const names = webview().locator('.plan-name');
            await names.filter({ hasText: /^EastOutreach$/ }).waitFor();
            const all = await names.allInnerTexts();
            for (const name of ['Cardiology', 'CoastalResearch', 'Nursing', 'QuickFixes', 'RiversideHealth']) {
                if (!all.includes(name)) throw new Error(`${name} is not among the plans: ${all.join(', ')}`);
            }
            // Reading the folders, as the server does when the client cannot search, would have found it.
            if (all.includes('HiddenFromSearch')) throw new Error(`the plan in ${HIDDEN_FOLDER}/ is among the plans: ${all.join(', ')}`);
            await shot('07-workspace-ranking');
        });
    });
}

/**
 * The packaged extension whose worker script throws as it starts: the extension says so in the
 * status bar, whose item opens the output with the reason.
 * @param {{ url: string, workspace: string, chromiumPath: string, screenshots: string,
 *           record: (title: string, error?: unknown) => void }} options
 */
export async function runBrokenWorkerTest({ url, workspace, chromiumPath, screenshots, record }) {
    await withPage(chromiumPath, screenshots, 'UI web', record, async ({ page, step, shot }) => {
        await step('a worker whose script fails to start: the status bar says so, and its item shows the reason in the output', async () => {
            await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
            await page.waitForSelector('.monaco-workbench');
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'riverside-health.adopt' }).click();
            await page.locator('#status\\.editor\\.mode', { hasText: 'Adopt' }).waitFor();
            const item = page.locator('.statusbar-item', { hasText: 'Adopt: no language server' });
            await item.waitFor();
            // The click goes to the item itself, not to where it was drawn: the status bar's items
            // still move while the workbench starts.
            const label = item.locator('.statusbar-item-label');
            await label.dispatchEvent('click');
            // The output of the language client, filtered to the extension's own line among the client's.
            const channel = page.locator('.panel select[aria-label="Switch Output"]').filter({ visible: true });
            // The channel shown, by the text of the option selected (its value is the channel's id in
            // some versions). On a loaded machine a click while the failed client is still being
            // stopped has shown no panel (twice in CI): until the output shows, the item is clicked
            // again now and then (its command only shows the channel, so a second click changes nothing).
            let probes = 0;
            await waitUntil(async () => {
                if (await channel.count() === 0) {
                    if (++probes % 20 === 0) await label.dispatchEvent('click');
                    throw new Error('no output panel');
                }
                const shown = await channel.first().evaluate(select => select.selectedOptions[0]?.textContent ?? '');
                if (shown !== 'Adopt Language Server') throw new Error(`the output shows '${shown}'`);
                return true;
            }, 'the output of the Adopt Language Server');
            // The client's failures fill the channel: the filter shows the extension's line.
            const filter = page.locator('.panel .viewpane-filter input').filter({ visible: true }).first();
            const output = page.locator('.output-view .view-line', { hasText: 'could not start in a Web Worker' });
            await filterUntil(filter, 'could not start', async () => (await output.count()) > 0 && await output.first().isVisible(),
                "the extension's line in the output, filtered");
            // The reason, the worker's uncaught error (the line may wrap; the editor draws spaces as no-break spaces).
            const text = (await page.locator('.output-view .view-lines').innerText()).replace(/\s+/g, ' ');
            expectMatch(text, /could not start in a Web Worker: Uncaught Error: broken worker script/);
            await shot('08-worker-failed');
        });
    });
}

/** The script that replaces the worker's in the broken-worker test. */
export const BROKEN_WORKER_SCRIPT = "throw new Error('broken worker script');\n";

/** A chromium page of the window size of the other UI tests, and its steps: after a failed step the later ones are recorded as failed. */
async function withPage(chromiumPath, screenshots, prefix, record, body) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    try {
        const page = await browser.newPage({ viewport: VIEWPORT });
        page.setDefaultTimeout(STEP_TIMEOUT);
        const shot = name => page.screenshot({ path: join(screenshots, `${name}.png`) });
        let broken = false;
        const step = async (title, action) => {
            if (broken) return record(`${prefix}: ${title}`, 'skipped: an earlier step failed');
            try {
                await action();
                record(`${prefix}: ${title}`);
            } catch (error) {
                broken = true;
                await shot(`failed-${title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
                record(`${prefix}: ${title}`, error instanceof Error ? error.message : error);
            }
        };
        await body({ page, step, shot });
    } finally {
        await browser.close();
    }
}


