/**
 * A code lens above each project: `score 88 · rank 1 of 2 · quick win`, and, when the project has
 * action items, how many are done: `· 2/3 actions done`, and its status when it is not on track
 * (`· late`, docs/language.md#status). Clicking it runs the client's
 * `adopt.rankQuickWins` command with the document's uri.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { planOfDocument } from '../model/plan-model.js';
import { RANK_QUICK_WINS_COMMAND } from '../../protocol/rank-protocol.js';
import { projectStatus, statusWords } from '../model/plan-status.js';
import { actionsDoneText } from './adopt-action-text.js';
import { scoreLine } from './adopt-score-text.js';

export class AdoptCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: AdoptServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const plan = planOfDocument(document);
        if (!plan.$cstNode) return [];
        const analysis = this.services.score.QuickWins.analyze(plan);
        const uri = document.textDocument.uri;
        const today = this.services.model.Today.current;
        return analysis.projects.flatMap(entry => {
            if (!entry.project.$cstNode) return [];
            const start = this.services.syntax.Facts.start(entry.project);
            const status = projectStatus(entry.project, today);
            const title = [scoreLine(entry, analysis), actionsDoneText(entry.project.actions), status === 'on-track' ? undefined : statusWords(status)]
                .filter(Boolean).join(' · ');
            return [{
                range: { start, end: start },
                command: { title, command: RANK_QUICK_WINS_COMMAND, arguments: [uri] }
            }];
        });
    }
}
