import gov2008 from '../templates/gov-2008.json' with { type: 'json' };
import gov2019 from '../templates/gov-2019.json' with { type: 'json' };
import gov2021 from '../templates/gov-2021.json' with { type: 'json' };
import { loadTemplate } from '../src-core/index.js';

/** The formats are shown from the same data files, validated the same way, as the checks use. */
const FORMATS = [loadTemplate(gov2021, 'gov-2021.json'), loadTemplate(gov2019, 'gov-2019.json'), loadTemplate(gov2008, 'gov-2008.json')];

export function StartScreen() {
  return (
    <main className="start">
      <h1>公开年报工作台</h1>
      <p className="subtitle">政府信息公开工作年度报告的编写、检查与导出 · Disclosure Report Studio</p>
      <h2>报告格式</h2>
      <ul className="formats">
        {FORMATS.map((f) => (
          <li key={f.id}>
            {f.name['zh-CN']}
            <span className="id">{f.id}</span>
            {f.default ? <span className="default">默认</span> : null}
            <span className="years">
              适用年度：{f.years.from} 年{f.years.to === undefined ? ' 起' : ` 至 ${f.years.to} 年`}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
