/**
 * Authentication, secrets and transport families: weak password hashing, secrets in source,
 * disabled TLS checks, predictable tokens, timing-unsafe comparisons and unverified JWTs.
 * Every service and host named here is fictional; the fake keys match no real provider's format.
 */
import { pick } from "./code-medical-common.js";
import { ident, pascal, type CodeFamily } from "./code-family.js";

function fakeSecret(rng: () => number, length: number): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

interface SecretCase {
  task: string;
  env: string;
  /** Python body using the name SECRET for the credential. */
  body: string;
  imports: string;
  prefix: string;
}

const SECRET_CASES: readonly SecretCase[] = [
  { task: "charge a customer through our PayFlow account", env: "PAYFLOW_API_KEY", imports: "import requests", prefix: "pf_prod_", body: `def charge(amount_pence, card_token):\n    response = requests.post(\n        "https://api.payflow.example/v2/charges",\n        auth=(SECRET, ""),\n        data={"amount": amount_pence, "currency": "gbp", "source": card_token},\n        timeout=15,\n    )\n    response.raise_for_status()\n    return response.json()["id"]` },
  { task: "send the weekly newsletter through our mail server", env: "SMTP_PASSWORD", imports: "import smtplib\nfrom email.message import EmailMessage", prefix: "", body: `def send_newsletter(recipients, subject, text):\n    with smtplib.SMTP("mail.greengrocer.example", 587) as smtp:\n        smtp.starttls()\n        smtp.login("newsletter@greengrocer.example", SECRET)\n        for address in recipients:\n            msg = EmailMessage()\n            msg["From"] = "newsletter@greengrocer.example"\n            msg["To"] = address\n            msg["Subject"] = subject\n            msg.set_content(text)\n            smtp.send_message(msg)` },
  { task: "connect to the reporting Postgres database", env: "REPORTING_DB_PASSWORD", imports: "import psycopg2", prefix: "", body: `def reporting_connection():\n    return psycopg2.connect(\n        host="reports.db.internal",\n        dbname="reporting",\n        user="analyst",\n        password=SECRET,\n    )` },
  { task: "upload nightly exports to our object storage bucket", env: "STORAGE_SECRET_KEY", imports: "import boto3", prefix: "", body: `def upload_export(path, key):\n    client = boto3.client(\n        "s3",\n        endpoint_url="https://objects.hostco.example",\n        aws_access_key_id="exports-writer",\n        aws_secret_access_key=SECRET,\n    )\n    client.upload_file(path, "nightly-exports", key)` },
  { task: "post build results to our team chat webhook", env: "CHAT_WEBHOOK_TOKEN", imports: "import requests", prefix: "whk_", body: `def post_build_result(job, passed):\n    text = f"{job}: {'passed' if passed else 'FAILED'}"\n    requests.post(\n        f"https://chat.teamhub.example/hooks/{SECRET}",\n        json={"text": text},\n        timeout=10,\n    )` },
  { task: "get tomorrow's forecast from the SkyCast API", env: "SKYCAST_API_KEY", imports: "import requests", prefix: "", body: `def tomorrow_forecast(lat, lon):\n    response = requests.get(\n        "https://api.skycast.example/v1/forecast",\n        params={"lat": lat, "lon": lon, "days": 2, "key": SECRET},\n        timeout=10,\n    )\n    response.raise_for_status()\n    return response.json()["days"][1]` },
  { task: "send appointment reminder texts through our SMS gateway", env: "TEXTBRIDGE_TOKEN", imports: "import requests", prefix: "tb_", body: `def send_reminder(phone, when):\n    requests.post(\n        "https://gateway.textbridge.example/messages",\n        headers={"Authorization": f"Bearer {SECRET}"},\n        json={"to": phone, "body": f"Reminder: your appointment is at {when}."},\n        timeout=10,\n    ).raise_for_status()` },
  { task: "list open pull requests from our self-hosted git server", env: "GITFORGE_TOKEN", imports: "import requests", prefix: "gf_", body: `def open_pull_requests(repo):\n    response = requests.get(\n        f"https://git.acme.example/api/v1/repos/{repo}/pulls",\n        headers={"Authorization": f"token {SECRET}"},\n        params={"state": "open"},\n        timeout=10,\n    )\n    response.raise_for_status()\n    return [pr["title"] for pr in response.json()]` },
  { task: "connect to the Redis cache used by our job queue", env: "REDIS_PASSWORD", imports: "import redis", prefix: "", body: `def queue_client():\n    return redis.Redis(host="cache.internal", port=6379, password=SECRET, db=2)` },
  { task: "geocode customer addresses with the MapPoint API", env: "MAPPOINT_KEY", imports: "import requests", prefix: "mp-", body: `def geocode(address):\n    response = requests.get(\n        "https://geo.mappoint.example/search",\n        params={"q": address, "apikey": SECRET, "limit": 1},\n        timeout=10,\n    )\n    response.raise_for_status()\n    hit = response.json()["results"][0]\n    return hit["lat"], hit["lon"]` },
  { task: "download supplier price files from their SFTP server", env: "SUPPLIER_SFTP_PASSWORD", imports: "import paramiko", prefix: "", body: `def fetch_price_file(remote_name, local_path):\n    transport = paramiko.Transport(("sftp.supplier.example", 22))\n    transport.connect(username="shop-import", password=SECRET)\n    sftp = paramiko.SFTPClient.from_transport(transport)\n    try:\n        sftp.get(f"/outgoing/{remote_name}", local_path)\n    finally:\n        sftp.close()\n        transport.close()` },
  { task: "sign session cookies in our Flask app", env: "FLASK_SECRET_KEY", imports: "from flask import Flask, session", prefix: "", body: `app = Flask(__name__)\napp.secret_key = SECRET\n\n\n@app.route("/visits")\ndef visits():\n    session["count"] = session.get("count", 0) + 1\n    return {"visits": session["count"]}` },
  { task: "call our internal billing service with its service token", env: "BILLING_SERVICE_TOKEN", imports: "import requests", prefix: "svc_", body: `def outstanding_balance(account_id):\n    response = requests.get(\n        f"https://billing.corp.example/accounts/{account_id}/balance",\n        headers={"X-Service-Token": SECRET},\n        timeout=5,\n    )\n    response.raise_for_status()\n    return response.json()["balance"]` },
];

interface TlsCase {
  task: string;
  fn: string;
  sig: string;
  call: "get" | "post";
  url: string;
  extra: string;
  ret: string;
}

const TLS_CASES: readonly TlsCase[] = [
  { task: "fetch current stock levels from our inventory API", fn: "stock_levels", sig: "warehouse", call: "get", url: `f"https://inventory.internal.example/api/warehouses/{warehouse}/stock"`, extra: "", ret: "response.json()" },
  { task: "post app metrics to our monitoring collector", fn: "push_metrics", sig: "metrics", call: "post", url: `"https://metrics.ops.example/ingest"`, extra: ", json=metrics", ret: "response.status_code" },
  { task: "download the daily CSV a partner publishes on their HTTPS server", fn: "download_partner_csv", sig: "day", call: "get", url: `f"https://files.partner.example/daily/{day}.csv"`, extra: "", ret: "response.text" },
  { task: "check that each of our websites responds", fn: "site_is_healthy", sig: "url", call: "get", url: "url", extra: "", ret: "response.status_code == 200" },
  { task: "pull today's exchange rates", fn: "exchange_rates", sig: "base", call: "get", url: `"https://rates.fxfeed.example/latest"`, extra: `, params={"base": base}`, ret: `response.json()["rates"]` },
  { task: "upload a scanned document to our document service", fn: "upload_scan", sig: "path", call: "post", url: `"https://docs.intranet.example/api/upload"`, extra: `, files={"file": open(path, "rb")}`, ret: `response.json()["id"]` },
  { task: "look someone up in the company directory API", fn: "directory_lookup", sig: "email", call: "get", url: `"https://directory.corp.example/people"`, extra: `, params={"email": email}`, ret: "response.json()" },
  { task: "sync room bookings from the facilities calendar", fn: "room_bookings", sig: "room_id", call: "get", url: `f"https://calendar.facilities.example/rooms/{room_id}/bookings"`, extra: "", ret: `response.json()["bookings"]` },
  { task: "send a new lead to the CRM's REST API", fn: "create_lead", sig: "lead", call: "post", url: `"https://crm.sales.example/api/leads"`, extra: ", json=lead", ret: `response.json()["lead_id"]` },
  { task: "read the status of a build from our CI server", fn: "build_status", sig: "build_id", call: "get", url: `f"https://ci.devtools.example/api/builds/{build_id}"`, extra: "", ret: `response.json()["status"]` },
  { task: "fetch the latest firmware manifest for our devices", fn: "firmware_manifest", sig: "model", call: "get", url: `f"https://updates.devicefleet.example/{model}/manifest.json"`, extra: "", ret: "response.json()" },
  { task: "report a finished delivery to the courier's API", fn: "confirm_delivery", sig: "parcel_id", call: "post", url: `"https://api.swiftcourier.example/deliveries/confirm"`, extra: `, json={"parcel": parcel_id}`, ret: "response.ok" },
];

interface TokenCase {
  task: string;
  fn: string;
  /** code: a numeric code of `digits`; token: an opaque string. */
  kind: "code" | "token";
  digits?: number;
}

const TOKEN_CASES: readonly TokenCase[] = [
  { task: "a password reset token to put in the email link", fn: "make_reset_token", kind: "token" },
  { task: "a 6-digit email verification code", fn: "make_verification_code", kind: "code", digits: 6 },
  { task: "invite codes for new team members", fn: "new_invite_code", kind: "token" },
  { task: "API keys for customers of our public API", fn: "issue_api_key", kind: "token" },
  { task: "a one-time 8-digit login code sent by SMS", fn: "one_time_code", kind: "code", digits: 8 },
  { task: "session identifiers for our custom session store", fn: "new_session_id", kind: "token" },
  { task: "the token in unsubscribe links", fn: "unsubscribe_token", kind: "token" },
  { task: "expiring download links for paid files", fn: "download_link_token", kind: "token" },
  { task: "a 4-digit PIN for collecting parcels from lockers", fn: "locker_pin", kind: "code", digits: 4 },
  { task: "share links for private photo albums", fn: "album_share_slug", kind: "token" },
  { task: "account recovery codes users can print out", fn: "recovery_code", kind: "token" },
  { task: "a CSRF token for our forms", fn: "csrf_token", kind: "token" },
];

interface SignatureCase {
  task: string;
  fn: string;
  header: string;
  env: string;
}

const SIGNATURE_CASES: readonly SignatureCase[] = [
  { task: "verify webhooks from our payment provider (HMAC-SHA256 of the body in X-Signature)", fn: "payment_webhook", header: "X-Signature", env: "PAYMENT_WEBHOOK_SECRET" },
  { task: "check the signature on events our shipping partner posts to us", fn: "shipping_event", header: "X-Partner-Signature", env: "SHIPPING_SIGNING_KEY" },
  { task: "accept slash commands from our chat tool, which signs each request body", fn: "slash_command", header: "X-Chat-Signature", env: "CHAT_SIGNING_SECRET" },
  { task: "validate callbacks from the e-signature service", fn: "esign_callback", header: "X-Esign-Hmac", env: "ESIGN_CALLBACK_SECRET" },
  { task: "verify push notifications our git server sends on each commit", fn: "git_push_hook", header: "X-Forge-Signature", env: "FORGE_HOOK_SECRET" },
  { task: "authenticate uploads from our IoT gateways, which sign the payload", fn: "gateway_upload", header: "X-Device-Mac", env: "GATEWAY_SHARED_KEY" },
  { task: "check the signature on form submissions relayed by our CDN", fn: "relayed_form", header: "X-Relay-Signature", env: "RELAY_HMAC_KEY" },
  { task: "verify delivery receipts from the SMS gateway", fn: "sms_receipt", header: "X-Receipt-Signature", env: "SMS_RECEIPT_SECRET" },
  { task: "validate order notifications from the marketplace we sell on", fn: "marketplace_order", header: "X-Market-Hmac", env: "MARKETPLACE_SECRET" },
  { task: "check signed requests from our mobile app's backend-for-frontend", fn: "bff_request", header: "X-Bff-Signature", env: "BFF_SIGNING_KEY" },
];

const REDIRECT_CASES = [
  { task: "send users back to the page they came from after logging in", route: "/login", fn: "login", param: "next", before: `    session["user_id"] = authenticate(request.form["email"], request.form["password"])` },
  { task: "redirect to a return_to URL after logout", route: "/logout", fn: "logout", param: "return_to", before: `    session.clear()` },
  { task: "switch the site language and go back to the previous page", route: "/language/<code>", fn: "set_language", param: "back", before: `    session["lang"] = code` },
  { task: "after saving a form, continue to wherever the 'continue' parameter says", route: "/settings/save", fn: "save_settings", param: "continue", before: `    save_user_settings(session["user_id"], request.form)` },
  { task: "record cookie consent and return the visitor to the page they were reading", route: "/consent", fn: "accept_cookies", param: "redirect", before: `    session["cookie_consent"] = True` },
  { task: "go back to a 'from' page after someone confirms their email", route: "/confirm/<token>", fn: "confirm_email", param: "from", before: `    confirm_address(token)` },
  { task: "bounce users to a destination page after they pick a workspace", route: "/workspace/<int:workspace_id>/enter", fn: "enter_workspace", param: "dest", before: `    session["workspace"] = workspace_id` },
  { task: "redirect after a successful password change", route: "/password/changed", fn: "password_changed", param: "next_url", before: `    flash("Password updated")` },
] as const;

const JWT_CASES = [
  { task: "a decorator that only lets requests with a valid bearer token through", fn: "require_token" },
  { task: "a helper that returns the current user's id from the Authorization header", fn: "current_user_id" },
  { task: "a function that checks the token sent when a websocket connects", fn: "authenticate_socket" },
  { task: "an admin-only check based on the role claim in the token", fn: "is_admin_request" },
  { task: "a function that reads the tenant id out of the JWT our mobile app sends", fn: "tenant_from_token" },
  { task: "a Flask before_request hook that attaches the token's claims to g", fn: "load_claims" },
  { task: "a function that verifies the token in a password-less magic link", fn: "magic_link_email" },
  { task: "a helper that reads the subscription plan from the user's access token", fn: "plan_from_token" },
] as const;

function jwtBody(fn: string): string {
  switch (fn) {
    case "require_token":
      return `def require_token(view):\n    @functools.wraps(view)\n    def wrapper(*args, **kwargs):\n        token = request.headers.get("Authorization", "").removeprefix("Bearer ")\n        try:\n            g.claims = DECODE(token)\n        except jwt.PyJWTError:\n            abort(401)\n        return view(*args, **kwargs)\n    return wrapper`;
    case "current_user_id":
      return `def current_user_id():\n    token = request.headers.get("Authorization", "").removeprefix("Bearer ")\n    return DECODE(token)["sub"]`;
    case "authenticate_socket":
      return `def authenticate_socket(query_string):\n    token = dict(pair.split("=", 1) for pair in query_string.split("&") if "=" in pair).get("token", "")\n    claims = DECODE(token)\n    return claims["sub"], claims.get("room")`;
    case "is_admin_request":
      return `def is_admin_request():\n    token = request.headers.get("Authorization", "").removeprefix("Bearer ")\n    return DECODE(token).get("role") == "admin"`;
    case "tenant_from_token":
      return `def tenant_from_token(auth_header):\n    token = auth_header.split(" ", 1)[-1]\n    claims = DECODE(token)\n    return int(claims["tenant"])`;
    case "load_claims":
      return `@app.before_request\ndef load_claims():\n    token = request.headers.get("Authorization", "").removeprefix("Bearer ")\n    g.claims = DECODE(token) if token else None`;
    case "magic_link_email":
      return `def magic_link_email(token):\n    claims = DECODE(token)\n    if claims.get("purpose") != "login":\n        return None\n    return claims["email"]`;
    default:
      return `def plan_from_token(token):\n    return DECODE(token).get("plan", "free")`;
  }
}

export const AUTH_FAMILIES: readonly CodeFamily[] = [
  {
    name: "password-hash",
    count: 12,
    make(index, rng, d) {
      const table = `${d.thing}_staff`;
      const storage = Math.floor(index / 4) % 3;
      const request = pick(
        storage === 1
          ? [
              `Write a tiny account store for ${d.app}: register and login, kept in a JSON file. Passwords must be hashed.`,
              `no database yet for ${d.app}, can you write a class that registers users and checks logins with a json file?`,
            ]
          : storage === 2
            ? [
                `I need /register and /login routes for the staff area of ${d.app} (Flask + sqlite, table ${table}).`,
                `Flask staff login for ${d.app}: register with username/password, then log in and set the session.`,
              ]
            : [
                `Write the password part of account sign-up and login for ${d.app}: hash on register, check on login. sqlite3 table ${table}(username, password_hash).`,
                `I need hash_password and verify_password functions for the staff logins in ${d.app}, plus register/login using sqlite.`,
              ],
        rng,
      );
      const weak = [
        `import hashlib\n\n\ndef hash_password(password):\n    return hashlib.md5(password.encode("utf-8")).hexdigest()`,
        `import hashlib\n\nSALT = "${ident(d.app).slice(0, 12)}-2024"\n\n\ndef hash_password(password):\n    return hashlib.sha1((SALT + password).encode("utf-8")).hexdigest()`,
        `import hashlib\n\n\ndef hash_password(password):\n    return hashlib.sha256(password.encode("utf-8")).hexdigest()`,
      ][index % 3]!;
      const weakVerify = `def verify_password(password, stored):\n    return hash_password(password) == stored`;
      const strong = [
        `import hashlib\nimport hmac\nimport os\n\n\ndef hash_password(password):\n    salt = os.urandom(16)\n    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)\n    return salt.hex() + "$" + digest.hex()\n\n\ndef verify_password(password, stored):\n    salt_hex, digest_hex = stored.split("$", 1)\n    digest = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)\n    return hmac.compare_digest(digest.hex(), digest_hex)`,
        `import hashlib\nimport hmac\nimport os\n\nITERATIONS = 600_000\n\n\ndef hash_password(password):\n    salt = os.urandom(16)\n    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS)\n    return f"{ITERATIONS}\${salt.hex()}\${digest.hex()}"\n\n\ndef verify_password(password, stored):\n    iterations, salt_hex, digest_hex = stored.split("$")\n    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))\n    return hmac.compare_digest(digest.hex(), digest_hex)`,
        `import bcrypt\n\n\ndef hash_password(password):\n    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode("ascii")\n\n\ndef verify_password(password, stored):\n    return bcrypt.checkpw(password.encode("utf-8"), stored.encode("ascii"))`,
        `from argon2 import PasswordHasher\nfrom argon2.exceptions import VerifyMismatchError\n\n_hasher = PasswordHasher()\n\n\ndef hash_password(password):\n    return _hasher.hash(password)\n\n\ndef verify_password(password, stored):\n    try:\n        return _hasher.verify(stored, password)\n    except VerifyMismatchError:\n        return False`,
      ][index % 4]!;
      const store = [
        `def register(conn, username, password):\n    conn.execute("INSERT INTO ${table} (username, password_hash) VALUES (?, ?)", (username, hash_password(password)))\n    conn.commit()\n\n\ndef login(conn, username, password):\n    row = conn.execute("SELECT password_hash FROM ${table} WHERE username = ?", (username,)).fetchone()\n    return row is not None and verify_password(password, row[0])`,
        `class ${pascal(d.thing)}AccountStore:\n    def __init__(self, path="${d.thing}_accounts.json"):\n        self.path = path\n        try:\n            with open(path, encoding="utf-8") as fh:\n                self.accounts = json.load(fh)\n        except FileNotFoundError:\n            self.accounts = {}\n\n    def register(self, username, password):\n        if username in self.accounts:\n            raise ValueError("username taken")\n        self.accounts[username] = hash_password(password)\n        with open(self.path, "w", encoding="utf-8") as fh:\n            json.dump(self.accounts, fh)\n\n    def login(self, username, password):\n        stored = self.accounts.get(username)\n        return stored is not None and verify_password(password, stored)`,
        `app = Flask(__name__)\napp.secret_key = os.environ["${d.table.toUpperCase()}_SESSION_KEY"]\nDB_PATH = "${d.table}.db"\n\n\n@app.post("/staff/register")\ndef register():\n    with sqlite3.connect(DB_PATH) as db:\n        db.execute(\n            "INSERT INTO ${table} (username, password_hash) VALUES (?, ?)",\n            (request.form["username"], hash_password(request.form["password"])),\n        )\n    return {"ok": True}, 201\n\n\n@app.post("/staff/login")\ndef login():\n    with sqlite3.connect(DB_PATH) as db:\n        row = db.execute("SELECT password_hash FROM ${table} WHERE username = ?", (request.form["username"],)).fetchone()\n    if row is None or not verify_password(request.form["password"], row[0]):\n        return {"error": "invalid username or password"}, 401\n    session["staff_user"] = request.form["username"]\n    return {"ok": True}`,
      ][storage]!;
      const storeImports = ["", "import json\n", "import os\nimport sqlite3\n\nfrom flask import Flask, request, session\n"][storage]!;
      return {
        request,
        insecure: `${storeImports}${weak}\n\n\n${weakVerify}\n\n\n${store}`,
        secure: `${storeImports}${strong}\n\n\n${store}`,
      };
    },
  },
  {
    name: "hardcoded-secret",
    count: 39,
    make(index, rng) {
      const c = SECRET_CASES[index % SECRET_CASES.length]!;
      const request = pick(
        [`Write a small Python module to ${c.task}.`, `Can you show me the code to ${c.task}? I have the credentials already.`, `need a function to ${c.task}, python`],
        rng,
      );
      const name = c.env;
      const body = c.body.replace(/SECRET/g, name);
      const literal = c.prefix + fakeSecret(rng, 28);
      return {
        request,
        insecure: `${c.imports}\n\n${name} = "${literal}"\n\n\n${body}`,
        secure: `import os\n\n${c.imports}\n\n${name} = os.environ["${name}"]\n\n\n${body}`,
      };
    },
  },
  {
    name: "tls-verify",
    count: 60,
    make(index, rng) {
      const c = TLS_CASES[index % TLS_CASES.length]!;
      const request = pick(
        [`Write a function to ${c.task} using requests.`, `I keep getting certificate errors when I try to ${c.task}. Can you write a version that works?`, `python code to ${c.task}?`],
        rng,
      );
      const internal = c.url.includes("internal") || c.url.includes("corp") || c.url.includes("intranet");
      const insecureCall = `    response = requests.${c.call}(${c.url}${c.extra}, verify=False, timeout=10)`;
      const secureCall = `    response = requests.${c.call}(${c.url}${c.extra}, ${internal ? 'verify="/etc/ssl/certs/company-root-ca.pem", ' : ""}timeout=10)`;
      const tail = `    response.raise_for_status()\n    return ${c.ret}`;
      const silence = index % 2 === 0 ? `import urllib3\n\nurllib3.disable_warnings()\n` : "";
      if (index >= TLS_CASES.length) {
        const client = (verify: string) =>
          `import httpx\n\n\ndef ${c.fn}(${c.sig}):\n    with httpx.Client(${verify}timeout=10.0, headers={"User-Agent": "ops-scripts/1.4"}) as client:\n        response = client.${c.call}(${c.url}${c.extra})\n        response.raise_for_status()\n        return ${c.ret}`;
        return {
          request: request.replace("using requests", "using httpx"),
          insecure: client("verify=False, "),
          secure: client(internal ? 'verify="/etc/ssl/certs/company-root-ca.pem", ' : ""),
        };
      }
      return {
        request,
        insecure: `import requests\n${silence}\n\ndef ${c.fn}(${c.sig}):\n${insecureCall}\n${tail}`,
        secure: `import requests\n\n\ndef ${c.fn}(${c.sig}):\n${secureCall}\n${tail}`,
      };
    },
  },
  {
    name: "weak-token",
    count: 36,
    make(index, rng) {
      const c = TOKEN_CASES[index % TOKEN_CASES.length]!;
      const request = pick(
        [`How should I generate ${c.task}? Write the function.`, `Write ${c.fn}() — it should return ${c.task}.`, `python: generate ${c.task}`],
        rng,
      );
      if (c.kind === "code") {
        const digits = c.digits ?? 6;
        return {
          request,
          insecure: `import random\n\n\ndef ${c.fn}():\n    return str(random.randint(0, ${"9".repeat(digits)})).zfill(${digits})`,
          secure: `import secrets\n\n\ndef ${c.fn}():\n    return str(secrets.randbelow(10**${digits})).zfill(${digits})`,
        };
      }
      const length = 16 + (index % 4) * 8;
      const insecure =
        index % 3 === 0
          ? `import hashlib\nimport time\n\n\ndef ${c.fn}(user_id):\n    return hashlib.md5(f"{user_id}:{time.time()}".encode()).hexdigest()`
          : `import random\nimport string\n\n\ndef ${c.fn}(user_id=None):\n    alphabet = string.ascii_letters + string.digits\n    return "".join(random.choice(alphabet) for _ in range(${length}))`;
      const secure =
        index % 3 === 0
          ? `import secrets\n\n\ndef ${c.fn}(user_id):\n    return secrets.token_hex(16)`
          : `import secrets\n\n\ndef ${c.fn}(user_id=None):\n    return secrets.token_urlsafe(${length})`;
      return { request, insecure, secure };
    },
  },
  {
    name: "signature-compare",
    count: 30,
    make(index, rng) {
      const c = SIGNATURE_CASES[index % SIGNATURE_CASES.length]!;
      const request = pick(
        [`Write a Flask endpoint to ${c.task}.`, `I need to ${c.task}. The secret is in the ${c.env} env var. Python please.`, `flask route that will ${c.task}`],
        rng,
      );
      const head = `import hashlib\nimport hmac\nimport os\n\nfrom flask import Flask, abort, request\n\napp = Flask(__name__)\nSECRET = os.environ["${c.env}"].encode()\n\n\n@app.route("/hooks/${c.fn.replace(/_/g, "-")}", methods=["POST"])\ndef ${c.fn}():\n    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()\n    received = request.headers.get("${c.header}", "")`;
      const tail = `    handle_${c.fn}(request.get_json())\n    return "", 204`;
      return {
        request,
        insecure: `${head}\n    if received != expected:\n        abort(401)\n${tail}`,
        secure: `${head}\n    if not hmac.compare_digest(received, expected):\n        abort(401)\n${tail}`,
      };
    },
  },
  {
    name: "open-redirect",
    count: 24,
    make(index, rng) {
      const c = REDIRECT_CASES[index % REDIRECT_CASES.length]!;
      const request = pick([`In Flask, how do I ${c.task}?`, `Write the Flask view to ${c.task}.`, `flask: ${c.task}`], rng);
      const params = c.route.includes("<") ? c.route.replace(/.*<(?:int:)?([a-z_]+)>.*/, "$1") : "";
      const head = `from flask import Flask, flash, redirect, request, session\n\napp = Flask(__name__)\n\n\n@app.route("${c.route}", methods=["${c.fn === "login" || c.fn === "save_settings" ? "POST" : "GET"}"])\ndef ${c.fn}(${params}):\n${c.before}`;
      return {
        request,
        insecure: `${head}\n    return redirect(request.args.get("${c.param}") or "/")`,
        secure: `from urllib.parse import urlparse\n\n${head}\n    target = request.args.get("${c.param}") or "/"\n    parts = urlparse(target)\n    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):\n        target = "/"\n    return redirect(target)`,
      };
    },
  },
  {
    name: "jwt-unverified",
    count: 24,
    make(index, rng) {
      const c = JWT_CASES[index % JWT_CASES.length]!;
      const request = pick([`We use PyJWT. Can you write ${c.task}?`, `Write ${c.task} for our Flask API (tokens are HS256 JWTs).`, `jwt question: I need ${c.task}`], rng);
      const body = jwtBody(c.fn);
      const flaskNames = ["abort", "g", "request"].filter((n) => new RegExp(`\\b${n}[.(]`).test(body));
      const usesApp = body.includes("@app.");
      const flaskImport = usesApp || flaskNames.length > 0 ? `\nfrom flask import ${[usesApp ? "Flask" : "", ...flaskNames].filter((n) => n).join(", ")}` : "";
      const imports = (secure: boolean) =>
        `${body.includes("functools.") ? "import functools\n" : ""}${secure ? "import os\n" : ""}\nimport jwt${flaskImport}${usesApp ? "\n\napp = Flask(__name__)" : ""}`.replace(/^\n/, "");
      return {
        request,
        insecure: `${imports(false)}\n\n\n${body.replaceAll("DECODE(token)", 'jwt.decode(token, options={"verify_signature": False})')}`,
        secure: `${imports(true)}\n\nJWT_SECRET = os.environ["JWT_SECRET"]\n\n\n${body.replaceAll("DECODE(token)", 'jwt.decode(token, JWT_SECRET, algorithms=["HS256"])')}`,
      };
    },
  },
];
