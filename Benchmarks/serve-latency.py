#!/usr/bin/env python3
"""Time from saving an article to the reload event of `broadsheet serve`.

    Benchmarks/serve-latency.py BROADSHEET_BINARY SITE_FOLDER [ROUNDS] [FILE]

Starts `serve --port 0` on SITE_FOLDER, listens on its Server-Sent Events endpoint, appends a
sentence to the first article (or to FILE, a path inside SITE_FOLDER such as
Templates/partials/footer.mustache) ROUNDS times, restoring it afterwards, and prints the
milliseconds from each save to the `event: reload`, which includes the 100 ms pause the watcher
waits for.
"""
import os
import re
import socket
import subprocess
import sys
import time

binary, site = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
articles = os.path.join(site, "Content", "articles")
if len(sys.argv) > 4:
    article = os.path.join(site, sys.argv[4])
else:
    article = os.path.join(articles, sorted(f for f in os.listdir(articles) if f.endswith((".md", ".txt")))[0])
server = subprocess.Popen([binary, "serve", "--source", site, "--port", "0"], stderr=subprocess.PIPE, text=True)
original = open(article, encoding="utf-8").read()
try:
    port = None
    for line in server.stderr:
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
            break
    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /__broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    events.settimeout(120)
    received = events.recv(4096).decode()
    timings = []
    for round in range(rounds):
        time.sleep(0.5)
        start = time.monotonic()
        with open(article, "w", encoding="utf-8") as f:
            f.write(original + f"\n\nEdit number {round} for the latency benchmark.\n")  # text in a template too
        while "event: reload" not in received:
            received += events.recv(4096).decode()
        timings.append((time.monotonic() - start) * 1000)
        received = received.split("event: reload", 1)[1]
    print(f"{os.path.basename(site)}: save to reload event, ms: " + ", ".join(f"{t:.0f}" for t in timings))
finally:
    with open(article, "w", encoding="utf-8") as f:
        f.write(original)
    server.terminate()
    server.wait(timeout=30)
