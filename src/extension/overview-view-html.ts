/**
 * The HTML shell of the Plan Overview webview: a strict content security policy (nothing by
 * default; only the nonce'd style and script; no remote content), the report's stylesheet with
 * the editor's theme colours, a header with the plan's title, the sections' links, the button that
 * compares the plan with its last commit (shown where git can give it, else a note says why not) and the export button, and the area that media/overview.js fills with the sections the extension renders.
 */
import * as vscode from 'vscode';
import { escape } from '../report/html-text.js';
import { SECTIONS } from '../report/overview-sections.js';
import { OVERVIEW_CSS, VIEW_PALETTE } from '../report/report-style.js';
import { TREND_CSS } from '../report/history-sections.js';
import { webviewPage } from './webview-support.js';

export function overviewViewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
    return webviewPage(webview, extensionUri, nonce, {
        title: 'Plan overview',
        css: `${VIEW_PALETTE}${OVERVIEW_CSS}${TREND_CSS}`,
        script: 'overview.js',
        body: `<div class="page interactive">
<header class="view-top">
<div class="view-title">
<div><p class="eyebrow">Plan overview</p><h1 id="title">Plan overview</h1></div>
<div class="toolbar"><button type="button" id="compare" aria-pressed="false" hidden>Compare with the last commit</button><button type="button" class="primary" id="export">Export report…</button></div>
</div>
<nav class="toc" aria-label="Sections"><ol>${SECTIONS.map(section => `<li><a href="#${section.id}">${escape(section.heading)}</a></li>`).join('')}</ol></nav>
<p id="status" class="status-line" role="status" aria-live="polite">Reading the plan…</p>
<p id="history-note" class="status-line history-note" hidden></p>
</header>
<main id="content" aria-labelledby="title"></main>
</div>`
    });
}
