/**
 * The words in which the editor shows a project's score: the one-line summary of the code lens
 * and the first line of the hover (`score 88 · rank 1 of 2 · quick win`).
 */
import type { PlanAnalysis, ProjectAnalysis } from '../score/quick-win-service.js';

export function scoreLine(entry: ProjectAnalysis, analysis: PlanAnalysis): string {
    return `score ${entry.score} · rank ${entry.rank} of ${analysis.projects.length} · ${entry.quickWin ? 'quick win' : 'not a quick win'}`;
}
