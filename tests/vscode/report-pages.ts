/**
 * The pages the browser tests of the report look at (report-test.mjs bundles this file with
 * esbuild, `vscode` replaced by a stand-in): HTML reports of plans too large for a fixture (300
 * generated projects; a plan of 200 dated actions), and the Plan Overview as the editor's webview
 * shows it (its shell, its script, the sections it receives) with the variables of a light or a
 * dark VS Code theme, so that its layout can be measured without VS Code.
 */
import '../../src/platform/node-compat.js';
import { overviewViewHtml } from '../../src/extension/overview-view-html.js';
import { overviewSections } from '../../src/report/overview-sections.js';
import { reportHtml } from '../../src/report/report-html.js';
import { sinceSection } from '../../src/report/history-sections.js';
import { md } from '../../src/report/report-markdown.js';
import { declarationTitles, planDiff } from '../../src/language/overview/plan-diff.js';
import { NEW_PLAN, OLD_PLAN } from '../language/overview/diff-plans.js';
import { LIVING_PLAN, manyActionsPlan, manyProjectsPlan, overviewOfText } from '../report/report-plans.js';

export const PLANS = {
    'harbour-museum': () => LIVING_PLAN,
    /** A plan compared with its last commit (the overview shows "Since the last commit …"). */
    compared: () => NEW_PLAN,
    'three-hundred-projects': () => manyProjectsPlan(300, 1),
    'busy-stage': () => manyActionsPlan(199, 32)
} as const;
export type PlanName = keyof typeof PLANS;

export async function reportPage(plan: PlanName): Promise<string> {
    return reportHtml(await overviewOfText(PLANS[plan]()));
}

/** Colours of VS Code's default themes (Light Modern, Dark Modern) for the variables the overview uses: name, light, dark. */
const THEME_VARIABLES: ReadonlyArray<readonly [string, string, string]> = [
    ['foreground', '#3b3b3b', '#cccccc'],
    ['descriptionForeground', '#3b3b3b', '#9d9d9d'],
    ['editor-background', '#ffffff', '#1f1f1f'],
    ['editorWidget-background', '#f8f8f8', '#202020'],
    ['widget-border', '#e5e5e5', '#313131'],
    ['editorRuler-foreground', '#d3d3d3', '#5a5a5a'],
    ['editorIndentGuide-background1', '#d3d3d3', '#404040'],
    ['button-background', '#005fb8', '#0078d4'],
    ['button-foreground', '#ffffff', '#ffffff'],
    ['button-hoverBackground', '#0258a8', '#026ec1'],
    ['button-border', '#0000001a', '#ffffff12'],
    ['button-secondaryBackground', '#e5e5e5', '#313131'],
    ['button-secondaryForeground', '#3b3b3b', '#cccccc'],
    ['button-secondaryHoverBackground', '#cccccc', '#3c3c3c'],
    ['textLink-foreground', '#005fb8', '#4daafc'],
    ['errorForeground', '#f85149', '#f85149'],
    ['editorWarning-foreground', '#bf8803', '#cca700'],
    ['inputValidation-errorBackground', '#f2dede', '#5a1d1d'],
    ['diffEditor-removedLineBackground', '#ff000033', '#ff000033'],
    ['badge-background', '#cccccc', '#616161'],
    ['badge-foreground', '#3b3b3b', '#f8f8f8'],
    ['input-background', '#ffffff', '#313131'],
    ['focusBorder', '#005fb8', '#0078d4'],
    ['testing-iconPassed', '#388a34', '#73c991'],
    ['charts-green', '#388a34', '#89d185'],
    ['charts-blue', '#1a85ff', '#3794ff'],
    ['charts-yellow', '#bf8803', '#cca700'],
    ['charts-red', '#e51400', '#f14c4c'],
    ['charts-orange', '#d18616', '#d18616'],
    ['charts-purple', '#652d90', '#b180d7'],
    ['font-family', 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'system-ui, "Ubuntu", "Droid Sans", sans-serif'],
    ['font-size', '13px', '13px'],
    ['editor-font-family', 'monospace', 'monospace']
];
const THEMES = {
    light: { className: 'vscode-light', colors: Object.fromEntries(THEME_VARIABLES.map(([name, light]) => [name, light])) },
    dark: { className: 'vscode-dark', colors: Object.fromEntries(THEME_VARIABLES.map(([name, , dark]) => [name, dark])) }
} as const;
export type ThemeName = keyof typeof THEMES;

const NONCE = 'test-nonce';

/**
 * The Plan Overview's page as its webview holds it: the extension's shell (with `script`, the
 * URL of media/overview.js) with a theme's variables on the root element and its class on the
 * body, and the sections the extension posts to the page (`message`, for the page's script).
 */
export async function overviewPage(plan: PlanName, theme: ThemeName, script: string, width: number): Promise<{ html: string; message: unknown; compare: unknown }> {
    const webview = { cspSource: 'file:', asWebviewUri: () => ({ toString: () => script }) };
    const shell = overviewViewHtml(webview as never, {} as never, NONCE);
    const { className, colors } = THEMES[theme];
    const variables = Object.entries(colors).map(([name, value]) => `--vscode-${name}: ${value};`).join(' ');
    // VS Code sets the variables on the root element; here a style with the page's nonce does.
    const html = shell
        .replace('</head>', `<style nonce="${NONCE}">:root { ${variables} }</style>\n</head>`)
        .replace('<body>', `<body class="${className}">`);
    const overview = await overviewOfText(PLANS[plan]());
    const extras = plan === 'compared' ? [await lastCommitComparison()] : [];
    const sections = overviewSections(overview, { interactive: true, limit: 25, pageSize: 20, matrixWidth: Math.floor((width - 40) / 40) * 40 }, extras);
    return {
        html,
        message: { type: 'overview', title: overview.plan.title, status: 'Up to date', html: sections },
        compare: { type: 'compare', available: extras.length > 0, pressed: extras.length > 0 }
    };
}

/** The comparison the overview shows of the `compared` plan with its last commit. */
async function lastCommitComparison() {
    const [old, current] = [await overviewOfText(OLD_PLAN), await overviewOfText(NEW_PLAN)];
    return sinceSection('the last commit (10 February 2027)', planDiff(old, current), new Map([...declarationTitles(old), ...declarationTitles(current)]), md);
}

