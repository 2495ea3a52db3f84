/**
 * Web application families: HTML built from user input (XSS), the debug server exposed on all
 * interfaces, and updates that copy every submitted field onto a record (mass assignment).
 */
import { pick } from "./code-medical-common.js";
import { spoken } from "./code-domains.js";
import { pascal, type CodeFamily } from "./code-family.js";

export const WEB_FAMILIES: readonly CodeFamily[] = [
  {
    name: "html-injection",
    count: 39,
    make(index, rng, d) {
      const [c0] = d.cols;
      const variant = index % 3;
      if (variant === 0) {
        const request = pick(
          [
            `Write a Flask search page for ${d.app} that shows "Results for <query>" and a list of matching ${d.things}. No templates, just return HTML.`,
            `quick flask route: search ${d.things} by ${spoken(c0)} and show the results as an HTML list, echo the search term at the top`,
          ],
          rng,
        );
        const head = `from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/${d.things}/search")\ndef search_${d.things}_page():\n    q = request.args.get("q", "")\n    matches = find_${d.things}(q)`;
        return {
          request,
          insecure: `${head}\n    items = "".join(f"<li>{m['${c0}']}</li>" for m in matches)\n    return f"<h1>Results for {q}</h1><ul>{items}</ul>"`,
          secure: `from markupsafe import escape\n${head}\n    items = "".join(f"<li>{escape(m['${c0}'])}</li>" for m in matches)\n    return f"<h1>Results for {escape(q)}</h1><ul>{items}</ul>"`,
        };
      }
      if (variant === 1) {
        const request = pick(
          [
            `Visitors can leave comments on each ${d.thing}. Write the Flask route that renders the comments as HTML.`,
            `I need a page that lists the notes staff added to a ${d.thing}, with who wrote each one. Plain Flask returning an HTML string is fine.`,
          ],
          rng,
        );
        const head = `@app.route("/${d.things}/<int:${d.thing}_id>/comments")\ndef ${d.thing}_comments(${d.thing}_id):\n    rows = load_comments(${d.thing}_id)\n    parts = [f"<h2>Comments on ${d.thing} #{${d.thing}_id}</h2>"]\n    for row in rows:`;
        return {
          request,
          insecure: `from flask import Flask\n\napp = Flask(__name__)\n\n\n${head}\n        parts.append(f"<div class='comment'><b>{row['author']}</b>: {row['body']}</div>")\n    return "\\n".join(parts)`,
          secure: `from flask import Flask\nfrom markupsafe import escape\n\napp = Flask(__name__)\n\n\n${head}\n        parts.append(f"<div class='comment'><b>{escape(row['author'])}</b>: {escape(row['body'])}</div>")\n    return "\\n".join(parts)`,
        };
      }
      const request = pick(
        [
          `Make a friendly 404 handler for ${d.app} that tells the user which page they asked for wasn't found.`,
          `Write a welcome banner endpoint: /welcome?name=Sam should return an HTML greeting for the ${d.app} dashboard.`,
        ],
        rng,
      );
      if (request.includes("404")) {
        const head = `from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.errorhandler(404)\ndef not_found(_error):`;
        return {
          request,
          insecure: `${head}\n    return f"<p>Sorry, we couldn't find <code>{request.path}</code>. Try the <a href='/${d.things}'>${d.things} list</a>.</p>", 404`,
          secure: `from markupsafe import escape\n${head}\n    return f"<p>Sorry, we couldn't find <code>{escape(request.path)}</code>. Try the <a href='/${d.things}'>${d.things} list</a>.</p>", 404`,
        };
      }
      const head = `from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/welcome")\ndef welcome():\n    name = request.args.get("name", "there")\n    count = count_open_${d.things}()`;
      return {
        request,
        insecure: `${head}\n    return f"<div class='banner'>Welcome back, {name}! You have {count} open ${d.things}.</div>"`,
        secure: `from markupsafe import escape\n${head}\n    return f"<div class='banner'>Welcome back, {escape(name)}! You have {count} open ${d.things}.</div>"`,
      };
    },
  },
  {
    name: "debug-server",
    count: 18,
    make(_index, rng, d) {
      const request = pick(
        [
          `Write a minimal Flask app for ${d.app} with a /health route and a /${d.things}/count route, runnable with python app.py.`,
          `Give me a tiny Flask service that reports how many ${d.things} we have. I just want to start it with "python app.py".`,
          `bare-bones flask app for ${d.app}: health check + ${d.things} count, run directly`,
        ],
        rng,
      );
      const body = `app = Flask(__name__)\n\n\n@app.route("/health")\ndef health():\n    return {"ok": True}\n\n\n@app.route("/${d.things}/count")\ndef ${d.things}_count():\n    conn = sqlite3.connect("${d.table}.db")\n    (total,) = conn.execute("SELECT COUNT(*) FROM ${d.table}").fetchone()\n    conn.close()\n    return {"${d.things}": total}`;
      return {
        request,
        insecure: `import sqlite3\n\nfrom flask import Flask\n\n${body}\n\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000, debug=True)`,
        secure: `import os\nimport sqlite3\n\nfrom flask import Flask\n\n${body}\n\n\nif __name__ == "__main__":\n    app.run(host="127.0.0.1", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")`,
      };
    },
  },
  {
    name: "mass-assignment",
    count: 60,
    make(_index, rng, d) {
      const [c0, c1] = d.cols;
      const model = pascal(d.thing);
      const request = pick(
        [
          `Write a PATCH endpoint so the owner of a ${d.thing} can edit its ${spoken(c0)} and ${spoken(c1)}. We use Flask-SQLAlchemy; the model is ${model}.`,
          `I want a generic update route for ${d.things}: whatever fields come in the JSON body get saved on the ${model}.`,
          `flask-sqlalchemy: update a ${d.thing} from request.json, only its owner may do it`,
        ],
        rng,
      );
      const imports = `from flask import abort, jsonify, request\nfrom flask_login import current_user\n\nfrom ${d.table}_app import app, db\nfrom ${d.table}_app.models import ${model}`;
      const head = `@app.route("/${d.things}/<int:${d.thing}_id>", methods=["PATCH"])\ndef update_${d.thing}(${d.thing}_id):\n    record = ${model}.query.get_or_404(${d.thing}_id)\n    if record.owner_id != current_user.id:\n        abort(403)\n    changes = request.get_json(force=True) or {}`;
      const tail = `    db.session.commit()\n    return jsonify({"id": record.id, "${c0}": record.${c0}, "${c1}": record.${c1}})`;
      return {
        request,
        insecure: `${imports}\n\n\n${head}\n    for field, value in changes.items():\n        setattr(record, field, value)\n${tail}`,
        secure: `${imports}\n\nEDITABLE_FIELDS = {"${c0}", "${c1}"}\n\n\n${head}\n    unknown = set(changes) - EDITABLE_FIELDS\n    if unknown:\n        abort(400, f"cannot change: {', '.join(sorted(unknown))}")\n    for field, value in changes.items():\n        setattr(record, field, value)\n${tail}`,
      };
    },
  },
];
