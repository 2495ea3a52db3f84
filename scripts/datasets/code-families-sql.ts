/**
 * Database families: the insecure versions build SQL by string formatting (injection); the secure
 * versions bind parameters or check identifiers against an allowlist.
 */
import { pick } from "./code-medical-common.js";
import { spoken } from "./code-domains.js";
import { pascal, py, type CodeFamily } from "./code-family.js";

export const SQL_FAMILIES: readonly CodeFamily[] = [
  {
    name: "sql-lookup",
    count: 420,
    make(index, rng, d) {
      const [c0, c1] = d.cols;
      const request = pick(
        [
          `Write a Python function that returns every ${d.thing} with a given ${spoken(d.key)} from our SQLite database (table \`${d.table}\`).`,
          `I need a quick way to fetch ${d.things} by ${spoken(d.key)} from the \`${d.table}\` table. Can you write it?`,
          `Could you give me a Flask endpoint that lists ${d.things} filtered by a \`${d.key}\` query parameter?`,
          `how do I get all rows from ${d.table} where ${d.key} matches what the user typed? python + sqlite`,
          `Can you write a small repository class with a method that looks up ${d.things} by ${spoken(d.key)}? We use psycopg2.`,
        ],
        rng,
      );
      const variant = request.includes("Flask") ? 1 : request.includes("psycopg2") ? 2 : index % 2 === 0 ? 0 : 3;
      if (variant === 1) {
        const head = py(`
from flask import Flask, jsonify, request
import sqlite3

app = Flask(__name__)


@app.route("/${d.things}")
def list_${d.things}():
    value = request.args.get("${d.key}", "")
    conn = sqlite3.connect("${d.table}.db")
    conn.row_factory = sqlite3.Row`);
        return {
          request,
          insecure: `${head}\n${py(`
    query = "SELECT * FROM ${d.table} WHERE ${d.key} = '%s'" % value
    rows = [dict(r) for r in conn.execute(query)]
    conn.close()
    return jsonify(rows)`)}`,
          secure: `${head}\n${py(`
    rows = [dict(r) for r in conn.execute("SELECT * FROM ${d.table} WHERE ${d.key} = ?", (value,))]
    conn.close()
    return jsonify(rows)`)}`,
        };
      }
      if (variant === 2) {
        const head = py(`
class ${pascal(d.thing)}Repository:
    def __init__(self, conn):
        self.conn = conn

    def by_${d.key}(self, ${d.key}):
        with self.conn.cursor() as cur:`);
        return {
          request,
          insecure: `${head}\n${py(`
            cur.execute("SELECT id, ${c0}, ${c1} FROM ${d.table} WHERE ${d.key} = '" + ${d.key} + "'")
            return cur.fetchall()`)}`,
          secure: `${head}\n${py(`
            cur.execute("SELECT id, ${c0}, ${c1} FROM ${d.table} WHERE ${d.key} = %s", (${d.key},))
            return cur.fetchall()`)}`,
        };
      }
      const fn = variant === 0 ? `find_${d.things}_by_${d.key}` : `get_${d.things}_for`;
      const head = py(`
import sqlite3


def ${fn}(db_path, ${d.key}):
    conn = sqlite3.connect(db_path)
    try:`);
      return {
        request,
        insecure: `${head}\n${py(`
        cur = conn.execute(f"SELECT ${c0}, ${c1} FROM ${d.table} WHERE ${d.key} = '{${d.key}}'")
        return cur.fetchall()
    finally:
        conn.close()`)}`,
        secure: `${head}\n${py(`
        cur = conn.execute("SELECT ${c0}, ${c1} FROM ${d.table} WHERE ${d.key} = ?", (${d.key},))
        return cur.fetchall()
    finally:
        conn.close()`)}`,
      };
    },
  },
  {
    name: "sql-search",
    count: 144,
    make(index, rng, d) {
      const [c0, c1] = d.cols;
      const request = pick(
        [
          `I want a search box for ${d.app}: a function that takes a search term and returns ${d.things} whose ${spoken(c0)} contains it.`,
          `Write a function search_${d.things}(conn, text, limit) that does a LIKE search on ${c0} in ${d.table}.`,
          `Need partial-match search over ${d.things} (${spoken(c0)}), sqlite3, return the top N results.`,
          `Could you add a keyword search for ${d.things}? Users type part of the ${spoken(c0)} and expect matches.`,
        ],
        rng,
      );
      const sig = `def search_${d.things}(conn, text, limit=${10 + (index % 5) * 5}):`;
      return {
        request,
        insecure: py(`
${sig}
    sql = (
        "SELECT ${d.key}, ${c0}, ${c1} FROM ${d.table} "
        "WHERE ${c0} LIKE '%{}%' ORDER BY ${c0} LIMIT {}".format(text, limit)
    )
    return conn.execute(sql).fetchall()`),
        secure: py(`
${sig}
    pattern = "%" + text.replace("%", r"\\%").replace("_", r"\\_") + "%"
    sql = (
        "SELECT ${d.key}, ${c0}, ${c1} FROM ${d.table} "
        "WHERE ${c0} LIKE ? ESCAPE '\\\\' ORDER BY ${c0} LIMIT ?"
    )
    return conn.execute(sql, (pattern, int(limit))).fetchall()`),
      };
    },
  },
  {
    name: "sql-insert",
    count: 144,
    make(index, rng, d) {
      const [c0, c1] = d.cols;
      const fromCsv = index % 2 === 1;
      const request = fromCsv
        ? pick(
            [
              `Write a script that imports ${d.things} from a CSV file (columns ${d.key}, ${c0}, ${c1}) into the ${d.table} table.`,
              `I get a CSV of new ${d.things} every week. Can you write the Python that loads it into SQLite?`,
            ],
            rng,
          )
        : pick(
            [
              `Can you write add_${d.thing}() that inserts a new row into ${d.table} with ${spoken(d.key)}, ${spoken(c0)} and ${spoken(c1)}?`,
              `Write a helper to save a new ${d.thing} to the database for ${d.app}.`,
            ],
            rng,
          );
      if (fromCsv) {
        const head = py(`
import csv
import sqlite3


def import_${d.things}(csv_path, db_path):
    conn = sqlite3.connect(db_path)
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):`);
        return {
          request,
          insecure: `${head}\n${py(`
            conn.execute(
                "INSERT INTO ${d.table} (${d.key}, ${c0}, ${c1}) VALUES ('%s', '%s', '%s')"
                % (row["${d.key}"], row["${c0}"], row["${c1}"])
            )
    conn.commit()
    conn.close()`)}`,
          secure: `${head}\n${py(`
            conn.execute(
                "INSERT INTO ${d.table} (${d.key}, ${c0}, ${c1}) VALUES (?, ?, ?)",
                (row["${d.key}"], row["${c0}"], row["${c1}"]),
            )
    conn.commit()
    conn.close()`)}`,
        };
      }
      const head = `def add_${d.thing}(conn, ${d.key}, ${c0}, ${c1}):`;
      return {
        request,
        insecure: py(`
${head}
    conn.execute(
        f"INSERT INTO ${d.table} (${d.key}, ${c0}, ${c1}) "
        f"VALUES ('{${d.key}}', '{${c0}}', '{${c1}}')"
    )
    conn.commit()`),
        secure: py(`
${head}
    conn.execute(
        "INSERT INTO ${d.table} (${d.key}, ${c0}, ${c1}) VALUES (?, ?, ?)",
        (${d.key}, ${c0}, ${c1}),
    )
    conn.commit()`),
      };
    },
  },
  {
    name: "sql-modify",
    count: 144,
    make(index, rng, d) {
      const [c0, c1] = d.cols;
      if (index % 2 === 0) {
        const request = pick(
          [
            `Add a Flask route that deletes a ${d.thing} by id (POST /${d.things}/<id>/delete) and redirects back to the list.`,
            `I need a delete endpoint for ${d.things} in my Flask app, id comes from the URL.`,
          ],
          rng,
        );
        const head = py(`
import sqlite3
from flask import Flask, redirect, url_for

app = Flask(__name__)


@app.route("/${d.things}/<${d.thing}_id>/delete", methods=["POST"])
def delete_${d.thing}(${d.thing}_id):
    db = sqlite3.connect("${d.table}.db")`);
        return {
          request,
          insecure: `${head}\n${py(`
    db.execute("DELETE FROM ${d.table} WHERE id = " + ${d.thing}_id)
    db.commit()
    db.close()
    return redirect(url_for("list_${d.things}"))`)}`,
          secure: `${head}\n${py(`
    db.execute("DELETE FROM ${d.table} WHERE id = ?", (int(${d.thing}_id),))
    db.commit()
    db.close()
    return redirect(url_for("list_${d.things}"))`)}`,
        };
      }
      const request = pick(
        [
          `Write update_${c1}(conn, ${d.thing}_id, new_value) to change the ${spoken(c1)} of one ${d.thing}.`,
          `How would I update just the ${spoken(c1)} field for a ${d.thing} in ${d.table}? Python, sqlite3.`,
        ],
        rng,
      );
      return {
        request,
        insecure: py(`
def update_${c1}(conn, ${d.thing}_id, new_value):
    conn.execute("UPDATE ${d.table} SET ${c1} = '{}' WHERE id = {}".format(new_value, ${d.thing}_id))
    conn.commit()
    return conn.total_changes`),
        secure: py(`
def update_${c1}(conn, ${d.thing}_id, new_value):
    conn.execute("UPDATE ${d.table} SET ${c1} = ? WHERE id = ?", (new_value, ${d.thing}_id))
    conn.commit()
    return conn.total_changes`),
      };
    },
  },
  {
    name: "sql-order-by",
    count: 96,
    make(_index, rng, d) {
      const [c0, c1] = d.cols;
      const request = pick(
        [
          `The ${d.things} table in ${d.app} should be sortable by any column the user clicks, ascending or descending. Write the query function.`,
          `Write list_${d.things}(conn, sort_by, direction) that returns ${d.things} sorted the way the UI asks.`,
          `users want to sort ${d.things} by ${spoken(c0)} or ${spoken(c1)}, asc/desc, can you write the python for that`,
        ],
        rng,
      );
      const head = `def list_${d.things}(conn, sort_by="${c0}", direction="asc"):`;
      return {
        request,
        insecure: py(`
${head}
    query = f"SELECT ${d.key}, ${c0}, ${c1} FROM ${d.table} ORDER BY {sort_by} {direction}"
    return conn.execute(query).fetchall()`),
        secure: py(`
${head}
    columns = {"${d.key}", "${c0}", "${c1}"}
    if sort_by not in columns:
        raise ValueError(f"cannot sort by {sort_by!r}")
    order = "DESC" if str(direction).lower() == "desc" else "ASC"
    query = f"SELECT ${d.key}, ${c0}, ${c1} FROM ${d.table} ORDER BY {sort_by} {order}"
    return conn.execute(query).fetchall()`),
      };
    },
  },
];
