/**
 * The rules in force for a plan: the quick-win weights and threshold, and the severity of each
 * code. Each value comes from the nearest config file if it names it, else from the editor's
 * settings if they name it, else from the defaults (docs/configuration.md: the config file wins over
 * the settings). A config file with a problem counts as no config file: the plan gets the
 * defaults and settings, never nothing.
 */
import type { URI } from 'langium';
import { Emitter, type Event } from 'vscode-languageserver';
import type { AdoptSettings } from '../score/adopt-settings.js';
import { mergeQuickWinSettings, type QuickWinSettings } from '../score/quick-win-settings.js';
import type { SeverityOverrides } from './adopt-config-schema.js';
import type { AdoptConfigFiles, ConfigFile } from './adopt-config-files.js';

export interface RulesInForce {
    readonly quickWins: QuickWinSettings;
    readonly severity: SeverityOverrides;
    /** The config file found for the plan, valid or not. */
    readonly configFile?: ConfigFile;
}

export class SettingsInForce {
    /** The rules for the plans without a config file, and for those of each config file read. */
    private withoutFile: RulesInForce | undefined;
    private byFile = new WeakMap<ConfigFile, RulesInForce>();
    private readonly changed = new Emitter<void>();

    constructor(private readonly files: AdoptConfigFiles, private readonly editor: AdoptSettings) {
        // A new lookup gives new ConfigFile objects; rules merged with old editor settings go.
        const forget = () => {
            this.withoutFile = undefined;
            this.byFile = new WeakMap();
            this.changed.fire();
        };
        files.onDidChange(forget);
        editor.onDidChange(forget);
    }

    /** Fires when the rules in force may have changed (a config file or a setting changed). */
    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    /** The rules in force for the plan at `uri`. */
    for(uri: URI): RulesInForce {
        const file = this.files.lookup(uri);
        if (!file) {
            this.withoutFile ??= { quickWins: this.editor.current, severity: this.editor.severity };
            return this.withoutFile;
        }
        let rules = this.byFile.get(file);
        if (!rules) {
            const config = file.config;
            rules = config
                ? { quickWins: mergeQuickWinSettings(this.editor.current, config), severity: { ...this.editor.severity, ...config.severity }, configFile: file }
                : { quickWins: this.editor.current, severity: this.editor.severity, configFile: file };
            this.byFile.set(file, rules);
        }
        return rules;
    }
}
