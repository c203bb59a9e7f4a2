"""The part of an audit subset (docs/formats.md, "Audit subsets"), independently of Tamga:
reads JSON [[name, N], ...] on stdin, prints the 1-based parts as a JSON list."""
import json
import sys

print(json.dumps([int(name[:8], 16) % n + 1 for name, n in json.load(sys.stdin)]))
