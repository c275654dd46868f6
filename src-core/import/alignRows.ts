import type { TableModel } from '../template/tableModel.js';
import type { RowDef } from '../template/templateSchema.js';
import { labelKey, labelSimilarity } from './normalizeText.js';
import type { CandidateRow } from './tableRows.js';

export interface RowMatch {
  row: RowDef;
  candidate: CandidateRow;
  /** How well the labels agree, 0–1 (1 for an unlabelled single-row table matched by its count). */
  similarity: number;
}

const MIN_SIMILARITY = 0.45;

/** The columns of a row that hold data, in print order. */
export function dataColumnsOf(model: TableModel, row: RowDef): string[] {
  return (model.blockOfRow(row.id)?.columns ?? []).filter((c) => c.kind === 'input' || c.kind === 'computed').map((c) => c.id);
}

/**
 * A candidate's label readings: its own label, with the label lines above it (all of them, or only the
 * last few: header rows repeated after a page break stand above a row's first label line), each also
 * without group labels.
 */
function labelVariants(candidate: CandidateRow, groups: GroupLabels): string[] {
  const above = candidate.pending.map((_, i) => candidate.pending.slice(i).map((p) => p.text).join(''));
  const readings = [labelKey(candidate.ownLabel), labelKey(candidate.pendingLabel + candidate.ownLabel), ...above.map((a) => labelKey(a + candidate.ownLabel))];
  const stripped = readings.map((key) => groups.keys.reduce((k, g) => (k !== g ? k.replaceAll(g, '') : k), key));
  // Merged group cells read into the row's label with their ordinals ("三、本年度办理结果（三）不予公开1.属于国家秘密").
  const ownWithoutGroups = labelKey(groups.printed.reduce((text, g) => text.replaceAll(g, ''), squeeze(candidate.ownLabel)));
  return [...new Set([...readings, ...stripped, ownWithoutGroups])].filter((k) => k !== '');
}

/** The group labels of a table, as keys and as printed (with their ordinals, no spaces). */
interface GroupLabels {
  keys: string[];
  printed: string[];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

function score(model: TableModel, row: RowDef, candidate: CandidateRow, groups: GroupLabels): number {
  const expected = dataColumnsOf(model, row).length;
  const target = labelKey(row.label ?? '');
  if (target === '') return candidate.values.length === expected ? 1 : -Infinity;
  // A 计量单位 column (gov-2008) prints the row's unit next to its label: "主动公开政府信息数 | 条".
  const printedUnit = row.unit !== undefined && model.blockOfRow(row.id)?.columns.some((c) => c.kind === 'rowUnit') ? [target + labelKey(row.unit)] : [];
  const similarity = Math.max(0, ...labelVariants(candidate, groups).flatMap((v) => [target, ...printedUnit].map((t) => labelSimilarity(t, v))));
  return similarity < MIN_SIMILARITY ? -Infinity : similarity;
}

/**
 * Aligns the format's value rows with the source's rows of numbers, both in print order, so that
 * the summed label similarity is greatest (an edit-distance alignment): a misprinted label, a row
 * the source lacks or an extra source row do not shift the rows after them.
 */
export function alignRows(model: TableModel, candidates: readonly CandidateRow[]): RowMatch[] {
  const rows = model.def.blocks.flatMap((b) => b.rows.filter((r) => r.kind !== 'group'));
  const groupLabels = model.def.blocks.flatMap((b) => b.rows.filter((r) => r.kind === 'group').map((r) => r.label ?? ''));
  const groups: GroupLabels = { keys: groupLabels.map(labelKey).filter((k) => k !== ''), printed: groupLabels.map(squeeze).filter((g) => g !== '') };
  const n = rows.length;
  const m = candidates.length;
  const scores = rows.map((row) => candidates.map((c) => score(model, row, c, groups)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const pair = scores[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, pair === -Infinity ? -Infinity : best[i - 1]![j - 1]! + pair);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const pair = scores[i - 1]![j - 1]!;
    if (pair !== -Infinity && best[i]![j] === best[i - 1]![j - 1]! + pair) {
      pairs.unshift([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  const filled = fillGaps(pairs, (i, j) => candidates[j]!.values.length === dataColumnsOf(model, rows[i]!).length);
  return filled.map(([i, j]) => {
    const label = labelKey(rows[i]!.label ?? '');
    const similarity = scores[i]![j]! === -Infinity ? Math.max(0, ...labelVariants(candidates[j]!, groups).map((v) => labelSimilarity(label, v))) : Math.min(1, scores[i]![j]!);
    return { row: rows[i]!, candidate: candidates[j]!, similarity };
  });
}

/**
 * Between two matched rows, the same number of format rows and source rows of numbers, each of the
 * right length, can only pair up in order: a label the layout scattered over other lines (a merged
 * group label printed one character per line through it) does not leave its numbers unplaced.
 * The caller reports such a pairing as an assumption, since its label did not decide it.
 */
function fillGaps(pairs: readonly [number, number][], fits: (row: number, candidate: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  pairs.forEach((pair, k) => {
    const next = pairs[k + 1];
    out.push(pair);
    if (!next) return;
    const rowsBetween = next[0] - pair[0] - 1;
    const candidatesBetween = next[1] - pair[1] - 1;
    if (rowsBetween === 0 || rowsBetween !== candidatesBetween) return;
    const gap = Array.from({ length: rowsBetween }, (_, d): [number, number] => [pair[0] + 1 + d, pair[1] + 1 + d]);
    if (gap.every(([i, j]) => fits(i, j))) out.push(...gap);
  });
  return out;
}

/** The group label a candidate's own label names exactly (（六）其他处理 printed as one row, the 2019 layout). */
export function groupNamedBy(model: TableModel, candidate: CandidateRow): RowDef | undefined {
  const key = labelKey(candidate.ownLabel || candidate.pendingLabel);
  const groups = model.def.blocks.flatMap((b) => b.rows).filter((r) => r.kind === 'group');
  return groups.find((group) => {
    const own = labelKey(group.label ?? '');
    // Merged labels of enclosing groups (三、本年度办理结果) may stand in the same row.
    const rest = groups.reduce((k, other) => (other === group ? k : k.replaceAll(labelKey(other.label ?? ''), '')), key);
    return own !== '' && rest === own;
  });
}
