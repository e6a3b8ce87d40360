import { AREAS, isArea, type Area } from './areas';
import { classify, type ClassifyContext } from './classify';
import { bayesFeaturesOf, compileBayes, trainBayes, type BayesCounts } from './classify-bayes';
import type { Verdict } from './verdict';

/** Quality figures for the classifier against labelled messages (the corpus schema). Pure. */

export interface LabelledMessage {
  id: string;
  text: string;
  area: Area;
  urgent: boolean;
  important: boolean;
  hard?: boolean;
}

export interface Prediction {
  area: Area;
  urgent: boolean;
  important: boolean;
}

export interface AreaFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface QualityReport {
  total: number;
  accuracy: number;
  macroF1: number;
  perArea: Record<Area, AreaFigures>;
  /** confusion[actual][predicted] */
  confusion: Record<Area, Record<Area, number>>;
  urgentAccuracy: number;
  importantAccuracy: number;
  misses: Array<{ id: string; expected: Area; got: Area }>;
}

/** Parses JSON Lines in the corpus schema; lines that do not fit are skipped. */
export function parseLabelled(jsonl: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    if (typeof row.id !== 'string' || typeof row.text !== 'string' || !isArea(row.area)) continue;
    out.push({ id: row.id, text: row.text, area: row.area, urgent: row.urgent === true, important: row.important === true, hard: row.hard === true });
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Fold per message id: within each area, ids in hash order dealt round-robin, so folds are stratified and stable. */
function assignFolds(rows: readonly LabelledMessage[], k: number): Map<string, number> {
  const folds = new Map<string, number>();
  for (const area of AREAS) {
    rows
      .filter((r) => r.area === area)
      .sort((a, b) => hash(a.id) - hash(b.id) || a.id.localeCompare(b.id))
      .forEach((r, i) => folds.set(r.id, i % k));
  }
  return folds;
}

export function trainOn(rows: readonly LabelledMessage[]): BayesCounts {
  return trainBayes(rows.map((r) => ({ features: bayesFeaturesOf(r.text), area: r.area, urgent: r.urgent, important: r.important })));
}

/**
 * k-fold cross-validation of the learned part: each message is classified by a model trained on the
 * other folds only. The hand-written rules are the same in every fold (they were written with the
 * development set in view, which the figures must say).
 */
export function crossValidate(rows: readonly LabelledMessage[], k: number, context: ClassifyContext = {}): Map<string, Verdict> {
  const folds = assignFolds(rows, k);
  const out = new Map<string, Verdict>();
  for (let fold = 0; fold < k; fold++) {
    const model = compileBayes(trainOn(rows.filter((r) => folds.get(r.id) !== fold)));
    for (const row of rows) if (folds.get(row.id) === fold) out.set(row.id, classify(row.text, { ...context, model }));
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(rows: readonly LabelledMessage[], predictions: readonly Prediction[]): QualityReport {
  const confusion = Object.fromEntries(AREAS.map((a) => [a, Object.fromEntries(AREAS.map((b) => [b, 0]))])) as Record<Area, Record<Area, number>>;
  let correct = 0;
  let urgent = 0;
  let important = 0;
  const misses: QualityReport['misses'] = [];
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    confusion[row.area][p.area]++;
    if (p.area === row.area) correct++;
    else misses.push({ id: row.id, expected: row.area, got: p.area });
    if (p.urgent === row.urgent) urgent++;
    if (p.important === row.important) important++;
  });
  const perArea = {} as Record<Area, AreaFigures>;
  for (const area of AREAS) {
    const tp = confusion[area][area];
    const predicted = AREAS.reduce((sum, actual) => sum + confusion[actual][area], 0);
    const support = AREAS.reduce((sum, got) => sum + confusion[area][got], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    perArea[area] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const present = AREAS.filter((a) => perArea[a].support > 0);
  return {
    total: rows.length,
    accuracy: ratio(correct, rows.length),
    macroF1: ratio(
      present.reduce((sum, a) => sum + perArea[a].f1, 0),
      present.length,
    ),
    perArea,
    confusion,
    urgentAccuracy: ratio(urgent, rows.length),
    importantAccuracy: ratio(important, rows.length),
    misses,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const SHORT: Record<Area, string> = {
  deep_work: 'deep',
  daily_operations: 'ops',
  online_meeting: 'meeting',
  offline_activity: 'offline',
  emergency: 'emergency',
};

/** Markdown tables: per-area precision/recall/F1, then the confusion matrix (rows: labelled, columns: predicted). */
export function formatReport(report: QualityReport): string {
  const lines = [
    `| area | precision | recall | F1 | support |`,
    `|---|---|---|---|---|`,
    ...AREAS.map((a) => {
      const f = report.perArea[a];
      return `| ${a} | ${pct(f.precision)} | ${pct(f.recall)} | ${f.f1.toFixed(3)} | ${f.support} |`;
    }),
    `| **macro** | | | **${report.macroF1.toFixed(3)}** | ${report.total} |`,
    '',
    `accuracy ${pct(report.accuracy)}, urgent flag ${pct(report.urgentAccuracy)}, important flag ${pct(report.importantAccuracy)}`,
    '',
    `| labelled \\ predicted | ${AREAS.map((a) => SHORT[a]).join(' | ')} |`,
    `|---|${AREAS.map(() => '---').join('|')}|`,
    ...AREAS.map((a) => `| ${SHORT[a]} | ${AREAS.map((b) => (a === b ? `**${report.confusion[a][b]}**` : String(report.confusion[a][b]))).join(' | ')} |`),
  ];
  return lines.join('\n');
}
