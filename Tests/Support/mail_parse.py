"""Parses the messages an SMTP test server received with Python's `email` package.

Usage: mail_parse.py FILE...  One JSON line per file: every header (name, value decoded), the
Content-Type of each part, and the text of the plain and HTML parts.
"""
import email
import email.policy
import json
import sys

for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    parts = {}
    types = []
    for part in message.walk():
        types.append(part.get_content_type())
        if part.get_content_type() in ("text/plain", "text/html"):
            parts[part.get_content_type()] = part.get_content()
    print(json.dumps({
        "headers": [[key, str(value)] for key, value in message.items()],
        "defects": [str(defect) for defect in message.defects],
        "types": types,
        "plain": parts.get("text/plain"),
        "html": parts.get("text/html"),
    }))
