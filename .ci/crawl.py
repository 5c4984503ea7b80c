#!/usr/bin/env python3
"""Crawls a Broadsheet site served over HTTP from its home page.

    .ci/crawl.py BASE_URL OUTPUT_FOLDER

Follows every link and src under BASE_URL, fails on any status but 200 (after redirects), on a
#fragment with no matching id, on an HTML page of OUTPUT_FOLDER that no link reaches, and on feeds,
sitemap and open data served with the wrong Content-Type. Prints what it checked.
"""
import html.parser
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

base, folder = sys.argv[1], sys.argv[2]
root_path = urllib.parse.urlparse(base).path


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), b""


failures, seen, ids, queue, fragments = [], set(), {}, [base], []
while queue:
    url = queue.pop()
    if url in seen:
        continue
    seen.add(url)
    status, kind, body = fetch(url)
    if status != 200:
        failures.append(f"{url}: status {status}")
        continue
    if kind != "text/html":
        continue
    page = Page()
    page.feed(body.decode("utf-8"))
    ids[url] = page.ids
    for link in page.links:
        target, _, fragment = urllib.parse.urljoin(url, link).partition("#")
        if not target.startswith(base):
            continue
        if fragment:
            fragments.append((url, target, urllib.parse.unquote(fragment)))
        queue.append(target)

for page, target, fragment in fragments:
    if target in ids and fragment not in ids[target]:
        failures.append(f"{page}: link to {target}#{fragment}, which has no such id")

pages = set()
for directory, _, files in os.walk(folder):
    for name in files:
        if name == "index.html":
            relative = os.path.relpath(directory, folder)
            pages.add(base + ("" if relative == "." else relative + "/"))
for missing in sorted(pages - seen):
    failures.append(f"{missing}: no link reaches this page")

expected = {
    "feed.xml": {"application/atom+xml", "application/xml", "text/xml"},
    "feed.json": {"application/feed+json", "application/json"},
    "sitemap.xml": {"application/xml", "text/xml"},
    "robots.txt": {"text/plain"},
    "data/articles.json": {"application/json"},
    "data/entities.json": {"application/json"},
    "data/quotes.json": {"application/json"},
    "data/quotes.csv": {"text/csv"},
    "search/index.json": {"application/json"},
    "assets/style.css": {"text/css"},
    "assets/search.js": {"application/javascript", "text/javascript"},
}
for path, kinds in expected.items():
    status, kind, _ = fetch(base + path)
    if status != 200 or kind not in kinds:
        failures.append(f"{base}{path}: status {status}, Content-Type {kind}, expected one of {sorted(kinds)}")

status, kind, _ = fetch(base + "no/such/page/")
if status != 404 or kind != "text/html":
    failures.append(f"a missing page answered {status} {kind}, not the site's 404 page")

for failure in failures:
    print("crawl: error:", failure, file=sys.stderr)
print(f"crawl: {len(seen)} URLs fetched from {base}, {len(pages)} pages, {len(fragments)} fragment links, "
      f"{len(failures)} failures", file=sys.stderr)
sys.exit(1 if failures else 0)
