import { loadModel, type BackendName } from "../backend/open.js";
import type { EndpointSpec } from "../backend/served/endpoint-spec.js";
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
  /** A local judge model, or a served one (backend "served" with its endpoint). */
  judge: { backend: BackendName; path: string; contextSize?: number; endpoint?: EndpointSpec };
  /** Metrics to judge (default: the experiment's judge.metrics, else every metric its questions have judge prompts for). */
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
  const metrics = options.metrics ?? experiment.judge?.metrics ?? questionMetrics(experiment.questions);
  const questions = new Map(experiment.questions.map((q) => [q.id, q]));
  const question = questionLookup(run);
  const samples = store.listRunSamples(run.id).sort(byQuestion);
  const cotConditions = new Set(store.listConditions(run.id).filter((c) => c.variant.cot === true).map((c) => c.id));
  // The question's own prompt, else emlab's built-in one; a question with neither is not judged on that
  // metric (an experiment may give a custom metric to some of its questions only).
  const templateFor = (sample: RunSampleRow, metric: string): string | undefined =>
    questions.get(sample.questionId)?.judgePrompts[metric] ?? builtinJudgePrompt(metric);
  // Check every metric has a prompt before loading the judge.
  for (const metric of metrics) {
    if (samples.length > 0 && !samples.some((s) => templateFor(s, metric) !== undefined)) {
      throw new EmlabError(`no judge prompt for metric '${metric}' (no question of run '${run.name}' has one and emlab has no built-in one)`);
    }
  }

  const model = await loadModel(options.judge.backend, {
    path: options.judge.path,
    gpu: options.gpu,
    threads: options.threads,
    contextSize: options.judge.contextSize,
    ...(options.judge.endpoint ? { endpoint: options.judge.endpoint } : {}),
  });
  const result: JudgeRunResult = { runId: run.id, judgeModel: model.info.path, metrics, judged: 0, skipped: 0, nullScores: 0, seconds: 0 };
  try {
    const judgeModelId = store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: model.settings.backend, info: model.info });
    const session = await model.openSession();
    const groups = metrics.map((metric) => ({ metric, bySha: groupByPrompt(samples, (s) => templateFor(s, metric)) }));
    options.progress?.start(groups.reduce((n, g) => n + [...g.bySha.values()].reduce((m, group) => m + group.samples.length, 0), 0));
    for (const { metric, bySha } of groups) {
      for (const [promptSha, { template, samples: group }] of bySha) {
        const done = store.judgedSampleIds(group.map((s) => s.sampleId), { metric, judgeModelId, promptSha });
        for (const sample of group) {
          if (done.has(sample.sampleId)) {
            result.skipped++;
            options.progress?.skip(1);
            continue;
          }
          const judgment = await judgeAnswer(
            { model, session },
            {
              metric,
              template,
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

/** Every metric the run's questions have a judge prompt for (aligned and coherent when none has any). */
function questionMetrics(questions: readonly { judgePrompts: Record<string, string> }[]): string[] {
  const metrics = [...new Set(questions.flatMap((q) => Object.keys(q.judgePrompts)))];
  return metrics.length > 0 ? metrics : ["aligned", "coherent"];
}

/** Samples by the hash of their judge prompt for one metric; samples without a prompt are left out. */
function groupByPrompt(samples: readonly RunSampleRow[], templateFor: (s: RunSampleRow) => string | undefined) {
  const bySha = new Map<string, { template: string; samples: RunSampleRow[] }>();
  for (const sample of samples) {
    const template = templateFor(sample);
    if (template === undefined) continue;
    const sha = sha256(template);
    let group = bySha.get(sha);
    if (!group) bySha.set(sha, (group = { template, samples: [] }));
    group.samples.push(sample);
  }
  return bySha;
}

function byQuestion(a: RunSampleRow, b: RunSampleRow): number {
  return a.questionId.localeCompare(b.questionId) || a.paraphraseIndex - b.paraphraseIndex || a.sampleId - b.sampleId;
}
