import { strict as assert } from 'node:assert';
import { pinnedModelSetting, SETTING_DEFAULTS, settingId, type SettingKey } from '../../../../src/core/routing/settings';
import { TASK_KINDS } from '../../../../src/core/tasks/taskTypes';
import { declaredSettings } from '../../support/packageJson';

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
    assert.equal(pinnedModelSetting('generate-code'), 'huggingface.models.generateCode');
  });
});
