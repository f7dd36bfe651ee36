/**
 * The HTML shell of the Quick wins webview: a strict content security policy (nothing by
 * default; only this extension's stylesheet and the one nonce'd script; no remote content), the
 * switch between this plan and the workspace, and an empty area that media/rank-view.js fills
 * from the data the extension posts.
 */
import * as vscode from 'vscode';
import { partsLegend } from '../report/report-blocks.js';
import { BLOCKS_CSS, VIEW_PALETTE } from '../report/report-style.js';
import { webviewPage } from './webview-support.js';

export function rankViewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
    return webviewPage(webview, extensionUri, nonce, {
        title: 'Quick wins',
        css: `${VIEW_PALETTE}${BLOCKS_CSS}`,
        stylesheets: ['rank-view.css'],
        script: 'rank-view.js',
        body: `<main aria-labelledby="heading">
<header class="top">
<h1 id="heading">Quick wins</h1>
<div class="modes" role="radiogroup" aria-label="What to rank">
<button type="button" class="mode" role="radio" aria-checked="true" data-mode="plan">This plan</button>
<button type="button" class="mode" role="radio" aria-checked="false" data-mode="workspace">Workspace</button>
</div>
</header>
<p id="summary" role="status" aria-live="polite">Ranking the projects…</p>
${partsLegend()}
<div id="content"></div>
<p class="hint">Choose a project (click, or Tab then Enter) to show it in its plan. Up and Down move between projects.</p>
</main>`
    });
}
