#!/usr/bin/env python3
"""Time from saving an article to the reload event of `broadsheet serve`.

    Benchmarks/serve-latency.py BROADSHEET_BINARY SITE_FOLDER [ROUNDS] [FILE] [--quote] [--verbose]

Starts `serve --port 0` on SITE_FOLDER, listens on its Server-Sent Events endpoint, appends a
sentence to the first article (or to FILE, a path inside SITE_FOLDER such as
Templates/partials/footer.mustache) ROUNDS times, restoring it afterwards, and prints the
milliseconds from each save to the `event: reload`, which includes the 100 ms pause the watcher
waits for, and to the home page fetched after it (what a reloading browser waits for; serve
renders each page when it is asked for).

--quote appends a quoted, attributed paragraph instead of a plain sentence: the edit then changes
what lists show (the quotation index, the speaker's page), the harder case for a rebuild.
--verbose runs serve with --verbose and prints the stage timings of each rebuild.
"""
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

flags = {arg for arg in sys.argv[1:] if arg.startswith("--")}
args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
binary, site = args[0], args[1]
rounds = int(args[2]) if len(args) > 2 else 5
articles = os.path.join(site, "Content", "articles")
if len(args) > 3:
    article = os.path.join(site, args[3])
else:
    article = os.path.join(articles, sorted(f for f in os.listdir(articles) if f.endswith((".md", ".txt")))[0])
command = [binary, "serve", "--source", site, "--port", "0"] + (["--verbose"] if "--verbose" in flags else [])
server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
original = open(article, encoding="utf-8").read()
log = []


def drain():
    """Keeps reading serve's log so that it never blocks on a full pipe."""
    for line in server.stderr:
        log.append(line.rstrip("\n"))


try:
    port = None
    for line in server.stderr:
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
            break
    threading.Thread(target=drain, daemon=True).start()
    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /__broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    events.settimeout(120)
    received = events.recv(4096).decode()
    timings = []
    fetched = []
    for round in range(rounds):
        time.sleep(0.5)
        if "--quote" in flags:
            added = f'\n\n"We will look at edit number {round} again next week," Jane Example said.\n'
        else:
            added = f"\n\nEdit number {round} for the latency benchmark.\n"  # text in a template too
        start = time.monotonic()
        with open(article, "w", encoding="utf-8") as f:
            f.write(original + added)
        while "event: reload" not in received:
            received += events.recv(4096).decode()
        timings.append((time.monotonic() - start) * 1000)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/").read()
        fetched.append((time.monotonic() - start) * 1000)
        received = received.split("event: reload", 1)[1]
    print(f"{os.path.basename(site)}: save to reload event, ms: " + ", ".join(f"{t:.0f}" for t in timings))
    print(f"{os.path.basename(site)}: save to home page fetched, ms: " + ", ".join(f"{t:.0f}" for t in fetched))
finally:
    with open(article, "w", encoding="utf-8") as f:
        f.write(original)
    server.terminate()
    server.wait(timeout=30)
    if "--verbose" in flags:
        time.sleep(0.2)
        print("\n".join(line for line in log if re.match(r"^\s*\d+\.\d ms", line) or "rebuilt" in line))
