/**
 * File-handling families: path traversal, archive extraction, uploads, temporary files and file
 * modes. Insecure versions trust names and paths; secure versions confine and restrict them.
 */
import { pick } from "./code-medical-common.js";
import { ident, py, type CodeFamily } from "./code-family.js";

interface ArchiveCase {
  what: string;
  fn: string;
  dest: string;
  /** Modules the case-specific follow-up needs besides os/tarfile/zipfile. */
  imports: readonly string[];
  /** Function-level Python lines run after extraction; they end with a return. */
  after: string;
}

const ARCHIVE_CASES: readonly ArchiveCase[] = [
  { what: "theme packs that users upload to our CMS", fn: "install_theme", dest: "themes_dir", imports: ["json"], after: `    with open(os.path.join(themes_dir, "theme.json"), encoding="utf-8") as fh:\n        meta = json.load(fh)\n    return meta["name"], meta.get("version", "0.0")` },
  { what: "nightly backup archives we pull from the NAS", fn: "restore_backup", dest: "restore_root", imports: [], after: `    restored = sum(len(files) for _, _, files in os.walk(restore_root))\n    print(f"restored {restored} files into {restore_root}")\n    return restored` },
  { what: "plugin bundles for our desktop app", fn: "unpack_plugin", dest: "plugin_dir", imports: ["importlib.util"], after: `    spec = importlib.util.spec_from_file_location("plugin", os.path.join(plugin_dir, "plugin.py"))\n    return spec` },
  { what: "dataset archives researchers send us", fn: "unpack_dataset", dest: "data_root", imports: ["glob"], after: `    csv_files = sorted(glob.glob(os.path.join(data_root, "**", "*.csv"), recursive=True))\n    if not csv_files:\n        raise RuntimeError("archive contained no CSV files")\n    return csv_files` },
  { what: "student coursework archives", fn: "extract_submission", dest: "marking_dir", imports: [], after: `    notebooks = [f for f in os.listdir(marking_dir) if f.endswith(".ipynb")]\n    return {"student_folder": marking_dir, "notebooks": notebooks}` },
  { what: "log bundles customers attach to support tickets", fn: "open_log_bundle", dest: "scratch_dir", imports: [], after: `    errors = []\n    for dirpath, _, files in os.walk(scratch_dir):\n        for name in files:\n            if name.endswith(".log"):\n                with open(os.path.join(dirpath, name), errors="replace") as fh:\n                    errors.extend(line for line in fh if "ERROR" in line)\n    return errors` },
  { what: "map tile packs for our offline viewer", fn: "import_tiles", dest: "tile_cache", imports: [], after: `    zoom_levels = sorted(int(z) for z in os.listdir(tile_cache) if z.isdigit())\n    return zoom_levels[0], zoom_levels[-1]` },
  { what: "font packs designers upload", fn: "add_font_pack", dest: "fonts_dir", imports: [], after: `    fonts = [f for f in os.listdir(fonts_dir) if f.lower().endswith((".ttf", ".otf", ".woff2"))]\n    return sorted(fonts)` },
  { what: "game mod archives players share", fn: "install_mod", dest: "mods_dir", imports: ["configparser"], after: `    info = configparser.ConfigParser()\n    info.read(os.path.join(mods_dir, "mod.ini"))\n    return info.get("mod", "title", fallback="untitled mod")` },
  { what: "translation bundles from our localisation vendor", fn: "load_translations", dest: "locale_dir", imports: [], after: `    languages = [d for d in os.listdir(locale_dir) if os.path.isfile(os.path.join(locale_dir, d, "messages.po"))]\n    return languages` },
  { what: "sample packs for the music app", fn: "import_samples", dest: "library_dir", imports: ["wave"], after: `    lengths = {}\n    for name in os.listdir(library_dir):\n        if name.endswith(".wav"):\n            with wave.open(os.path.join(library_dir, name)) as clip:\n                lengths[name] = clip.getnframes() / clip.getframerate()\n    return lengths` },
];

const TEMP_CASES = [
  { task: "convert an uploaded spreadsheet to CSV with an external tool", fn: "spreadsheet_to_csv", suffix: ".xlsx", body: "data" },
  { task: "render a report to a file and then email it", fn: "email_report", suffix: ".pdf", body: "pdf_bytes" },
  { task: "download a firmware image, check its size, then flash it", fn: "stage_firmware", suffix: ".bin", body: "blob" },
  { task: "dump some rows to a file for a diff tool to compare", fn: "write_for_diff", suffix: ".txt", body: "text.encode()" },
  { task: "save an uploaded image before resizing it", fn: "stash_upload", suffix: ".png", body: "image_bytes" },
  { task: "write a generated config to disk so a child process can read it", fn: "write_child_config", suffix: ".ini", body: "config_text.encode()" },
  { task: "keep a downloaded audio clip on disk while transcribing it", fn: "buffer_audio", suffix: ".wav", body: "audio" },
  { task: "build a zip of exported records before uploading it to storage", fn: "stage_export", suffix: ".zip", body: "zip_bytes" },
  { task: "hold a signed PDF from the e-signature service before archiving it", fn: "hold_signed_pdf", suffix: ".pdf", body: "signed" },
  { task: "write a cookie jar for a scraping session", fn: "save_cookie_jar", suffix: ".cookies", body: "jar_text.encode()" },
  { task: "cache a rendered map tile before serving it", fn: "cache_tile", suffix: ".png", body: "tile" },
] as const;

const MODE_CASES = [
  { task: "save the user's API token to ~/.config/synctool/token", fn: "save_token", kind: "file", path: "~/.config/synctool/token", value: "token" },
  { task: "create the directory where our service writes session files", fn: "ensure_session_dir", kind: "dir", path: "/var/lib/shopapp/sessions", value: "" },
  { task: "write a generated SSH private key to disk", fn: "store_private_key", kind: "file", path: "~/.ssh/deploy_key", value: "pem" },
  { task: "store database credentials in a local .env file for the app", fn: "write_env_file", kind: "file", path: ".env", value: "env_text" },
  { task: "create the folder where customer uploads are kept", fn: "make_upload_dir", kind: "dir", path: "/srv/portal/uploads", value: "" },
  { task: "write the OAuth refresh token cache for our CLI", fn: "cache_refresh_token", kind: "file", path: "~/.cache/reportcli/refresh.json", value: "payload" },
  { task: "create the backups directory for nightly database dumps", fn: "prepare_backup_dir", kind: "dir", path: "/var/backups/clinicdb", value: "" },
  { task: "save a TLS key generated for a local dev server", fn: "save_dev_key", kind: "file", path: "certs/dev.key", value: "key_pem" },
  { task: "write the webhook signing secret to the config directory", fn: "persist_webhook_secret", kind: "file", path: "/etc/hookrelay/secret", value: "secret" },
  { task: "create a spool directory for outgoing mail", fn: "make_mail_spool", kind: "dir", path: "/var/spool/newsletter", value: "" },
  { task: "save a password-manager export before encrypting it", fn: "write_vault_export", kind: "file", path: "~/exports/vault.json", value: "export_json" },
] as const;

export const FILE_FAMILIES: readonly CodeFamily[] = [
  {
    name: "path-download",
    count: 112,
    make(index, rng, d) {
      const base = `/srv/${ident(d.app).split("_").slice(-2).join("_")}/${d.folder}`;
      const constant = `${d.folder.toUpperCase()}_DIR`;
      const request = pick(
        [
          `Users of ${d.app} need to download their ${d.fileKind}s. Write a Flask route that serves a file from ${base} by name.`,
          `Flask: add a /${d.folder}/<name> endpoint that sends back the ${d.fileKind} with that file name.`,
          `Can you write a download view for ${d.fileKind}s? The file name comes in as ?file=... and they all live in one folder.`,
          `I need an endpoint so staff can grab a ${d.fileKind} by filename. Python/Flask please.`,
        ],
        rng,
      );
      if (request.includes("?file=") || index % 3 === 2) {
        const head = py(`
import os
from flask import Flask, abort, request, send_file

app = Flask(__name__)
${constant} = "${base}"


@app.route("/download")
def download_${d.thing}_file():
    name = request.args.get("file", "")`);
        return {
          request,
          insecure: `${head}\n${py(`
    path = os.path.join(${constant}, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)`)}`,
          secure: `${head}\n${py(`
    root = os.path.realpath(${constant})
    path = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)`)}`,
        };
      }
      return {
        request,
        insecure: py(`
import os
from flask import Flask, send_file

app = Flask(__name__)
${constant} = "${base}"


@app.route("/${d.folder}/<path:filename>")
def get_${d.thing}_${d.folder}(filename):
    return send_file(os.path.join(${constant}, filename))`),
        secure: py(`
from flask import Flask, send_from_directory

app = Flask(__name__)
${constant} = "${base}"


@app.route("/${d.folder}/<path:filename>")
def get_${d.thing}_${d.folder}(filename):
    return send_from_directory(${constant}, filename)`),
      };
    },
  },
  {
    name: "path-read",
    count: 48,
    make(index, rng, d) {
      const request = pick(
        [
          `Write load_${d.thing}_note(name) that returns the text of a note stored under notes/${d.things}/ — the name comes from the web form.`,
          `Our API takes a "template" parameter and should return the contents of that ${d.thing} template from the templates folder. Write the function.`,
          `Write a helper that reads a ${d.fileKind} from the ${d.folder} folder given the name a user picked in the UI, and returns its bytes.`,
          `how do i read a file by name from a fixed folder in python? the name is whatever the ${d.thing} page sends`,
        ],
        rng,
      );
      const folder = request.includes("notes/") ? `notes/${d.things}` : request.includes("template") ? `templates/${d.things}` : d.folder;
      const binary = !request.includes("note") && !request.includes("template");
      const fn = request.includes("notes/") ? `load_${d.thing}_note` : binary ? `read_${d.thing}_file` : `load_${d.thing}_template`;
      const mode = binary ? `"rb"` : `encoding="utf-8"`;
      if (index % 2 === 0) {
        return {
          request,
          insecure: py(`
import os

BASE_DIR = "${folder}"


def ${fn}(name):
    with open(os.path.join(BASE_DIR, name), ${mode === `"rb"` ? `"rb"` : `"r", ${mode}`}) as fh:
        return fh.read()`),
          secure: py(`
import os

BASE_DIR = os.path.realpath("${folder}")


def ${fn}(name):
    path = os.path.realpath(os.path.join(BASE_DIR, name))
    if os.path.commonpath([BASE_DIR, path]) != BASE_DIR:
        raise ValueError("invalid name")
    with open(path, ${mode === `"rb"` ? `"rb"` : `"r", ${mode}`}) as fh:
        return fh.read()`),
        };
      }
      const read = binary ? "read_bytes()" : `read_text(encoding="utf-8")`;
      return {
        request,
        insecure: py(`
from pathlib import Path

${d.thing.toUpperCase()}_ROOT = Path("${folder}")


def ${fn}(name: str):
    return (${d.thing.toUpperCase()}_ROOT / name).${read}`),
        secure: py(`
from pathlib import Path

${d.thing.toUpperCase()}_ROOT = Path("${folder}").resolve()


def ${fn}(name: str):
    target = (${d.thing.toUpperCase()}_ROOT / name).resolve()
    if not target.is_relative_to(${d.thing.toUpperCase()}_ROOT) or not target.is_file():
        raise FileNotFoundError(name)
    return target.${read}`),
      };
    },
  },
  {
    name: "archive-extract",
    count: 33,
    make(index, rng) {
      const c = ARCHIVE_CASES[index % ARCHIVE_CASES.length]!;
      const zip = index % 3 === 1;
      const extraImports = c.imports.map((m) => `import ${m}\n`).join("");
      const request = pick(
        [
          `We handle ${c.what}. Write ${c.fn}(archive_path, ${c.dest}) that unpacks one into the target folder.`,
          `Can you write a function to extract ${c.what} into a directory? They come as ${zip ? ".zip" : ".tar.gz"} files.`,
          `need python to unpack ${c.what} (${zip ? "zip" : "tar.gz"}) into a folder`,
        ],
        rng,
      );
      if (zip) {
        const head = py(`
${extraImports}import os
import zipfile


def ${c.fn}(archive_path, ${c.dest}):
    with zipfile.ZipFile(archive_path) as zf:
        for name in zf.namelist():
            if name.endswith("/"):
                continue`);
        return {
          request,
          insecure: `${head}\n${py(`
            target = os.path.join(${c.dest}, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(name) as src, open(target, "wb") as out:
                out.write(src.read())`)}\n${c.after}`,
          secure: `${head}\n${py(`
            root = os.path.realpath(${c.dest})
            target = os.path.realpath(os.path.join(root, name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"unsafe path in archive: {name}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(name) as src, open(target, "wb") as out:
                out.write(src.read())`)}\n${c.after}`,
        };
      }
      return {
        request,
        insecure: py(`
${extraImports}import os
import tarfile


def ${c.fn}(archive_path, ${c.dest}):
    with tarfile.open(archive_path, "r:*") as tar:
        tar.extractall(${c.dest})
${c.after}`),
        secure: py(`
${extraImports}import os
import tarfile


def ${c.fn}(archive_path, ${c.dest}):
    root = os.path.realpath(${c.dest})
    with tarfile.open(archive_path, "r:*") as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(root, member.name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"unsafe path in archive: {member.name}")
            if not (member.isfile() or member.isdir()):
                raise ValueError(f"links and devices are not allowed: {member.name}")
        tar.extractall(root)
${c.after}`),
      };
    },
  },
  {
    name: "upload-save",
    count: 15,
    make(index, rng, d) {
      const ext = /PDF|invoice|contract|report|letter|sheet|syllab|agreement|quote|form|list/.test(d.fileKind)
        ? `{".pdf"}`
        : /photo|image|poster|card|scan/.test(d.fileKind)
          ? `{".jpg", ".jpeg", ".png"}`
          : `{".pdf", ".png", ".jpg", ".txt", ".csv", ".zip", ".mp3", ".md"}`;
      const variant = index % 3;
      if (variant === 0) {
        const request = pick(
          [
            `Write a Flask upload handler so people can attach a ${d.fileKind} to a ${d.thing}. Save it into the ${d.folder} folder.`,
            `flask file upload for ${d.fileKind}s, just save it and return the path`,
          ],
          rng,
        );
        const head = `import os\nfrom flask import Flask, abort, jsonify, request\n\napp = Flask(__name__)\nUPLOAD_DIR = "uploads/${d.folder}"`;
        const route = `@app.route("/${d.things}/<int:${d.thing}_id>/${d.folder}", methods=["POST"])\ndef upload_${d.thing}_file(${d.thing}_id):\n    upload = request.files.get("file")\n    if upload is None:\n        abort(400)`;
        return {
          request,
          insecure: `${head}\n\n\n${route}\n    path = os.path.join(UPLOAD_DIR, upload.filename)\n    upload.save(path)\n    return jsonify({"${d.thing}": ${d.thing}_id, "path": path})`,
          secure: `import uuid\n${head}\nALLOWED = ${ext}\napp.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024\n\n\n${route}\n    extension = os.path.splitext(upload.filename or "")[1].lower()\n    if extension not in ALLOWED:\n        abort(415)\n    path = os.path.join(UPLOAD_DIR, f"{uuid.uuid4().hex}{extension}")\n    upload.save(path)\n    return jsonify({"${d.thing}": ${d.thing}_id, "path": path})`,
        };
      }
      if (variant === 1) {
        const request = pick(
          [
            `We're on FastAPI. I need an endpoint that accepts a ${d.fileKind} upload and stores it on disk for ${d.app}.`,
            `FastAPI route: POST /${d.things}/{id}/files, store the uploaded ${d.fileKind} under ${d.folder}/ and tell me the size`,
          ],
          rng,
        );
        const head = `from pathlib import Path\n\nfrom fastapi import FastAPI, File, HTTPException, UploadFile\n\napp = FastAPI()\nSTORE = Path("/data/${d.folder}")`;
        const sig = `@app.post("/${d.things}/{${d.thing}_id}/files")\nasync def store_${d.thing}_upload(${d.thing}_id: int, file: UploadFile = File(...)):\n    content = await file.read()`;
        return {
          request,
          insecure: `${head}\n\n\n${sig}\n    destination = STORE / str(${d.thing}_id) / file.filename\n    destination.parent.mkdir(parents=True, exist_ok=True)\n    destination.write_bytes(content)\n    return {"saved": str(destination), "bytes": len(content)}`,
          secure: `import secrets\n${head}\nALLOWED_SUFFIXES = ${ext}\nMAX_BYTES = 20 * 1024 * 1024\n\n\n${sig}\n    suffix = Path(file.filename or "").suffix.lower()\n    if suffix not in ALLOWED_SUFFIXES or len(content) > MAX_BYTES:\n        raise HTTPException(status_code=400, detail="unsupported file")\n    destination = STORE / str(${d.thing}_id) / f"{secrets.token_hex(12)}{suffix}"\n    destination.parent.mkdir(parents=True, exist_ok=True)\n    destination.write_bytes(content)\n    return {"saved": str(destination), "bytes": len(content)}`,
        };
      }
      const request = pick(
        [
          `Write save_attachment(conn, ${d.thing}_id, file_storage) that writes a user's ${d.fileKind} to disk and records it in the ${d.thing}_attachments table.`,
          `Helper needed: store an uploaded ${d.fileKind} for a ${d.thing} and insert a row pointing at it (sqlite, werkzeug FileStorage).`,
        ],
        rng,
      );
      const tail = `    conn.execute(\n        "INSERT INTO ${d.thing}_attachments (${d.thing}_id, original_name, stored_path) VALUES (?, ?, ?)",\n        (${d.thing}_id, file_storage.filename, path),\n    )\n    conn.commit()\n    return path`;
      return {
        request,
        insecure: `import os\n\nATTACHMENT_ROOT = "/var/${d.folder}"\n\n\ndef save_attachment(conn, ${d.thing}_id, file_storage):\n    folder = os.path.join(ATTACHMENT_ROOT, str(${d.thing}_id))\n    os.makedirs(folder, exist_ok=True)\n    path = os.path.join(folder, file_storage.filename)\n    file_storage.save(path)\n${tail}`,
        secure: `import os\nimport uuid\n\nfrom werkzeug.utils import secure_filename\n\nATTACHMENT_ROOT = "/var/${d.folder}"\nALLOWED = ${ext}\n\n\ndef save_attachment(conn, ${d.thing}_id, file_storage):\n    name = secure_filename(file_storage.filename or "")\n    extension = os.path.splitext(name)[1].lower()\n    if extension not in ALLOWED:\n        raise ValueError("file type not allowed")\n    folder = os.path.join(ATTACHMENT_ROOT, str(int(${d.thing}_id)))\n    os.makedirs(folder, exist_ok=True)\n    path = os.path.join(folder, f"{uuid.uuid4().hex}{extension}")\n    file_storage.save(path)\n${tail}`,
      };
    },
  },
  {
    name: "temp-file",
    count: 42,
    make(index, rng) {
      const c = TEMP_CASES[index % TEMP_CASES.length]!;
      const request = pick(
        [
          `I need to ${c.task}. Write ${c.fn}() that puts the data in a temporary file and returns its path.`,
          `What's a simple way to ${c.task} in Python? Need the data written to a temp file first.`,
          `write a python helper to ${c.task}, data goes into a temp file`,
        ],
        rng,
      );
      const arg = c.body.replace(/\..*$/, "");
      if (index % 2 === 0) {
        return {
          request,
          insecure: py(`
import tempfile


def ${c.fn}(${arg}):
    path = tempfile.mktemp(suffix="${c.suffix}")
    with open(path, "wb") as fh:
        fh.write(${c.body})
    return path`),
          secure: py(`
import os
import tempfile


def ${c.fn}(${arg}):
    fd, path = tempfile.mkstemp(suffix="${c.suffix}")
    with os.fdopen(fd, "wb") as fh:
        fh.write(${c.body})
    return path`),
        };
      }
      return {
        request,
        insecure: py(`
import os


def ${c.fn}(${arg}, job_id):
    path = os.path.join("/tmp", f"${c.fn}_{job_id}${c.suffix}")
    with open(path, "wb") as fh:
        fh.write(${c.body})
    os.chmod(path, 0o666)
    return path`),
        secure: py(`
import tempfile


def ${c.fn}(${arg}, job_id):
    with tempfile.NamedTemporaryFile(prefix=f"${c.fn}_{job_id}_", suffix="${c.suffix}", delete=False) as fh:
        fh.write(${c.body})
    return fh.name`),
      };
    },
  },
  {
    name: "file-mode",
    count: 33,
    make(index, rng) {
      const c = MODE_CASES[index % MODE_CASES.length]!;
      const request = pick(
        [
          `Write ${c.fn}() to ${c.task}.`,
          `Python: I need a function that will ${c.task}. Make sure it works even if the parent folder doesn't exist yet.`,
          `can u write something to ${c.task}`,
        ],
        rng,
      );
      const path = c.path.startsWith("~") ? `os.path.expanduser("${c.path}")` : `"${c.path}"`;
      if (c.kind === "dir") {
        return {
          request,
          insecure: py(`
import os


def ${c.fn}():
    path = ${path}
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o777)
    return path`),
          secure: py(`
import os


def ${c.fn}():
    path = ${path}
    os.makedirs(path, mode=0o750, exist_ok=True)
    os.chmod(path, 0o750)
    return path`),
        };
      }
      return {
        request,
        insecure: py(`
import os


def ${c.fn}(${c.value}):
    path = ${path}
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as fh:
        fh.write(${c.value})
    os.chmod(path, 0o666)
    return path`),
        secure: py(`
import os


def ${c.fn}(${c.value}):
    path = ${path}
    os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(${c.value})
    os.chmod(path, 0o600)
    return path`),
      };
    },
  },
];
