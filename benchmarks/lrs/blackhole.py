#!/usr/bin/env python3
"""Listens on 127.0.0.1:PORT and never answers: an LRS behind a firewall that drops traffic."""
import socket
import sys
import time

server = socket.socket()
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen(1024)
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 600)
