"""A real SMTP server for the tests of `wegwijs remind` (aiosmtpd, from the test venv).

Usage: smtp_sink.py PORT FOLDER [CERT KEY USER:PASSWORD]
With a certificate, its key and one account, the server offers STARTTLS, requires it before
anything else, and requires AUTH (PLAIN or LOGIN) with that account; every sign-in attempt is
logged to FOLDER/logins.ndjson (user, whether it matched, whether the connection was TLS).
Every message it receives is written to FOLDER/NNNN.eml (the DATA as received), and one JSON
line per message goes to FOLDER/messages.ndjson: its envelope sender and recipients, the
client's address and port (one port for the whole batch means one connection) and the file.
"""
import asyncio
import json
import os
import ssl
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parent_watch  # noqa: E402

parent_watch.watch()

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.folder, "%04d.eml" % self.count)
        with open(name, "wb") as out:
            out.write(envelope.original_content)
        with open(os.path.join(self.folder, "messages.ndjson"), "a") as log:
            log.write(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                                  "peer": list(session.peer), "file": name,
                                  "tls": session.ssl is not None,
                                  "authenticated": bool(session.authenticated)}) + "\n")
        return "250 OK"


class Account:
    """Accepts one user:password, and logs every attempt."""

    def __init__(self, folder, account):
        self.folder = folder
        self.user, self.password = account.split(":", 1)

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == self.user \
            and auth_data.password.decode() == self.password
        with open(os.path.join(self.folder, "logins.ndjson"), "a") as log:
            user = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else None
            log.write(json.dumps({"user": user, "ok": ok, "mechanism": mechanism,
                                  "tls": session.ssl is not None}) + "\n")
        return AuthResult(success=ok)


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    options = {}
    if len(sys.argv) == 6:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        options = dict(tls_context=context, require_starttls=True, auth_required=True,
                       auth_require_tls=True, authenticator=Account(folder, sys.argv[5]))
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, **options)
    controller.start()
    open(os.path.join(folder, "ready"), "w").close()
    try:
        asyncio.get_event_loop().run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
