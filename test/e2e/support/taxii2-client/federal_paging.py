"""Pages through TAXII root ``federal`` with the OASIS TAXII 2.1 client (taxii2-client 2.3.0).

Run by test/e2e/federal-paging.e2e-spec.ts with the venv that scripts/python-env.sh makes. Reads
one JSON document on stdin (credentials never travel on the command line)::

    {"root": "http://127.0.0.1:18580/federal/", "user": "...", "password": "...",
     "runs": [{"name": "all", "per_request": 4, "added_after": "2020-01-01T00:00:00Z",
               "pause_seconds": 0.0}, ...]}

For each run it calls ``as_pages(collection.get_objects, per_request=N, added_after=...,
version="all")`` (``match[version]=all``) on the root's one readable collection, sleeping
``pause_seconds`` between pages, and prints one JSON document on stdout::

    {"collection": "<id>", "runs": {"all": {"pages": 5, "sizes": [4, 4, 4, 4, 2],
                                            "versions": [["indicator--…", "2026-…Z"], ...]}}}

``versions`` lists what the client received, in order, as (id, modified) pairs. After each page
it writes ``page <run> <n>`` on stderr, so a test can act while paging goes on; with
``"hold": {"after_page": 2, "until_file": "/tmp/…"}`` in a run it also stops after that page until
the file exists (at most two minutes), so the test can add versions while a paging is under way.
Any client-side failure raises and exits non-zero with the traceback on stderr.
"""

import json
import os
import sys
import time

HOLD_LIMIT_SECONDS = 120

from taxii2client.v21 import ApiRoot, as_pages


def version_of(obj):
    """The TAXII version of an object: its modified, else created (SCOs have neither)."""
    return obj.get("modified") or obj.get("created")


def page_through(collection, run):
    pages = 0
    sizes = []
    versions = []
    for envelope in as_pages(
        collection.get_objects,
        per_request=run["per_request"],
        added_after=run["added_after"],
        version="all",
    ):
        objects = envelope.get("objects", [])
        pages += 1
        sizes.append(len(objects))
        versions.extend([obj["id"], version_of(obj)] for obj in objects)
        sys.stderr.write("page %s %d\n" % (run["name"], pages))
        sys.stderr.flush()
        hold = run.get("hold")
        if hold is not None and pages == hold["after_page"]:
            deadline = time.monotonic() + HOLD_LIMIT_SECONDS
            while not os.path.exists(hold["until_file"]):
                if time.monotonic() > deadline:
                    raise RuntimeError("hold file never appeared")
                time.sleep(0.1)
        if envelope.get("more") and run.get("pause_seconds"):
            time.sleep(run["pause_seconds"])
    return {"pages": pages, "sizes": sizes, "versions": versions}


def main():
    request = json.load(sys.stdin)
    root = ApiRoot(request["root"], user=request["user"], password=request["password"])
    readable = [c for c in root.collections if c.can_read]
    if len(readable) != 1:
        raise RuntimeError("expected exactly one readable collection on the federal root")
    collection = readable[0]
    result = {"collection": collection.id, "runs": {}}
    for run in request["runs"]:
        result["runs"][run["name"]] = page_through(collection, run)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
