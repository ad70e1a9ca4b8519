"""A real SMTP server for the tests of `wegwijs remind` (aiosmtpd, from the test venv).

Usage: smtp_sink.py PORT FOLDER
Every message it receives is written to FOLDER/NNNN.eml (the DATA as received), and one JSON
line per message goes to FOLDER/messages.ndjson: its envelope sender and recipients, the
client's address and port (one port for the whole batch means one connection) and the file.
"""
import asyncio
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parent_watch  # noqa: E402

parent_watch.watch()

from aiosmtpd.controller import Controller  # noqa: E402


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
                                  "peer": list(session.peer), "file": name}) + "\n")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    open(os.path.join(folder, "ready"), "w").close()
    try:
        asyncio.get_event_loop().run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
