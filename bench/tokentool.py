"""Helpers for bench/python-interop.sh, run with the seed venv's Python (needs google-auth).

  tokentool.py ids FILE               thread ids of a threads.list JSON document (the quickstart's
                                      or gmailcli's output), comma-separated
  tokentool.py expire FILE            move token.json's expiry 1 h into the past, written the way
                                      google-auth's Credentials.to_json writes it (same key order,
                                      json.dumps, expiry.isoformat() + "Z")
  tokentool.py set FILE JSON [KEY..]  merge JSON into token.json (and drop KEYs), Python-style
  tokentool.py get FILE KEY           one field of token.json ("<absent>" when missing)
  tokentool.py like-python FILE       compare a token.json written by gmailcli with what google-auth
                                      writes for the same credentials (key order, values, expiry
                                      format); prints "ok" or the differences, exit 1 on a difference
  tokentool.py python-reads FILE      google-auth loads FILE (from_authorized_user_file) and reports
                                      valid/expired; exit 1 when it cannot load it
"""
import datetime
import json
import re
import sys

from google.auth import _helpers
from google.oauth2.credentials import Credentials

EXPIRY = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$")
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save_python_style(path, data):
    with open(path, "w") as f:  # as the quickstart's save_token does
        f.write(json.dumps(data))


def ids(path):
    # on its first run the quickstart prints its consent prompt ("Please visit this URL ...") on
    # stdout before the listing: the document starts at the first line that starts with "{"
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("{"))
    document = json.loads("\n".join(lines[start:]))
    print(",".join(t["id"] for t in document.get("threads", [])))


def expire(path):
    data = load(path)
    data["expiry"] = (_helpers.utcnow() - datetime.timedelta(hours=1)).isoformat() + "Z"
    save_python_style(path, data)


def set_fields(path, patch, *drop):
    data = load(path)
    data.update(json.loads(patch))
    for key in drop:
        data.pop(key, None)
    save_python_style(path, data)


def get(path, key):
    data = load(path)
    value = data.get(key, "<absent>")
    print(value if isinstance(value, str) else json.dumps(value))


def like_python(path):
    written = load(path)
    creds = Credentials.from_authorized_user_info(written)
    python = json.loads(creds.to_json())
    # google-auth always replaces token_uri by Google's endpoint on load: compare as written
    python["token_uri"] = written.get("token_uri", python.get("token_uri"))
    problems = []
    # google-auth drops unknown fields on write: compare the order of the fields it knows
    known = [k for k in written if k in python]
    if known != list(python):
        problems.append("key order %s, google-auth writes %s" % (known, list(python)))
    for key, value in python.items():
        if key == "expiry":
            continue
        if written.get(key) != value:
            problems.append("%s: %r, google-auth writes %r" % (key, written.get(key), value))
    expiry = written.get("expiry")
    if expiry is not None:
        if not EXPIRY.match(expiry):
            problems.append("expiry %r is not isoformat()+'Z' (naive UTC)" % expiry)
        elif expiry.split(".")[0].rstrip("Z") != python["expiry"].rstrip("Z"):
            problems.append("expiry %r read back as %r" % (expiry, python["expiry"]))
    extra = [k for k in written if k not in python]
    if problems:
        print("; ".join(problems))
        sys.exit(1)
    print("ok" + (" (google-auth would drop %s)" % ", ".join(extra) if extra else ""))


def python_reads(path):
    try:
        creds = Credentials.from_authorized_user_file(path, SCOPES)
    except Exception as e:  # noqa: BLE001 - report whatever google-auth raises
        print("google-auth cannot load it: %s: %s" % (type(e).__name__, e))
        sys.exit(1)
    print("valid" if creds.valid else "expired" if creds.expired else "invalid")


if __name__ == "__main__":
    commands = {"ids": ids, "expire": expire, "set": set_fields, "get": get,
                "like-python": like_python, "python-reads": python_reads}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
