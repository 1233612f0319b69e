#!/usr/bin/env python3
"""A case system in Python talking to `tip-harmonise serve`, standard library only.

It finds every endpoint by its operationId in the service's own OpenAPI description
(GET /openapi.json), so nothing here knows a URL path in advance:
  1. validate: a record with a bad date is refused, and the problem names the field;
  2. screen: verdicts per regime for a case;
  3. explain: the questions still to ask, in Indonesian;
  4. screen a backlog as NDJSON, a bad line answered in place.

    npx tip-harmonise serve --port 8080 &
    python3 examples/python_client.py http://127.0.0.1:8080

Prints one JSON object with what it found (the test suite checks it).
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"


def get_json(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as r:
        return json.load(r)


spec = get_json("/openapi.json")
operations = {
    op["operationId"]: (path, method.upper())
    for path, ops in spec["paths"].items()
    for method, op in ops.items()
}


def call(operation_id, body, query=None, content_type="application/json"):
    """(status, parsed answer) of one operation; problem details are answers too."""
    path, method = operations[operation_id]
    url = BASE + path + ("?" + urllib.parse.urlencode(query, doseq=True) if query else "")
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


case = {
    "conductDate": "2023-08-01",
    "victim": {"age": 28, "nationality": "ID"},
    "acts": ["recruitment", "transportation"],
    "purposes": ["forced-labour"],
    "movement": {"origin": "ID", "destination": "MY", "completed": True},
}

# 1. validate
status, text = call("compare", {"victim": {"birthDate": "1995-02-30"}})
problem = json.loads(text)
bad_fields = [i["path"] for i in problem.get("issues", [])]

# 2. screen
status_ok, text = call("compare", case, {"detail": "verdicts"})
comparison = json.loads(text)
verdicts = {r["regime"]: r["trafficking"]["status"] for r in comparison["regimes"]}

# 3. explain
_, text = call("explainMissing", case, {"lang": "id", "regime": "actip"})
questions = json.loads(text)

# 4. a backlog
lines = [json.dumps(dict(case, id="A-1")), json.dumps({"id": "A-2", "victim": {"age": "dua puluh"}})]
_, text = call("batch", ("\n".join(lines) + "\n").encode(), {"detail": "verdicts"}, "application/x-ndjson")
answers = [json.loads(line) for line in text.splitlines() if line.strip()]

print(json.dumps({
    "validate": {"status": status, "contentType": "problem", "fields": bad_fields},
    "screen": {"status": status_ok, "verdicts": verdicts, "receipt": comparison["receipt"]["factsHash"][:7]},
    "explain": [q["fact"] for q in questions],
    "batch": [a.get("caseId") if "regimes" in a else a.get("error") for a in answers],
}))
