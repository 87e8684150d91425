#!/usr/bin/env python3
"""Side-by-side timing of cxx-escape and other tools on the same databases.

    bench/compare/compare.py --cxx-escape BUILD/bin/cxx-escape \
        --corpus WORKDIR/corpus.txt [--reps 3] [--slow-reps 1] [-j 2] \
        [--out results.json]

For every compilation database listed in the corpus file (bench/corpus/
fetch.sh writes it), and in the same run, alternating (the tool order
rotates with each repetition), it runs:

  cxx-escape   the whole program: cxx-escape -p DB -j J --quiet --format=json
  clang        clang++-19 -fsyntax-only with each unit's own flags, J at a
               time (the parsing floor)
  clang-tidy   clang-tidy-19 with only clang-analyzer-core.StackAddressEscape,
               J units at a time
  cppcheck     cppcheck --project=DB -j J

and records the wall time, the peak resident set (the largest single
process: the cxx-escape process, or the largest unit of the others), and the
number of stack-escape findings (distinct file:line:rule). clang-tidy and
cppcheck take several times longer than the others; --slow-reps limits how
many of the repetitions include them (the first ones).

Prints a Markdown table of medians; --out keeps every measurement.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

CPPCHECK_IDS = {
    "autoVariables", "returnLocalVariable", "returnAddressOfAutoVariable",
    "returnReference", "returnTempReference", "returnDanglingLifetime",
    "danglingLifetime", "danglingReference", "danglingTemporaryLifetime",
    "danglingTempReference", "invalidLifetime", "autovarInvalidDeallocation",
    "returnAddressOfFunctionParameter", "deallocret",
}
TIDY_CHECK = "clang-analyzer-core.StackAddressEscape"


def run_one(argv, cwd=None, stdout=subprocess.PIPE):
    """Runs argv; returns (exit code, stdout text, peak RSS in KiB, CPU s)."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=stdout,
                            stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if stdout == subprocess.PIPE else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, usage.ru_maxrss, cpu_seconds(usage)


def cpu_seconds(usage):
    """User plus system time: unlike wall time, barely changed by other
    work on the machine."""
    return usage.ru_utime + usage.ru_stime


def run_pool(jobs, parallel):
    """Runs (argv, cwd) jobs, `parallel` at a time; returns their results."""
    results = [None] * len(jobs)
    running = {}
    next_job = 0
    while next_job < len(jobs) or running:
        while next_job < len(jobs) and len(running) < parallel:
            argv, cwd = jobs[next_job]
            out = tempfile.TemporaryFile(mode="w+")
            proc = subprocess.Popen(argv, cwd=cwd, stdout=out,
                                    stderr=subprocess.DEVNULL)
            # The Popen object stays referenced: one that is collected while
            # its child runs is reaped by subprocess itself, and this wait
            # would never see it.
            running[proc.pid] = (next_job, out, proc)
            next_job += 1
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        index, out, proc = running.pop(pid)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        results[index] = (proc.returncode, out.read(), usage.ru_maxrss,
                          cpu_seconds(usage))
        out.close()
    return results


def unit_args(entry):
    if "arguments" in entry:
        args = list(entry["arguments"])
    else:
        args = shlex.split(entry["command"])
    return args


def syntax_only_args(entry):
    """The unit's command with clang++-19 -fsyntax-only, no output file."""
    args = unit_args(entry)
    out = ["clang++-19"]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-w"]


def load_db(db_dir):
    with open(os.path.join(db_dir, "compile_commands.json")) as f:
        return json.load(f)


def tool_cxx_escape(db_dir, binary, jobs):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        start = time.monotonic()
        rc, _, rss, cpu = run_one([binary, "-p", db_dir, "-j", str(jobs),
                                   "--quiet",
                              "--format=json", "-o", out.name],
                             stdout=subprocess.DEVNULL)
        wall = time.monotonic() - start
        try:
            findings = json.load(open(out.name)).get("findings", [])
        except (ValueError, OSError):
            findings = []
    keys = {(f["location"].get("path"), f["location"].get("line"), f["rule"])
            for f in findings}
    return {"wall": wall, "cpu": cpu, "rss_kb": rss, "findings": len(keys),
            "rc": rc}


def tool_clang(db_dir, jobs):
    db = load_db(db_dir)
    pool = [(syntax_only_args(e), e["directory"]) for e in db]
    start = time.monotonic()
    results = run_pool(pool, jobs)
    wall = time.monotonic() - start
    failed = sum(1 for r in results if r[0] != 0)
    return {"wall": wall, "cpu": sum(r[3] for r in results),
            "rss_kb": max(r[2] for r in results),
            "findings": 0, "failed_units": failed,
            "units": len(results)}


def tool_tidy(db_dir, jobs, timeout):
    db = load_db(db_dir)
    pool = [(["timeout", str(timeout), "clang-tidy-19", "-p", db_dir, "--quiet",
              f"--checks=-*,{TIDY_CHECK}", e["file"]], e["directory"])
            for e in db]
    start = time.monotonic()
    results = run_pool(pool, jobs)
    wall = time.monotonic() - start
    keys = set()
    pattern = re.compile(r"^(.*?):(\d+):\d+: warning: .*\[" +
                         re.escape(TIDY_CHECK) + r"\]$")
    for _, text, _, _ in results:
        for line in text.splitlines():
            m = pattern.match(line)
            if m:
                keys.add((os.path.realpath(m.group(1)), int(m.group(2))))
    return {"wall": wall, "rss_kb": max(r[2] for r in results),
            "findings": len(keys), "timed_out": sum(r[0] == 124 for r in results),
            "sites": sorted(f"{f}:{l}" for f, l in keys)}


def tool_cppcheck(db_dir, jobs):
    with tempfile.TemporaryDirectory() as build_dir:
        argv = ["cppcheck", "--project=" + os.path.join(
            db_dir, "compile_commands.json"), "-j", str(jobs), "--quiet",
            "--enable=warning", "--cppcheck-build-dir=" + build_dir,
            "--template={file}:{line}:{id}"]
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    keys = set()
    for line in err.splitlines():
        parts = line.rsplit(":", 2)
        if len(parts) == 3 and parts[2] in CPPCHECK_IDS:
            keys.add((parts[0], parts[1], parts[2]))
    # cppcheck -j forks a process per file: RUSAGE of the main process
    # covers its largest child too (ru_maxrss of waited-for children).
    return {"wall": wall, "rss_kb": usage.ru_maxrss, "findings": len(keys),
            "sites": sorted(":".join(k) for k in keys)}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cxx-escape", required=True)
    ap.add_argument("--corpus", required=True,
                    help="file listing database directories, one a line")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--slow-reps", type=int, default=1,
                    help="repetitions that include clang-tidy and cppcheck")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--tools", default="cxx-escape,clang,clang-tidy,cppcheck")
    ap.add_argument("--slow-dbs", default="",
                    help="comma-separated project names clang-tidy and "
                    "cppcheck run on (default: all)")
    ap.add_argument("--timeout", type=float, default=600,
                    help="seconds a clang-tidy unit may take before it is "
                    "stopped and counted as timed out")
    ap.add_argument("--out")
    args = ap.parse_args()

    dbs = [l.strip() for l in open(args.corpus) if l.strip()]
    tools = args.tools.split(",")
    slow = {"clang-tidy", "cppcheck"}
    runners = {
        "cxx-escape": lambda d: tool_cxx_escape(d, args.cxx_escape, args.j),
        "clang": lambda d: tool_clang(d, args.j),
        "clang-tidy": lambda d: tool_tidy(d, args.j, args.timeout),
        "cppcheck": lambda d: tool_cppcheck(d, args.j),
    }
    runs = []  # (rep, db, tool, result)
    # One project at a time, all its repetitions together (so a run cut short
    # still has medians for the projects it finished); within a repetition
    # the tools alternate and their order rotates.
    for db in dbs:
        for rep in range(args.reps):
            name = os.path.basename(db)
            slow_here = rep < args.slow_reps and (
                not args.slow_dbs or name in args.slow_dbs.split(","))
            order = [t for t in tools if t not in slow or slow_here]
            shift = rep % len(order)
            order = order[shift:] + order[:shift]
            for tool in order:
                load = os.getloadavg()[0]
                result = runners[tool](db)
                result["load"] = load
                runs.append({"rep": rep, "db": db, "tool": tool, **result})
                print(f"rep {rep + 1} {os.path.basename(db)} {tool}: "
                      f"{result['wall']:.2f}s "
                      f"(CPU {result.get('cpu', 0):.2f}s) "
                      f"{result['rss_kb'] / 1024:.0f} MiB "
                      f"{result['findings']} findings (load {load:.1f})",
                      file=sys.stderr)
                if args.out:  # after every run: a partial run keeps its data
                    with open(args.out, "w") as f:
                        json.dump({"runs": runs, "argv": sys.argv, "date":
                                   time.strftime("%Y-%m-%d %H:%M UTC",
                                                 time.gmtime())}, f, indent=1)
    report(runs, dbs, tools)


def report(runs, dbs, tools):
    def med(tool, db, key):
        vals = [r[key] for r in runs if r["tool"] == tool and r["db"] == db]
        return statistics.median(vals) if vals else None

    def ran_on(tool):
        return [d for d in dbs if any(r["tool"] == tool and r["db"] == d
                                      for r in runs)]

    def total_wall(tool, on, key="wall"):
        # Median over repetitions of the total over the databases `on`.
        reps = sorted({r["rep"] for r in runs if r["tool"] == tool})
        totals = []
        for rep in reps:
            rows = [r for r in runs if r["tool"] == tool and r["rep"] == rep
                    and r["db"] in on]
            if len(rows) == len(on):
                if all(key in r for r in rows):
                    totals.append(sum(r[key] for r in rows))
        return statistics.median(totals) if totals else None, len(totals)

    print("| Project | Units | " + " | ".join(
        f"{t} s" for t in tools) + " | cxx-escape / clang | CPU s cxx-escape "
          "| CPU s clang | CPU ratio | cxx-escape MiB "
          "| clang's largest unit MiB | RSS ratio |")
    print("|---|---:|" + "---:|" * len(tools) +
          "---:|---:|---:|---:|---:|---:|---:|")
    dbs = [d for d in dbs if any(r["db"] == d for r in runs)]
    for db in dbs:
        units = len(load_db(db))
        cells = []
        for t in tools:
            v = med(t, db, "wall")
            cells.append("-" if v is None else f"{v:.1f}")
        ce, cl = med("cxx-escape", db, "wall"), med("clang", db, "wall")
        ratio = f"{ce / cl:.2f}" if ce and cl else "-"
        cpu_ce, cpu_cl = med("cxx-escape", db, "cpu"), med("clang", db, "cpu")
        cpu_cells = (f"{cpu_ce:.1f} | {cpu_cl:.1f} | {cpu_ce / cpu_cl:.2f}"
                     if cpu_ce and cpu_cl else "- | - | -")
        rss = {t: max((r["rss_kb"] for r in runs if r["tool"] == t
                       and r["db"] == db), default=0) / 1024
               for t in ("cxx-escape", "clang")}
        rss_ratio = (f"{rss['cxx-escape'] / rss['clang']:.2f}"
                     if rss["clang"] and rss["cxx-escape"] else "-")
        print(f"| {os.path.basename(db)} | {units} | " + " | ".join(cells) +
              f" | {ratio} | {cpu_cells} | {rss['cxx-escape']:.0f} "
              f"| {rss['clang']:.0f} "
              f"| {rss_ratio} |")
    print()
    print("| Tool | Projects | Units | Total wall s (median) | Runs "
          "| clang -fsyntax-only s, same units | Ratio | Peak RSS MiB "
          "| RSS / clang's largest unit | Stack-escape findings |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for t in tools:
        on = ran_on(t)
        if not on:
            continue
        total, n = total_wall(t, on)
        floor, _ = total_wall("clang", on)
        rss = max((r["rss_kb"] for r in runs if r["tool"] == t), default=0)
        clang_rss = max((r["rss_kb"] for r in runs if r["tool"] == "clang"
                         and r["db"] in on), default=0)
        findings = sum(med(t, db, "findings") or 0 for db in on)
        units = sum(len(load_db(db)) for db in on)
        ratio = f"{total / floor:.2f}" if total and floor else "-"
        cpu, _ = total_wall(t, on, "cpu")
        cpu_floor, _ = total_wall("clang", on, "cpu")
        if cpu and cpu_floor:
            ratio += f" (CPU {cpu / cpu_floor:.2f})"
        rss_ratio = f"{rss / clang_rss:.2f}" if clang_rss else "-"
        tot = "-" if total is None else f"{total:.1f}"
        fl = "-" if floor is None else f"{floor:.1f}"
        print(f"| {t} | {len(on)} | {units} | {tot} | {n} | {fl} | {ratio} "
              f"| {rss / 1024:.0f} | {rss_ratio} | {findings:.0f} |")
    loads = [r["load"] for r in runs]
    print(f"\nLoad average (1 min) at the start of each run: "
          f"{min(loads):.1f} to {max(loads):.1f}, median "
          f"{statistics.median(loads):.1f}.")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--report":
        # compare.py --report results.json: the tables of a saved run.
        saved = json.load(open(sys.argv[2]))
        names = [t for t in ("cxx-escape", "clang", "clang-tidy", "cppcheck")
                 if any(r["tool"] == t for r in saved["runs"])]
        order = list(dict.fromkeys(r["db"] for r in saved["runs"]))
        report(saved["runs"], order, names)
    else:
        main()
