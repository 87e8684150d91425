import json
import sys


def results(path):
    run = json.load(open(path))["runs"][0]
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["cxxEscape/v1"]) for r in run["results"]]


v1, v2, v3 = (results(p) for p in sys.argv[1:4])
print(v1, v2, v3, sep="\n")
assert [r[0] for r in v1] == ["escape-global", "escape-return"], v1
# The lines moved ...
assert [r[1] for r in v2] == [r[1] + 4 for r in v1], (v1, v2)
# ... the fingerprints did not.
assert [r[2] for r in v2] == [r[2] for r in v1], (v1, v2)
# Changing the escaping line changes that finding's fingerprint only.
assert v3[0][2] != v2[0][2] and v3[1][2] == v2[1][2], (v2, v3)
print("fingerprints: ok")
