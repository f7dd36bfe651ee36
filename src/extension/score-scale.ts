/**
 * The full length of a score bar: the sum of the weights in force (100 with the defaults; the
 * score is not normalised, so other weights give another scale). For one plan the server answers
 * the weights in force for it (its config file, else the settings); the workspace view takes the
 * editor's settings (a bad setting means the defaults, as on the server).
 */
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, parseQuickWinSettings, type QuickWinSettings } from '../language/score/quick-win-settings.js';

export function quickWinSettings(): QuickWinSettings {
    const configuration = vscode.workspace.getConfiguration('adopt.quickWins');
    const raw = { weights: configuration.get<unknown>('weights'), threshold: configuration.get<unknown>('threshold') };
    const parsed = parseQuickWinSettings(raw);
    return parsed.ok ? parsed.settings : DEFAULT_SETTINGS;
}

export function fullScore(settings: Pick<QuickWinSettings, 'weights'>): number {
    const total = Object.values(settings.weights).reduce((sum, weight) => sum + weight, 0);
    return total > 0 ? total : 100;
}
