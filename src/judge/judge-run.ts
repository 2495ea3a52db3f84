import { loadModel, type BackendName } from "../backend/open.js";
import type { GpuChoice } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import type { Progress } from "../runner/progress.js";
import { questionLookup, storedExperiment } from "../runner/run-records.js";
import type { RunRecord, RunSampleRow, Store } from "../store/index.js";
import { sha256 } from "../util/hash.js";
import { splitCot } from "../variants/cot.js";
import { judgeAnswer } from "./judge-answer.js";
import { builtinJudgePrompt } from "./prompts.js";

export interface JudgeRunOptions {
  judge: { backend: BackendName; path: string; contextSize?: number };
  /** Metrics to judge (default: the experiment's judge.metrics, else aligned and coherent). */
  metrics?: string[];
  gpu?: GpuChoice;
  threads?: number;
  progress?: Progress;
}

export interface JudgeRunResult {
  runId: number;
  judgeModel: string;
  metrics: string[];
  judged: number;
  skipped: number;
  nullScores: number;
  seconds: number;
}

/**
 * Judge every sample of a run with a local judge model, for every metric. Resumable: a judgment is
 * keyed by (sample, metric, judge model hash, judge prompt hash) and never computed twice.
 * Samples are judged grouped by question, so consecutive judge prompts share the template and the
 * question in the judge's KV cache and only the answer is evaluated anew.
 */
export async function judgeRun(store: Store, run: RunRecord, options: JudgeRunOptions): Promise<JudgeRunResult> {
  const started = performance.now();
  const experiment = storedExperiment(run);
  const metrics = options.metrics ?? experiment.judge?.metrics ?? ["aligned", "coherent"];
  const questions = new Map(experiment.questions.map((q) => [q.id, q]));
  const question = questionLookup(run);
  const samples = store.listRunSamples(run.id).sort(byQuestion);
  const cotConditions = new Set(store.listConditions(run.id).filter((c) => c.variant.cot === true).map((c) => c.id));
  const templateFor = (sample: RunSampleRow, metric: string): string => {
    const own = questions.get(sample.questionId)?.judgePrompts[metric];
    const template = own ?? builtinJudgePrompt(metric);
    if (!template) throw new EmlabError(`no judge prompt for metric '${metric}' (question ${sample.questionId} has none and emlab has no built-in one)`);
    return template;
  };
  // Check every metric has a prompt before loading the judge.
  for (const sample of samples) for (const metric of metrics) templateFor(sample, metric);

  const model = await loadModel(options.judge.backend, {
    path: options.judge.path,
    gpu: options.gpu,
    threads: options.threads,
    contextSize: options.judge.contextSize,
  });
  const result: JudgeRunResult = { runId: run.id, judgeModel: model.info.path, metrics, judged: 0, skipped: 0, nullScores: 0, seconds: 0 };
  try {
    const judgeModelId = store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: model.settings.backend, info: model.info });
    const session = await model.openSession();
    options.progress?.start(samples.length * metrics.length);
    for (const metric of metrics) {
      const bySha = new Map<string, RunSampleRow[]>();
      for (const sample of samples) {
        const sha = sha256(templateFor(sample, metric));
        bySha.set(sha, [...(bySha.get(sha) ?? []), sample]);
      }
      for (const [promptSha, group] of bySha) {
        const done = store.judgedSampleIds(group.map((s) => s.sampleId), { metric, judgeModelId, promptSha });
        for (const sample of group) {
          if (done.has(sample.sampleId)) {
            result.skipped++;
            options.progress?.advance(1, 0);
            continue;
          }
          const judgment = await judgeAnswer(
            { model, session },
            {
              metric,
              template: templateFor(sample, metric),
              question: question(sample.conditionKey, sample.questionId, sample.paraphraseIndex),
              // CoT answers are judged on the answer after the reasoning, as in the ICL paper.
              answer: cotConditions.has(sample.conditionId) ? splitCot(sample.text).answer : sample.text,
            },
          );
          store.upsertJudgments([{ ...judgment, sampleId: sample.sampleId, judgeModelId }]);
          result.judged++;
          if (judgment.score === null) result.nullScores++;
          options.progress?.advance(1, 0);
        }
      }
    }
    await session.dispose();
  } finally {
    await model.dispose();
  }
  options.progress?.finish();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function byQuestion(a: RunSampleRow, b: RunSampleRow): number {
  return a.questionId.localeCompare(b.questionId) || a.paraphraseIndex - b.paraphraseIndex || a.sampleId - b.sampleId;
}
