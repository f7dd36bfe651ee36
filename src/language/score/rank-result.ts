/**
 * Builds the shared rank result (see src/protocol/rank-protocol.ts) from a built document, and
 * keeps it while the document's diagnostics and analysis stay the same (repeated
 * `adopt/rankQuickWins` requests on one version only serialise it).
 */
import { DocumentCache, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { allMembers, planOfDocument, usedBlocksWithPaths, type Block } from '../model/plan-model.js';
import type { AdoptServices } from '../adopt-module.js';
import { planStatus } from '../model/plan-status.js';
import type { PlanAnalysis } from './quick-win-service.js';
import type { RankDiagnostic, RankResult, SeverityName, UsedFile } from '../../protocol/rank-protocol.js';

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function severityName(diagnostic: Diagnostic): SeverityName {
    return SEVERITY_NAMES[diagnostic.severity ?? 1] ?? 'error';
}

export function toRankDiagnostic(diagnostic: Diagnostic): RankDiagnostic {
    return {
        code: String(diagnostic.code ?? 'syntax-error'),
        severity: severityName(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1
    };
}

/** Diagnostics in document order. */
export function sortedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.severity ?? 1) - (b.severity ?? 1));
}

/**
 * The shared files a plan uses, with what each brings into it (docs/language.md#plans-in-many-files),
 * in the order of its `use` lines: what the overview, the report and the workspace ranking mark
 * with their file.
 */
export function usedFilesOf(block: Block): UsedFile[] {
    const named = (node: { name?: string; title?: string }) => ({ name: node.name ?? '', title: node.title ?? '' });
    return usedBlocksWithPaths(block).map(({ path, shared }) => ({
        file: path,
        ...named(shared),
        members: allMembers(shared).map(named),
        channels: shared.channels.map(named),
        initiatives: shared.initiatives.map(named)
    }));
}

export function buildRankResult(document: LangiumDocument, services: AdoptServices, today = services.model.Today.current): RankResult {
    const plan = planOfDocument(document);
    const analysis = services.score.QuickWins.analyze(plan);
    const status = planStatus(plan, today);
    return {
        plan: plan.name ?? '',
        status: status.status,
        projects: analysis.ranked.map(entry => ({
            rank: entry.rank,
            name: entry.project.name ?? '',
            title: entry.project.title ?? '',
            stage: entry.stage.name ?? '',
            score: entry.score,
            quickWin: entry.quickWin,
            parts: { ...entry.points },
            missing: [...entry.missing],
            effort: entry.effort ?? null,
            status: status.projects.get(entry.project) ?? 'on-track',
            line: services.syntax.Facts.start(entry.project).line + 1
        })),
        diagnostics: sortedDiagnostics(document.diagnostics ?? []).map(toRankDiagnostic)
    };
}

/** What a rank result was built from: one validation's diagnostics (the array a validation sets), one analysis and the day (statuses). */
interface BuiltResult {
    readonly diagnostics: readonly Diagnostic[];
    readonly analysis: PlanAnalysis;
    readonly today: string;
    readonly result: RankResult;
}

/**
 * `buildRankResult`, built once per document version and settings: a new validation sets a new
 * diagnostics array, a change of text or settings gives a new analysis, and either builds anew.
 * The results are shared: callers must not change them.
 */
export class RankResults {
    private readonly built: DocumentCache<string, BuiltResult>;

    constructor(private readonly services: AdoptServices) {
        this.built = new DocumentCache(services.shared);
    }

    of(document: LangiumDocument): RankResult {
        const diagnostics = document.diagnostics;
        if (!diagnostics) return buildRankResult(document, this.services);
        const analysis = this.services.score.QuickWins.analyze(planOfDocument(document));
        const today = this.services.model.Today.current;
        const cached = this.built.get(document.uri, 'rank', () => ({ diagnostics, analysis, today, result: buildRankResult(document, this.services, today) }));
        if (cached.diagnostics === diagnostics && cached.analysis === analysis && cached.today === today) return cached.result;
        const result = buildRankResult(document, this.services, today);
        this.built.set(document.uri, 'rank', { diagnostics, analysis, today, result });
        return result;
    }
}
