/**
 * The schema, as numbered steps. A step is never edited once released: a change to the schema is a
 * new step appended at the end, so every older database can be brought forward by replaying the
 * steps it lacks. Each step runs in its own transaction (see migrate.ts).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** ISO-8601 UTC with milliseconds, the format of every *_at column. */
const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "models, datasets, runs, prompts and samples",
    sql: `
      CREATE TABLE models (
        id            INTEGER PRIMARY KEY,
        path          TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        backend       TEXT NOT NULL,
        architecture  TEXT NOT NULL,
        name          TEXT NOT NULL,
        metadata      TEXT NOT NULL CHECK (json_valid(metadata)),
        created_at    TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;

      CREATE TABLE adapters (
        id            INTEGER PRIMARY KEY,
        path          TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        metadata      TEXT NOT NULL CHECK (json_valid(metadata)),
        created_at    TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;

      CREATE TABLE datasets (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        path          TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('chat-jsonl', 'em-yaml')),
        sha256        TEXT NOT NULL,
        bytes         INTEGER NOT NULL CHECK (bytes >= 0),
        rows          INTEGER NOT NULL CHECK (rows >= 0),
        imported_at   TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;

      CREATE TABLE runs (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL,
        experiment         TEXT NOT NULL CHECK (json_valid(experiment)),
        experiment_text    TEXT NOT NULL,
        experiment_path    TEXT,
        experiment_sha256  TEXT NOT NULL,
        emlab_version      TEXT NOT NULL,
        engine_settings    TEXT NOT NULL CHECK (json_valid(engine_settings)),
        planned_samples    INTEGER CHECK (planned_samples >= 0),
        status             TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'complete', 'failed')),
        error              TEXT,
        created_at         TEXT NOT NULL DEFAULT ${NOW},
        updated_at         TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;
      CREATE INDEX runs_by_experiment ON runs (experiment_sha256);

      CREATE TABLE conditions (
        id               INTEGER PRIMARY KEY,
        run_id           INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        key              TEXT NOT NULL,
        model_id         INTEGER NOT NULL REFERENCES models (id),
        model_ref        TEXT NOT NULL,
        label            TEXT NOT NULL,
        variant          TEXT NOT NULL CHECK (json_valid(variant)),
        prefix_messages  TEXT NOT NULL CHECK (json_valid(prefix_messages)),
        adapters         TEXT NOT NULL CHECK (json_valid(adapters)),
        UNIQUE (run_id, key)
      ) STRICT;

      CREATE TABLE prompts (
        id             INTEGER PRIMARY KEY,
        key            TEXT NOT NULL UNIQUE,
        messages       TEXT NOT NULL CHECK (json_valid(messages)),
        rendered_text  TEXT NOT NULL,
        token_ids      BLOB NOT NULL,
        n_tokens       INTEGER NOT NULL CHECK (n_tokens * 4 = length(token_ids))
      ) STRICT;

      CREATE TABLE samples (
        id             INTEGER PRIMARY KEY,
        key            TEXT NOT NULL UNIQUE,
        prompt_id      INTEGER NOT NULL REFERENCES prompts (id),
        model_id       INTEGER NOT NULL REFERENCES models (id),
        adapters       TEXT NOT NULL CHECK (json_valid(adapters)),
        params         TEXT NOT NULL CHECK (json_valid(params)),
        seed           INTEGER NOT NULL,
        sample_index   INTEGER NOT NULL CHECK (sample_index >= 0),
        text           TEXT NOT NULL,
        n_tokens       INTEGER NOT NULL CHECK (n_tokens * 4 = length(token_ids)),
        token_ids      BLOB NOT NULL,
        logprobs       BLOB NOT NULL CHECK (length(logprobs) = length(token_ids)),
        top_k          INTEGER NOT NULL CHECK (top_k >= 0),
        top_ids        BLOB NOT NULL CHECK (length(top_ids) = n_tokens * top_k * 4),
        top_logprobs   BLOB NOT NULL CHECK (length(top_logprobs) = length(top_ids)),
        finish_reason  TEXT NOT NULL CHECK (finish_reason IN ('eos', 'stop', 'length')),
        created_at     TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;
      CREATE INDEX samples_by_prompt ON samples (prompt_id);

      -- A run's planned cells point at shared sample rows; one link per (cell, sample index), so a
      -- resumed run re-links nothing twice.
      CREATE TABLE run_samples (
        id                INTEGER PRIMARY KEY,
        run_id            INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        condition_id      INTEGER NOT NULL REFERENCES conditions (id) ON DELETE CASCADE,
        question_id       TEXT NOT NULL,
        paraphrase_index  INTEGER NOT NULL CHECK (paraphrase_index >= 0),
        sample_index      INTEGER NOT NULL CHECK (sample_index >= 0),
        sample_id         INTEGER NOT NULL REFERENCES samples (id),
        UNIQUE (run_id, condition_id, question_id, paraphrase_index, sample_index)
      ) STRICT;
      CREATE INDEX run_samples_by_sample ON run_samples (sample_id);
    `,
  },
  {
    version: 2,
    name: "judgments, continuation scores, probe results and labels",
    sql: `
      CREATE TABLE judgments (
        id                INTEGER PRIMARY KEY,
        sample_id         INTEGER NOT NULL REFERENCES samples (id),
        metric            TEXT NOT NULL,
        judge_model_id    INTEGER NOT NULL REFERENCES models (id),
        judge_prompt_sha  TEXT NOT NULL,
        probs             BLOB NOT NULL,
        number_mass       REAL NOT NULL CHECK (number_mass >= 0),
        label_masses      TEXT NOT NULL CHECK (json_valid(label_masses)),
        score             REAL,
        null_reason       TEXT CHECK ((score IS NULL) = (null_reason IS NOT NULL)),
        created_at        TEXT NOT NULL DEFAULT ${NOW},
        UNIQUE (sample_id, metric, judge_model_id, judge_prompt_sha)
      ) STRICT;

      CREATE TABLE scores (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,
        prompt_id   INTEGER NOT NULL REFERENCES prompts (id),
        n_tokens    INTEGER NOT NULL CHECK (n_tokens * 4 = length(token_ids)),
        token_ids   BLOB NOT NULL,
        logprobs    BLOB NOT NULL CHECK (length(logprobs) = length(token_ids)),
        total       REAL NOT NULL,
        details     TEXT NOT NULL CHECK (json_valid(details)),
        created_at  TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;
      CREATE INDEX scores_by_prompt ON scores (prompt_id);

      CREATE TABLE probe_results (
        id            INTEGER PRIMARY KEY,
        key           TEXT NOT NULL UNIQUE,
        run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        condition_id  INTEGER REFERENCES conditions (id) ON DELETE CASCADE,
        probe         TEXT NOT NULL,
        item_key      TEXT NOT NULL,
        value         REAL,
        details       TEXT NOT NULL CHECK (json_valid(details)),
        created_at    TEXT NOT NULL DEFAULT ${NOW}
      ) STRICT;
      CREATE INDEX probe_results_by_run ON probe_results (run_id, probe);

      CREATE TABLE labels (
        id          INTEGER PRIMARY KEY,
        sample_id   INTEGER NOT NULL REFERENCES samples (id),
        kind        TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source IN ('human', 'judge')),
        label       TEXT NOT NULL,
        labeler     TEXT NOT NULL,
        created_at  TEXT NOT NULL DEFAULT ${NOW},
        UNIQUE (sample_id, kind, source, labeler)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: "run owners: the process running a run (busy databases, interrupted runs)",
    sql: `
      ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE runs ADD COLUMN owner_host TEXT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
