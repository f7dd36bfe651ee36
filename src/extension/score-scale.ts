/**
 * The full length of a score bar: the sum of the weights in force for the plan (100 with the
 * defaults; the score is not normalised, so other weights give another scale), as the server
 * answers them with the ranking (its config file, else the editor's settings).
 */
import type { SettingsInForce } from '../protocol/rank-protocol.js';

export function fullScore(settings: SettingsInForce): number {
    const total = Object.values(settings.weights).reduce((sum, weight) => sum + weight, 0);
    return total > 0 ? total : 100;
}
