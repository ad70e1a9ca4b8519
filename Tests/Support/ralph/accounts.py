#!/usr/bin/env python3
"""Write a Ralph auth file (RALPH_AUTH_FILE) with the tests' accounts, in the form `ralph auth`
writes, in one process (each `ralph auth` call starts Ralph's whole CLI: seconds each).

Usage: accounts.py AUTH_FILE NAME:PASSWORD:SCOPE[,SCOPE...] ...
Each account's agent is `{"account": {"name": NAME, "homePage": "https://example.org"}}`,
which is the authority Ralph stores on the statements that account writes. Hashes use bcrypt's
lowest cost: these are throw-away test passwords, and Ralph checks the hash on every request.
"""
import json
import sys

import bcrypt

users = []
for spec in sys.argv[2:]:
    name, password, scopes = spec.split(":", 2)
    users.append({
        "agent": {"account": {"homePage": "https://example.org", "name": name}, "objectType": "Agent"},
        "scopes": scopes.split(","),
        "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode("ascii"),
        "username": name,
    })
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(users, out, indent=2)
