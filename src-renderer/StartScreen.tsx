import { useEffect, useState } from 'react';
import { loadTemplate, type Template } from '../src-core/index.js';
import type { IpcResponse } from '../src-main/ipc/contract.js';
import { drs } from './api.js';

type RecoveryEntry = IpcResponse<'listRecovery'>['entries'][number];
type RecentFile = IpcResponse<'listRecentFiles'>['files'][number];

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** The first screen: the formats this installation knows, recent files, and unsaved work found at start. */
export function StartScreen() {
  const [formats, setFormats] = useState<Template[]>([]);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recovery, setRecovery] = useState<RecoveryEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const templates = await drs.listTemplates({});
      if (!templates.ok) return setProblem(templates.error.message['zh-CN']);
      try {
        const loaded = templates.value.templates.map((t) => loadTemplate(t.json, t.file));
        setFormats(loaded.sort((a, b) => Number(b.default) - Number(a.default) || b.years.from - a.years.from));
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
      const files = await drs.listRecentFiles({});
      if (files.ok) setRecent(files.value.files);
      const found = await drs.listRecovery({});
      if (found.ok) setRecovery(found.value.entries);
    })();
  }, []);

  return (
    <main className="start">
      <h1>公开年报工作台</h1>
      <p className="subtitle">政府信息公开工作年度报告的编写、检查与导出 · Disclosure Report Studio</p>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {recovery.length > 0 ? (
        <section aria-label="未保存的工作">
          <h2>未保存的工作</h2>
          <ul className="cards" data-testid="recovery-list">
            {recovery.map((r) => (
              <li key={r.docId}>
                {r.title}
                <span className="meta">
                  暂存于 {when(r.savedAt)} · 文件保存于 {when(r.fileSavedAt)}
                  {r.newerThanFile ? ' · 比文件更新' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section aria-label="最近打开">
          <h2>最近打开</h2>
          <ul className="cards" data-testid="recent-list">
            {recent.map((f) => (
              <li key={f.path}>
                {f.path}
                <span className="meta">上次保存：{when(f.lastSavedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>报告格式</h2>
      <ul className="cards" data-testid="format-list">
        {formats.map((f) => (
          <li key={f.id}>
            {f.name['zh-CN']}
            <span className="id">{f.id}</span>
            {f.default ? <span className="default">默认</span> : null}
            <span className="meta">
              适用年度：{f.years.from} 年{f.years.to === undefined ? ' 起' : ` 至 ${f.years.to} 年`}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
