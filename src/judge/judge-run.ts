import { openModel, type ModelSpec } from "../backend/open.js";
import type { EngineOptions, EngineSettings } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import type { Progress } from "../util/progress.js";
import { questionLookup } from "../runner/run-records.js";
import type { RunRecord, RunSampleRow, Store } from "../store/index.js";
import { sha256 } from "../util/hash.js";
import { splitCot } from "../variants/cot.js";
import { judgeAnswer } from "./judge-answer.js";
import { choosePrompt, type ChosenPrompt } from "./prompt-source.js";

export interface JudgeRunOptions extends EngineOptions {
  judge: ModelSpec;
  /** Metrics to judge (default: the experiment's judge.metrics, else every metric its questions have judge prompts for). */
  metrics?: string[];
  progress?: Progress;
}

export interface JudgeRunResult {
  runId: number;
  judgeModel: string;
  /** How the judge ran (recorded with the run beside the subject models' settings). */
  engineSettings: EngineSettings;
  metrics: string[];
  judged: number;
  skipped: number;
  nullScores: number;
  /** Categorical judgments (labels, not numbers), which have no score by design. */
  categorical: number;
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
  const experiment = run.experiment;
  const metrics = options.metrics ?? experiment.judge?.metrics ?? questionMetrics(experiment.questions);
  const questions = new Map(experiment.questions.map((q) => [q.id, q]));
  const question = questionLookup(run);
  const samples = store.listRunSamples(run.id).sort(byQuestion);
  const cotConditions = new Set(store.listConditions(run.id).filter((c) => c.variant.cot).map((c) => c.id));
  // The named prompt set, else the question's own prompt, else emlab's built-in one; a question with none
  // is not judged on that metric (an experiment may give a custom metric to some of its questions only).
  const promptsFrom = experiment.judge?.promptsFrom ?? null;
  const templateFor = (sample: RunSampleRow, metric: string): ChosenPrompt | undefined => choosePrompt(questions.get(sample.questionId), metric, promptsFrom);
  // Check every metric has a prompt before loading the judge.
  for (const metric of metrics) {
    if (samples.length > 0 && !samples.some((s) => templateFor(s, metric) !== undefined)) {
      throw new EmlabError(`no judge prompt for metric '${metric}' (no question of run '${run.name}' has one and emlab has no built-in one)`);
    }
  }

  // The judge reads one prompt at a time: one lane, whatever the subject runs with.
  const model = await openModel(options.judge, { ...options, parallelSequences: 1 });
  const result: JudgeRunResult = { runId: run.id, judgeModel: model.info.path, engineSettings: model.settings, metrics, judged: 0, skipped: 0, nullScores: 0, categorical: 0, seconds: 0 };
  try {
    const judgeModelId = store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: model.settings.backend, info: model.info });
    const session = await model.openSession();
    const groups = metrics.map((metric) => ({ metric, bySha: groupByPrompt(samples, (s) => templateFor(s, metric)) }));
    options.progress?.start(groups.reduce((n, g) => n + [...g.bySha.values()].reduce((m, group) => m + group.samples.length, 0), 0));
    for (const { metric, bySha } of groups) {
      for (const [promptSha, { prompt, samples: group }] of bySha) {
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
              template: prompt.template,
              ...(prompt.labels ? { labels: prompt.labels } : {}),
              question: question(sample.conditionKey, sample.questionId, sample.paraphraseIndex),
              // CoT answers are judged on the answer after the reasoning, as in the ICL paper.
              answer: cotConditions.has(sample.conditionId) ? splitCot(sample.text).answer : sample.text,
            },
          );
          store.upsertJudgments([{ ...judgment, sampleId: sample.sampleId, judgeModelId }]);
          result.judged++;
          if (prompt.labels) result.categorical++;
          else if (judgment.score === null) result.nullScores++;
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
function groupByPrompt(samples: readonly RunSampleRow[], promptFor: (s: RunSampleRow) => ChosenPrompt | undefined) {
  const bySha = new Map<string, { prompt: ChosenPrompt; samples: RunSampleRow[] }>();
  for (const sample of samples) {
    const prompt = promptFor(sample);
    if (prompt === undefined) continue;
    const sha = sha256(prompt.template);
    let group = bySha.get(sha);
    if (!group) bySha.set(sha, (group = { prompt, samples: [] }));
    group.samples.push(sample);
  }
  return bySha;
}

function byQuestion(a: RunSampleRow, b: RunSampleRow): number {
  return a.questionId.localeCompare(b.questionId) || a.paraphraseIndex - b.paraphraseIndex || a.sampleId - b.sampleId;
}
