"""Drives AIS Exchange with the OASIS TAXII 2.1 client (taxii2-client 2.3.0, ``taxii2client.v21``).

Run by test/e2e/taxii-interop.e2e-spec.ts with the venv that scripts/python-env.sh makes. Reads
one JSON document on stdin (credentials never travel on the command line)::

    {"discovery": "http://127.0.0.1:18180/taxii2/", "user": "...", "password": "...",
     "envelope": {"objects": [...]},
     "tls": {"discovery": "https://127.0.0.1:18190/taxii2/", "cert": "client.crt",
             "key": "client.key", "ca": "ca.crt", "envelope": {"objects": [...]}}}   # optional

and prints one JSON document on stdout with what the client saw: discovery, the ingest API root,
its collections, the final status of ``add_objects(..., wait_for_completion=True)``, the status of
re-posting the same envelope (an exact duplicate), and, with ``tls``, the same over HTTPS
authenticated by the client certificate alone. Any client-side validation failure raises and
exits non-zero with the traceback on stderr.
"""

import json
import os
import sys
import time

from taxii2client.v21 import Server


def status_of(status):
    """The fields of a taxii2client Status, as plain JSON."""
    return {
        "id": status.id,
        "status": status.status,
        "total_count": status.total_count,
        "success_count": status.success_count,
        "failure_count": status.failure_count,
        "pending_count": status.pending_count,
        "successes": status.successes,
        "failures": status.failures,
        "pendings": status.pendings,
    }


def collection_of(collection):
    return {
        "id": collection.id,
        "title": collection.title,
        "can_read": collection.can_read,
        "can_write": collection.can_write,
        "media_types": collection.media_types,
        "url": collection.url,
    }


def ingest_root_of(server):
    """The API root the server names as default (the ingest root), loaded."""
    root = server.default
    if root is None:
        raise RuntimeError("discovery names no default API root")
    root.refresh()
    return root


def add(collection, envelope):
    started = time.monotonic()
    status = collection.add_objects(envelope, wait_for_completion=True, poll_interval=1, timeout=60)
    return {"status": status_of(status), "seconds": round(time.monotonic() - started, 3)}


def main():
    request = json.load(sys.stdin)
    server = Server(request["discovery"], user=request["user"], password=request["password"])
    root = ingest_root_of(server)
    collections = root.collections
    writable = [c for c in collections if c.can_write]
    if len(writable) != 1:
        raise RuntimeError("expected exactly one writable collection on the ingest root")
    collection = writable[0]

    result = {
        "discovery": {
            "title": server.title,
            "description": server.description,
            "default": root.url,
            "api_roots": [r.url for r in server.api_roots],
        },
        "api_root": {
            "title": root.title,
            "versions": root.versions,
            "max_content_length": root.max_content_length,
        },
        "collections": [collection_of(c) for c in collections],
        "add": add(collection, request["envelope"]),
        # The same envelope again: every object an exact duplicate of an accepted version.
        "duplicate": add(collection, request["envelope"]),
    }

    tls = request.get("tls")
    if tls is not None:
        # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's own `verify`
        # (psf/requests#4726); the test CA given here must win.
        os.environ.pop("REQUESTS_CA_BUNDLE", None)
        os.environ.pop("CURL_CA_BUNDLE", None)
        secure = Server(tls["discovery"], cert=(tls["cert"], tls["key"]), verify=tls["ca"])
        secure_root = ingest_root_of(secure)
        secure_collection = [c for c in secure_root.collections if c.can_write][0]
        result["tls"] = {
            "title": secure.title,
            "api_root_title": secure_root.title,
            "add": add(secure_collection, tls["envelope"]),
        }

    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
