"""Ends a test server when the test process that started it is gone, however it ended.

A test run that traps (or is killed) runs no clean-up, and a server it started would otherwise
keep running and keep its port. `watch()` checks every half second whether the parent is still
the process that started this one (a process whose parent died is handed to another) and exits
at once when it is not. (prctl's PR_SET_PDEATHSIG is not used: it fires when the parent
*thread* ends, and a test runner starts servers from threads of a pool that may end early.)
"""
import os
import threading
import time


def watch():
    # The test process, as it said when it started this one (a shell between them may already
    # be gone), else the parent now.
    parent = int(os.environ.get("WEGWIJS_TEST_PARENT_PID") or os.getppid())

    def loop():
        while True:
            if os.getppid() != parent:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=loop, daemon=True).start()
