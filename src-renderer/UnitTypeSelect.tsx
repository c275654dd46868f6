import type { UnitType } from '../src-core/index.js';
import { useI18n } from './i18n/i18n.js';

const UNIT_TYPES: readonly UnitType[] = ['department', 'people_government', 'other'];

/** 单位类型: 部门 / 人民政府 / 其他 — on the start screen, in 报告信息 and in the preferences. */
export function UnitTypeSelect({ name, value, onChange }: { name: string; value: UnitType; onChange: (value: UnitType) => void }) {
  const { t } = useI18n();
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value as UnitType)}>
      {UNIT_TYPES.map((u) => (
        <option key={u} value={u}>
          {t(`unitType_${u}`)}
        </option>
      ))}
    </select>
  );
}
