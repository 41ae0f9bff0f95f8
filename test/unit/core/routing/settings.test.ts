import { strict as assert } from 'node:assert';
import { NUMBER_RANGES, numberSetting, pinnedModelSetting, SETTING_DEFAULTS, settingId, type SettingKey } from '../../../../src/core/routing/settings';
import { TASK_KINDS } from '../../../../src/core/tasks/taskTypes';
import { declaredSettings, packageJson } from '../../support/packageJson';

const KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

describe('core/routing/settings', () => {
  it('has every setting package.json declares, and no other', () => {
    const declared = Object.keys(declaredSettings());
    const inCode = KEYS.map(settingId);
    assert.deepEqual(
      declared.filter((id) => !inCode.includes(id)),
      [],
      'declared in package.json but missing from SETTING_DEFAULTS',
    );
    assert.deepEqual(
      inCode.filter((id) => !declared.includes(id)),
      [],
      'in SETTING_DEFAULTS but not declared in package.json',
    );
  });

  it('has the default package.json declares for every setting', () => {
    const declared = declaredSettings();
    for (const key of KEYS) {
      const id = settingId(key);
      assert.ok(declared[id] && 'default' in declared[id], `${id} declares no default in package.json`);
      assert.deepEqual(SETTING_DEFAULTS[key], declared[id].default, `default of ${id}`);
    }
  });

  it('pins each task with a declared setting of its own', () => {
    const ids = TASK_KINDS.map(pinnedModelSetting);
    assert.equal(new Set(ids).size, TASK_KINDS.length);
    for (const id of ids) assert.ok(id in declaredSettings(), `${id} is not declared`);
    assert.equal(pinnedModelSetting('generate-code'), 'huggingFace.models.generateCode');
  });
});

describe('core/routing/settings: number settings are clamped into their range', () => {
  it('declares in package.json the same minimum and maximum as the code, for every number setting', () => {
    const declared = declaredSettings() as Record<string, { minimum?: number; maximum?: number; type?: string }>;
    for (const [key, range] of Object.entries(NUMBER_RANGES)) {
      const id = settingId(key as SettingKey);
      assert.equal(declared[id].minimum, range.min, `${id} minimum`);
      assert.equal(declared[id].maximum, range.max, `${id} maximum`);
    }
    for (const key of KEYS) if (typeof SETTING_DEFAULTS[key] === 'number') assert.ok(key in NUMBER_RANGES, `${key} has a range`);
  });

  it('clamps a timeout that would overflow Node timers, and every other out-of-range value', () => {
    assert.equal(numberSetting('requestTimeoutSeconds', 3e9), 600);
    assert.equal(numberSetting('requestTimeoutSeconds', 0), 60, 'below the minimum: the default');
    assert.equal(numberSetting('maxSelectionChars', 5e6), 1_000_000);
    assert.equal(numberSetting('retry.maxAttempts', 2.6), 3);
    assert.equal(numberSetting('generate.temperature', -1), 0.2);
    assert.equal(numberSetting('quota.monthlyRequests', -5), 30000, 'never "unlimited" by mistake');
  });

  it('falls back to the default for what is not a finite number', () => {
    for (const v of ['60', Number.NaN, Infinity, null, undefined]) assert.equal(numberSetting('requestTimeoutSeconds', v), 60);
  });
});

describe('package.json: a workspace cannot choose where the token goes', () => {
  const URL_SETTINGS = ['huggingFace.hubUrl', 'huggingFace.routerUrl', 'huggingFace.datasetsServerUrl', 'huggingFace.endpoints'];

  it('makes the URL and endpoint settings machine-scoped (user settings only)', () => {
    const declared = declaredSettings() as Record<string, { scope?: string }>;
    for (const id of URL_SETTINGS) assert.equal(declared[id].scope, 'machine', id);
  });

  it('declares them as restricted in untrusted workspaces, and says what is limited', () => {
    const manifest = packageJson() as { capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[]; description?: string } } };
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    // And an untrusted workspace cannot turn on ghost-text completion (it spends the quota) or pick its model or server.
    const COMPLETION = ['huggingFace.completion.enabled', 'huggingFace.completion.model', 'huggingFace.completion.endpoint'];
    assert.deepEqual([...(untrusted?.restrictedConfigurations ?? [])].sort(), [...URL_SETTINGS, ...COMPLETION].sort());
    assert.match(untrusted?.description ?? '', /token/);
    assert.match(untrusted?.description ?? '', /completion/);
  });
});
