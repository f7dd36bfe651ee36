/**
 * The HTML shell of the Quick wins webview: a strict content security policy (nothing by
 * default; only this extension's stylesheet and the one nonce'd script; no remote content), the
 * switch between this plan and the workspace, and an empty area that media/rank-view.js fills
 * from the data the extension posts.
 */
import * as vscode from 'vscode';
import { partsLegend } from '../report/report-blocks.js';
import { BLOCKS_CSS, VIEW_PALETTE } from '../report/report-style.js';
import { webviewCsp } from './webview-support.js';

export function rankViewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    const csp = webviewCsp(webview, nonce, { extensionStyles: true });
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${VIEW_PALETTE}${BLOCKS_CSS}</style>
<link rel="stylesheet" nonce="${nonce}" href="${media('rank-view.css')}">
<title>Quick wins</title>
</head>
<body>
<main aria-labelledby="heading">
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
</main>
<script nonce="${nonce}" src="${media('rank-view.js')}"></script>
</body>
</html>`;
}
