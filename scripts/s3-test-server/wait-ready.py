#!/usr/bin/python3
"""Waits until the S3 test server answers: every Swift backend's /healthcheck, then a
signed S3 ListBuckets through the proxy (tempauth has loaded, the account exists).
Exits non-zero with one line saying why if a server died or the time ran out.

    wait-ready.py RUN_DIR TIMEOUT_S HOST S3_PORT ACCESS_KEY SECRET_KEY BACKEND_PORT...
"""
import base64
import email.utils
import hashlib
import hmac
import os
import sys
import time
import urllib.error
import urllib.request

run, timeout, host, s3_port, access_key, secret_key = sys.argv[1:7]
backends = sys.argv[7:]
deadline = time.time() + float(timeout)


def check_alive():
    for f in sorted(os.listdir(run)):
        if not f.endswith('.pid'):
            continue
        pid = int(open(os.path.join(run, f)).read())
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit('%s (pid %d) exited while starting; see its log' % (f[:-4], pid))


def answers(request):
    try:
        return urllib.request.urlopen(request, timeout=5).status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_for(what, make_request):
    while not answers(make_request()):
        check_alive()
        if time.time() > deadline:
            sys.exit('timed out after %s s waiting for %s' % (timeout, what))
        time.sleep(0.2)


for port in backends + [s3_port]:
    wait_for('%s:%s/healthcheck' % (host, port), lambda: 'http://%s:%s/healthcheck' % (host, port))


def list_buckets():
    # AWS signature v2: enough for a readiness probe, and needs nothing beyond the stdlib.
    date = email.utils.formatdate(usegmt=True)
    signature = hmac.new(secret_key.encode(), ('GET\n\n\n%s\n/' % date).encode(), hashlib.sha1).digest()
    return urllib.request.Request('http://%s:%s/' % (host, s3_port), headers={
        'Date': date, 'Authorization': 'AWS %s:%s' % (access_key, base64.b64encode(signature).decode())})


wait_for('S3 ListBuckets on %s:%s' % (host, s3_port), list_buckets)
