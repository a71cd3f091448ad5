// config/ owns the settings table and loading it (flags > env > config file > defaults).
// Only context.ts and cli/ import it; stages receive plain option values instead.
export { DEFAULT_SETTINGS, SETTING_SPECS, readSettingValue } from './settings.ts';
export type { Settings, SettingKey, SettingSpec, SettingType } from './settings.ts';
export { loadSettings, describeSource } from './load-settings.ts';
export type { LoadSettingsOptions, LoadedSettings, SettingSource } from './load-settings.ts';
