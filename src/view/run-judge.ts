import { scalarStatement, type Db } from "../store/db.js";

/**
 * The judge model whose verdicts the viewer shows: the most recent one that judged the run, as the
 * report chooses (src/report/run-answers.ts), so the two never disagree. Null before any judgment.
 */
export function runJudgeModel(db: Db, runId: number): number | null {
  return (
    (scalarStatement(
      db,
      // Newest judgment first, stopping at the first of this run's samples (not a list of all of them).
      `SELECT j.judge_model_id FROM judgments j
       WHERE EXISTS (SELECT 1 FROM run_samples rs WHERE rs.sample_id = j.sample_id AND rs.run_id = ?) ORDER BY j.id DESC LIMIT 1`,
    ).get(runId) as number | undefined) ?? null
  );
}

/** SQL for one metric's newest score of a sample (rs.sample_id) by judge @judge. */
export function scoreColumn(metric: "aligned" | "coherent"): string {
  return `(SELECT j.score FROM judgments j WHERE j.sample_id = rs.sample_id AND j.metric = '${metric}'
     AND j.judge_model_id = @judge ORDER BY j.id DESC LIMIT 1)`;
}
