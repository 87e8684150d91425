#!/usr/bin/env python3
"""Checks the content of cxx-escape's SARIF output for Inputs/flow.cpp.

Usage: check_sarif.py FILE SOURCE_ROOT DOCS_RULES_DIR
The rules' descriptions must be the "What it finds" paragraphs of the docs.
"""
import json
import os
import re
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
root = os.path.normpath(os.path.abspath(sys.argv[2]))
docs = sys.argv[3]


def check(cond, what):
    if not cond:
        sys.exit("check_sarif: " + what)


check(doc["version"] == "2.1.0", "version")
check(doc["$schema"].endswith("sarif-schema-2.1.0.json"), "$schema")
check(len(doc["runs"]) == 1, "one run")
run = doc["runs"][0]
driver = run["tool"]["driver"]
check(driver["name"] == "cxx-escape", "driver name")
check(re.match(r"^\d+\.\d+\.\d+", driver["semanticVersion"]) and
      driver["version"] == driver["semanticVersion"], "version")
rules = driver["rules"]
ids = [r["id"] for r in rules]
check(ids == ["escape-return", "escape-global", "escape-outparam", "escape-member",
              "escape-scope", "escape-lambda", "escape-temporary", "escape-throw",
              "escape-container", "escape-thread", "escape-view", "escape-unknown-call",
              "escape-lifetimebound", "escape-heap-to-stack", "escape-leak"],
      "rules in registry order: %r" % ids)
for r in rules:
    page = open(os.path.join(docs, r["id"] + ".md"), encoding="utf-8").read()
    para = page.split("## What it finds", 1)[1].split("\n## ", 1)[0]
    para = " ".join(para.split())
    para = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", para).replace("`", "")
    check(r["fullDescription"]["text"] == para,
          "%s: fullDescription differs from the docs:\n%s\n%s" % (r["id"], r["fullDescription"]["text"], para))
    check(r["help"]["text"].startswith(para), r["id"] + ": help.text")
    check("docs/rules/%s.md" % r["id"] in r["help"]["markdown"], r["id"] + ": help.markdown")
    check(r["shortDescription"]["text"].endswith("."), r["id"] + ": shortDescription")
    check(r["name"] == "".join(w.capitalize() for w in r["id"].split("-")), r["id"] + ": name")
    check(r["defaultConfiguration"]["level"] == "warning", r["id"] + ": level")
    # A suggestion names no weakness, and is off unless named.
    suggestion = r["id"] in ("escape-lifetimebound", "escape-heap-to-stack")
    off = suggestion or r["id"] == "escape-leak"
    dangling = not off
    check(("external/cwe/cwe-825" in r["properties"]["tags"]) == dangling, r["id"] + ": tags")
    if r["id"] == "escape-leak":
        check("external/cwe/cwe-401" in r["properties"]["tags"], r["id"] + ": CWE-401")
    check(r["defaultConfiguration"].get("enabled", True) != off, r["id"] + ": enabled")
    # Go's assumption about unknown callees is a guess, not a seen flow.
    want = "medium" if r["id"] == "escape-unknown-call" else "high"
    check(r["properties"]["precision"] == want, r["id"] + ": precision")
check("external/cwe/cwe-562" in rules[0]["properties"]["tags"], "escape-return names CWE-562")

inv = run["invocations"][0]
check(inv["executionSuccessful"] is True and inv["exitCode"] == 1, "invocation")
check(inv["toolExecutionNotifications"] == [], "no notifications")
check(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + root + "/", "SRCROOT")
check(run["columnKind"] == "utf16CodeUnits", "columnKind")

res = run["results"]
check([r["ruleId"] for r in res] == ["escape-global", "escape-return"], "results in order")
for r in res:
    check(ids[r["ruleIndex"]] == r["ruleId"], "ruleIndex")
    check(r["level"] == "warning", "level")
    loc = r["locations"][0]["physicalLocation"]
    check(loc["artifactLocation"] == {"uri": "flow.cpp", "uriBaseId": "%SRCROOT%"}, "artifactLocation")
    check(len(r["partialFingerprints"]["cxxEscape/v1"]) > 16, "fingerprint")
g = res[0]
check(g["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 3}, "region")
rel = g["relatedLocations"]
check(len(rel) == 1 and rel[0]["id"] == 1 and rel[0]["message"]["text"] == "'local' declared here"
      and rel[0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 7}, "relatedLocations")
steps = g["codeFlows"][0]["threadFlows"][0]["locations"]
check([(s["executionOrder"], s["location"]["physicalLocation"]["region"]["startLine"],
        s["location"]["message"]["text"]) for s in steps] ==
      [(1, 3, "'local' declared here"), (2, 4, "'p' takes the address of 'local'"),
       (3, 5, g["message"]["text"])], "codeFlows %r" % steps)
print("check_sarif: ok")
