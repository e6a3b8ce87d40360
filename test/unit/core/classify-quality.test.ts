import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify } from '../../../src/core/classify';
import type { BayesCounts } from '../../../src/core/classify-bayes';
import shipped from '../../../src/core/classify-bayes-model.json';
import { crossValidate, evaluate, parseLabelled, trainOn } from '../../../src/core/classify-eval';

// CI clones the repository with ../shared beside it.
const DEV = path.resolve(__dirname, '../../../../shared/corpus/dev.jsonl');
const EXTRA = path.resolve(__dirname, '../../fixtures/classifier-extra.jsonl');
const dev = parseLabelled(readFileSync(DEV, 'utf8'));
const extra = parseLabelled(readFileSync(EXTRA, 'utf8'));

// Floors sit a little under what was measured when they were set (BENCHMARKS.md has the current figures),
// so a change that costs real quality fails here; `npm run bench -- quality` shows where.
describe('classifier quality on the development corpus', () => {
  test('the shipped model was trained on the current corpus and cases', () => {
    // If this fails: npm run build && node dist/bench/classify-quality.bench.js --write-model
    expect(shipped as BayesCounts).toEqual(JSON.parse(JSON.stringify(trainOn([...dev, ...extra]))));
  });

  test('holds its floor on the corpus (trained on it: an optimistic figure)', () => {
    const report = evaluate(dev, dev.map((r) => classify(r.text)));
    expect(report.macroF1).toBeGreaterThanOrEqual(0.97);
    expect(report.perArea.emergency.recall).toBeGreaterThanOrEqual(0.97);
    expect(report.perArea.emergency.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.urgentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.importantAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  test('holds its floor in 10-fold cross-validation over the corpus and our cases', () => {
    const all = [...dev, ...extra];
    const folds = crossValidate(all, 10);
    const report = evaluate(all, all.map((r) => folds.get(r.id)!));
    expect(report.macroF1).toBeGreaterThanOrEqual(0.94);
    expect(report.perArea.emergency.recall).toBeGreaterThanOrEqual(0.96);
    expect(report.perArea.emergency.precision).toBeGreaterThanOrEqual(0.93);
    // The flags are learned too; each fold's model learned them without the fold's messages.
    expect(report.urgentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.importantAccuracy).toBeGreaterThanOrEqual(0.9);
    const devOnly = evaluate(dev, dev.map((r) => folds.get(r.id)!));
    expect(devOnly.macroF1).toBeGreaterThanOrEqual(0.93);
    expect(devOnly.perArea.emergency.recall).toBeGreaterThanOrEqual(0.97);
  });
});
