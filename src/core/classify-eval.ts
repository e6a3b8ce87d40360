import { AREAS, isArea, type Area } from './areas';

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
