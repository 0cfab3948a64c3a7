-- A reqsim store of schema version 2, made by the tools of commit fbe7160 (main before
-- issue 18) with two campaigns:
--   tools/campaign.py --db fix.db --work W --schedules 300 --engines pct,dfs --scenarios dekker,halt --jobs 1 --no-build -q --name fixture-clean
--   tools/campaign.py --db fix.db --work W --schedules 200 --engines pct --scenarios dekker --jobs 1 --no-build -q --name fixture-dirty
--     (the second with a tracked file modified, so that git_rev ends in -dirty)
-- dumped with sqlite3 iterdump; the violations' trace_perfetto blobs were set to NULL to keep
-- the file small (trace_jsonl is kept).  iterdump does not write the PRAGMAs: they follow.
BEGIN TRANSACTION;
CREATE TABLE campaigns(
        id INTEGER PRIMARY KEY,
        started REAL NOT NULL,
        ended REAL,
        git_rev TEXT,
        host TEXT,
        config TEXT NOT NULL DEFAULT '{}'
    , name TEXT, status TEXT NOT NULL DEFAULT 'done', elapsed REAL NOT NULL DEFAULT 0, reqsim_build TEXT);
INSERT INTO "campaigns" VALUES(1,1.79646314381236362452e+09,1.79646315477073025704e+09,'fbe716051d14','vm','{"archs": "auto", "argv": ["--db", "/tmp/h18/fix.db", "--work", "/tmp/h18/fixwork", "--schedules", "300", "--engines", "pct,dfs", "--scenarios", "dekker,halt", "--jobs", "1", "--no-build", "-q", "--name", "fixture-clean"], "budget_s": null, "bug_sets": "verdicts", "cells": [{"arch": "x86", "bugs": "", "cell": 0, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 1, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 2, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 3, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 4, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 5, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 6, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 7, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 8, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 9, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 10, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 11, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 12, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 13, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 14, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 15, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 16, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 17, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 18, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 19, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 20, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 21, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 22, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 23, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 24, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 25, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 26, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 27, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 28, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 29, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 30, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 31, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 32, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 33, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 34, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 35, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 36, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 37, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 38, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 39, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 40, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 41, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 42, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 43, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 44, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 45, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 46, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 47, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 48, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 49, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 50, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 51, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 52, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 53, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 54, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 55, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 56, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 57, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 58, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 59, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 60, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 61, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 62, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 63, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 64, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 65, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 66, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 67, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 68, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 69, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 70, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 71, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 72, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 73, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 74, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 75, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 76, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 77, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 78, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 79, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 80, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 81, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 82, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 83, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 84, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 85, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 86, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 87, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 88, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 89, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 90, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 91, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 92, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 93, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 94, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 95, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 96, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 97, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 98, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 99, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 100, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 101, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 102, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 103, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 104, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 105, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 106, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 107, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 108, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 109, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 110, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 111, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 112, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 113, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 114, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 115, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 116, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 117, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 118, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 119, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 120, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 121, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 122, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 123, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 124, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 125, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 126, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 127, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 128, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 129, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 130, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 131, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 132, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 133, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 134, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 135, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 136, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 137, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 138, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 139, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 140, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 141, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 142, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 143, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 144, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 145, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 146, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 147, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 148, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 149, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 150, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 151, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 152, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 153, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 154, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 155, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 156, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 157, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 158, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 159, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 160, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 161, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 162, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 163, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 164, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 165, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 166, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 167, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 168, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 169, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 170, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 171, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 172, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 173, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 174, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 175, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 176, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 177, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 178, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 179, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 180, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 181, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 182, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 183, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 184, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 185, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 186, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 187, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 188, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 189, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 190, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 191, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 192, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 193, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 194, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 195, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 196, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 197, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 198, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 199, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 200, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 201, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 202, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 203, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 204, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 205, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 206, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 207, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 208, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 209, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 210, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 211, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 212, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 213, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 214, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 215, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 216, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 217, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 218, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 219, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 220, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 221, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 222, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 223, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 224, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 225, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 226, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 227, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 228, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 229, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 230, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 231, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 232, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 233, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 234, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 235, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 236, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 237, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 238, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 239, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 240, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 241, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 242, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 243, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 244, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 245, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 246, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 247, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 248, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 249, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 250, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 251, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 252, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 253, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 254, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 255, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 256, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 257, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 258, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 259, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 260, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 261, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 262, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 263, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 264, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 265, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 266, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 267, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 268, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 269, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 270, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 271, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "poll_ns=10", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 272, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 273, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 274, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 275, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 276, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 277, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 278, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 279, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 280, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 281, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 282, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 283, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 284, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 285, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 286, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 287, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "signals=1", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 288, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 289, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 290, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 291, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 292, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 293, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 294, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 295, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 296, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 297, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 298, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 299, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 300, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 301, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 302, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 303, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "signals=2 wakers=0 unblock=0 nowake=0", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 304, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 305, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 306, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 307, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 308, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 309, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 310, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "check-block-ignores-requests", "cell": 311, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 312, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 313, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 314, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 315, "cores": 1, "engine": "dfs", "expected": "Never", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 316, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 317, "cores": 1, "engine": "dfs", "expected": "Never", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 318, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "check-block-ignores-requests", "cell": 319, "cores": 1, "engine": "dfs", "expected": "Never", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 320, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 321, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 322, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 323, "cores": 1, "engine": "dfs", "expected": "Never", "model": "sc", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 324, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 325, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 326, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 327, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 328, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 329, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 330, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 331, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 332, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 333, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 334, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 335, "cores": 1, "engine": "dfs", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "halt", "seed": 1}], "engines": "pct,dfs", "jobs": 1, "left_out": [], "models": "all", "pid": 6466, "reqsim": "/work/wt-status/build/default/reqsim", "scenarios": "dekker,halt", "schedules": 300, "seed": 1, "work": "/tmp/h18/fixwork/c00001"}','fixture-clean','done',10.954,'f13db3976dfb7867');
INSERT INTO "campaigns" VALUES(2,1.79646315657017827029e+09,1.79646315963831162453e+09,'fbe716051d14-dirty','vm','{"archs": "auto", "argv": ["--db", "/tmp/h18/fix.db", "--work", "/tmp/h18/fixwork", "--schedules", "200", "--engines", "pct", "--scenarios", "dekker", "--jobs", "1", "--no-build", "-q", "--name", "fixture-dirty"], "budget_s": null, "bug_sets": "verdicts", "cells": [{"arch": "x86", "bugs": "", "cell": 0, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 1, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 2, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 3, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 4, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 5, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 6, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 7, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 8, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 9, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 10, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 11, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 12, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 13, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-after-in-guest-mode", "cell": 14, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-after-in-guest-mode", "cell": 15, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 16, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 17, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 18, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 19, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 20, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 21, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 22, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 23, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 24, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 25, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 26, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 27, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 28, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 29, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "no-mb-before-mode-read", "cell": 30, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "no-mb-before-mode-read", "cell": 31, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 32, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 33, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 34, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 35, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 36, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 37, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 38, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 39, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "mask=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 40, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 41, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 42, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 43, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 44, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 45, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 46, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 47, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 48, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 49, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 50, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 51, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 52, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 53, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 54, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 55, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "waitkick=1 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 56, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 57, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 58, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 59, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 60, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 61, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 62, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 63, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 64, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 65, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 66, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 67, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 68, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 69, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 70, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 71, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "migrate=2 vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 72, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 73, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 74, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 75, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 76, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 77, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 78, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 79, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 80, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 81, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 82, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 83, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 84, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 85, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "wait-in-guest-predicate", "cell": 86, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "wait-in-guest-predicate", "cell": 87, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 88, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 89, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 90, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 91, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 92, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 93, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 94, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 95, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "dead=1", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 96, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 97, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 98, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 99, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 100, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 101, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "check-before-in-guest-mode", "cell": 102, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "check-before-in-guest-mode", "cell": 103, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 104, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 105, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "sc", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 106, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 107, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "tso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 108, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 109, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "pso", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "kick-without-request", "cell": 110, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "kick-without-request", "cell": 111, "cores": 1, "engine": "pct", "expected": "Sometimes", "model": "wmm", "params": "", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 112, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 113, "cores": 1, "engine": "pct", "expected": "Never", "model": "sc", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 114, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 115, "cores": 1, "engine": "pct", "expected": "Never", "model": "tso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 116, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 117, "cores": 1, "engine": "pct", "expected": "Never", "model": "pso", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "x86", "bugs": "", "cell": 118, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}, {"arch": "arm64", "bugs": "", "cell": 119, "cores": 1, "engine": "pct", "expected": "Never", "model": "wmm", "params": "vcpus=2 requesters=2", "scenario": "dekker", "seed": 1}], "engines": "pct", "jobs": 1, "left_out": [], "models": "all", "pid": 6969, "reqsim": "/work/wt-status/build/default/reqsim", "scenarios": "dekker", "schedules": 200, "seed": 1, "work": "/tmp/h18/fixwork/c00002"}','fixture-dirty','done',3.066,'f13db3976dfb7867');
CREATE TABLE findings(
        id INTEGER PRIMARY KEY,
        violation_id INTEGER NOT NULL REFERENCES violations(id),
        run_id INTEGER REFERENCES runs(id),
        campaign_id INTEGER REFERENCES campaigns(id),
        found REAL NOT NULL,
        t_run REAL,
        origin TEXT,
        new INTEGER NOT NULL DEFAULT 0
    );
INSERT INTO "findings" VALUES(1,1,21,1,1.79646314439839887623e+09,2.33678580043488182127e-02,'explore strategy=pct seed=1 run=21',1);
INSERT INTO "findings" VALUES(2,1,22,1,1.79646314442610406875e+09,2.26616970030590891838e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(3,1,23,1,1.79646314445581054691e+09,0.02315058199747,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(4,1,24,1,1.79646314448472857469e+09,2.34069720027036964893e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(5,1,25,1,1.79646314451261687283e+09,2.29124099932960234582e-02,'explore strategy=pct seed=1 run=15',0);
INSERT INTO "findings" VALUES(6,1,27,1,1.79646314456604647633e+09,2.52508299963665194809e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(7,1,29,1,1.79646314461788129805e+09,2.3243908995937090367e-02,'explore strategy=pct seed=1 run=10',0);
INSERT INTO "findings" VALUES(8,1,31,1,1796463144.67046,2.34190680057508870959e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(9,1,57,1,1.79646314538476943971e+09,2.33316269950591959059e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(10,1,58,1,1.79646314543615913394e+09,4.50341399991884827613e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(11,1,59,1,1.79646314546595478058e+09,2.34726760027115233242e-02,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(12,1,61,1,1.79646314551784229279e+09,2.27985030069248750805e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(13,1,62,1,1796463145.56604,4.3160116998478770256e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(14,1,63,1,1.79646314559496808049e+09,2.29732439984218217432e-02,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(15,2,162,1,1.79646314903784251213e+09,2.39475950002088211476e-02,'explore strategy=dfs jobs=1 job=0 run=0',1);
INSERT INTO "findings" VALUES(16,2,163,1,1.79646314906649017329e+09,2.37960209997254423797e-02,'explore strategy=pct seed=1 run=239',0);
INSERT INTO "findings" VALUES(17,2,164,1,1.79646314909468364715e+09,2.27584259991999715566e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(18,2,165,1,1796463149.12194,2.27772449943586252629e-02,'explore strategy=pct seed=1 run=85',0);
INSERT INTO "findings" VALUES(19,2,167,1,1.79646314917360758788e+09,2.27952100030961446464e-02,'explore strategy=pct seed=1 run=239',0);
INSERT INTO "findings" VALUES(20,2,168,1,1.79646314920412778857e+09,2.39558270041015930473e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(21,2,171,1,1.79646314928203177448e+09,2.29984540055738762021e-02,'explore strategy=pct seed=1 run=239',0);
INSERT INTO "findings" VALUES(22,2,172,1,1796463149.33186,4.34278250031638890504e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(23,2,175,1,1.79646314940893292422e+09,2.35447989980457350611e-02,'explore strategy=pct seed=1 run=239',0);
INSERT INTO "findings" VALUES(24,2,176,1,1.79646314945828533167e+09,4.44692620003479532897e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(25,1,177,1,1.79646314948559093476e+09,2.29052330032573081552e-02,'explore strategy=pct seed=1 run=39',0);
INSERT INTO "findings" VALUES(26,1,179,1,1.79646314953749418252e+09,2.28991480034892447292e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(27,1,181,1,1.79646314959040379524e+09,2.29938379998202435672e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(28,1,182,1,1.7964631496187098026e+09,2.27390549989650025963e-02,'explore strategy=dfs jobs=1 job=0 run=137',0);
INSERT INTO "findings" VALUES(29,2,182,1,1.79646314962254786493e+09,2.79029849989456124603e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(30,1,183,1,1.79646314965004420287e+09,2.28177669996512122452e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(31,1,185,1,1.79646314970321607589e+09,2.37277080013882368803e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(32,1,187,1,1.7964631497556493282e+09,2.31092480025836266577e-02,'explore strategy=pct seed=1 run=19',0);
INSERT INTO "findings" VALUES(33,1,189,1,1.79646314980820202824e+09,2.30006459969445131719e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(34,2,189,1,1.79646314981310153005e+09,2.86850979973678477108e-02,'explore strategy=pct seed=1 run=105',0);
INSERT INTO "findings" VALUES(35,1,191,1,1.7964631498649549484e+09,2.30743909996817819774e-02,'explore strategy=pct seed=1 run=1',0);
INSERT INTO "findings" VALUES(36,2,191,1,1.79646314986901903159e+09,2.81818649964407086372e-02,'explore strategy=pct seed=1 run=151',0);
INSERT INTO "findings" VALUES(37,1,193,1,1.79646314994242167466e+09,2.34653730003628879785e-02,'explore strategy=pct seed=1 run=88',0);
INSERT INTO "findings" VALUES(38,1,195,1,1.79646314999813580515e+09,2.37984630002756603062e-02,'explore strategy=pct seed=1 run=24',0);
INSERT INTO "findings" VALUES(39,1,197,1,1.79646315007995605473e+09,2.47733259966480545699e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(40,1,198,1,1.7964631501102290153e+09,2.54610369956935755908e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(41,1,199,1,1.79646315013797259335e+09,2.29044339939719066023e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(42,1,201,1,1.7964631501901762486e+09,2.2954478001338429749e-02,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(43,1,203,1,1.7964631502677533626e+09,2.73840109948650933802e-02,'explore strategy=pct seed=1 run=20',0);
INSERT INTO "findings" VALUES(44,1,205,1,1.79646315031988549225e+09,2.29755840045982040464e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(45,1,207,1,1.79646315039667916297e+09,2.40556540011311881244e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(46,1,208,1,1.79646315042637944219e+09,2.47863969998434185981e-02,'explore strategy=dfs jobs=1 job=0 run=253',0);
INSERT INTO "findings" VALUES(47,1,209,1,1.79646315045424365998e+09,0.0229409269959433,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(48,1,210,1,1796463150.48285,2.28514960035681724548e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(49,1,211,1,1.79646315051031589503e+09,2.29431719999411143362e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(50,1,212,1,1.79646315053853058811e+09,2.26738240016857162117e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(51,1,213,1,1.79646315056589984896e+09,2.29806799979996867477e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(52,1,214,1,1.79646315059392714503e+09,2.26136640048935078084e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(53,1,215,1,1.79646315062229371076e+09,2.28199909979593940079e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(54,1,216,1,1.79646315065076446534e+09,2.27164559983066283166e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(55,1,217,1,1.79646315068189072611e+09,2.31267950002802535891e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(56,1,218,1,1.79646315071698451041e+09,2.75106570043135434389e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(57,1,219,1,1.79646315074673485756e+09,2.41381549931247718632e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(58,1,220,1,1.79646315079837083812e+09,0.0463115660022595,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(59,1,221,1,1.79646315080846500399e+09,5.86771199596114456653e-03,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(60,1,222,1,1.79646315083700585366e+09,2.30452319956384599208e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(61,1,223,1,1.79646315086531043053e+09,2.28425120003521442413e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(62,1,224,1,1.79646315089396667484e+09,2.26955219986848533153e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(63,3,305,1,1.79646315365801930428e+09,2.47647649957798421382e-02,'explore strategy=pct seed=1 run=4',1);
INSERT INTO "findings" VALUES(64,3,307,1,1796463153.7307,2.32528839987935498356e-02,'explore strategy=pct seed=1 run=85',0);
INSERT INTO "findings" VALUES(65,3,309,1,1.79646315380220532417e+09,2.32668460012064315378e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(66,3,311,1,1.79646315387706923482e+09,2.34545769999385811388e-02,'explore strategy=pct seed=1 run=64',0);
INSERT INTO "findings" VALUES(67,4,325,1,1.79646315438551735883e+09,2.35898739992990158498e-02,'explore strategy=pct seed=1 run=6',1);
INSERT INTO "findings" VALUES(68,4,326,1,1.79646315443371438983e+09,4.29323849966749548912e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(69,4,327,1,1.7964631544623270035e+09,2.29471060010837391018e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(70,4,328,1,1.79646315449040246004e+09,2.28021220027585513889e-02,'explore strategy=dfs jobs=1 job=0 run=0',0);
INSERT INTO "findings" VALUES(71,4,329,1,1.79646315451872777939e+09,2.28636140018352307379e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(72,4,331,1,1.79646315459118747709e+09,2.39897939973161555826e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(73,4,333,1,1.79646315467005705836e+09,2.63526750059099867939e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(74,4,335,1,1.79646315474666810039e+09,2.39745650033000856637e-02,'explore strategy=pct seed=1 run=10',0);
INSERT INTO "findings" VALUES(75,1,347,2,1.79646315684595203401e+09,2.47677160004968754947e-02,'explore strategy=pct seed=1 run=21',0);
INSERT INTO "findings" VALUES(76,1,348,2,1.79646315687454247471e+09,2.28189310000743716955e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(77,1,349,2,1.79646315690195965773e+09,2.27824579997104592621e-02,'explore strategy=pct seed=1 run=15',0);
INSERT INTO "findings" VALUES(78,1,350,2,1.79646315692999339105e+09,2.2597451999899931252e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(79,1,351,2,1.7964631569588761329e+09,2.35026609952910803258e-02,'explore strategy=pct seed=1 run=10',0);
INSERT INTO "findings" VALUES(80,1,352,2,1.79646315698618650432e+09,2.2887068000272847712e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(81,1,365,2,1.7964631572813408375e+09,2.30123470028047449886e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(82,1,366,2,1.79646315730853104591e+09,2.28058720022090710699e-02,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(83,1,367,2,1.79646315733768081662e+09,2.30266950020450167357e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(84,1,368,2,1.79646315736626958851e+09,0.0229749849968357,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(85,2,419,2,1.79646315859792470937e+09,2.3257650995219592005e-02,'explore strategy=pct seed=1 run=85',0);
INSERT INTO "findings" VALUES(86,1,425,2,1.79646315874782276159e+09,2.35621370011358521878e-02,'explore strategy=pct seed=1 run=39',0);
INSERT INTO "findings" VALUES(87,1,426,2,1.79646315877818870546e+09,2.56540219997987151145e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(88,1,427,2,1.79646315880817532542e+09,2.29541819935548119246e-02,'explore strategy=pct seed=1 run=14',0);
INSERT INTO "findings" VALUES(89,1,428,2,1.79646315883984708785e+09,2.60945759946480393409e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(90,1,429,2,1.79646315887261390688e+09,2.55636420042719691991e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(91,1,430,2,1.79646315890398788452e+09,2.50614039978245273232e-02,'explore strategy=pct seed=1 run=19',0);
INSERT INTO "findings" VALUES(92,1,431,2,1.79646315893479561805e+09,2.55913630026043392717e-02,'explore strategy=pct seed=1 run=6',0);
INSERT INTO "findings" VALUES(93,2,431,2,1.79646315893989443786e+09,3.03502660026424564421e-02,'explore strategy=pct seed=1 run=105',0);
INSERT INTO "findings" VALUES(94,1,432,2,1.79646315897231125826e+09,2.58009710014448501169e-02,'explore strategy=pct seed=1 run=1',0);
INSERT INTO "findings" VALUES(95,2,432,2,1.79646315897838878628e+09,3.20668490021489560604e-02,'explore strategy=pct seed=1 run=151',0);
INSERT INTO "findings" VALUES(96,1,433,2,1.79646315900680804246e+09,2.36316469963639974594e-02,'explore strategy=pct seed=1 run=88',0);
INSERT INTO "findings" VALUES(97,1,434,2,1.79646315903628420824e+09,2.31312409960082732141e-02,'explore strategy=pct seed=1 run=24',0);
INSERT INTO "findings" VALUES(98,1,435,2,1.79646315906486558908e+09,2.29065769963199272751e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(99,1,436,2,1.79646315910110211371e+09,2.36664260010002180933e-02,'explore strategy=pct seed=1 run=8',0);
INSERT INTO "findings" VALUES(100,1,437,2,1.79646315913270735744e+09,2.31010210045496933162e-02,'explore strategy=pct seed=1 run=4',0);
INSERT INTO "findings" VALUES(101,1,438,2,1.79646315916168093683e+09,2.30986020033014938235e-02,'explore strategy=pct seed=1 run=20',0);
INSERT INTO "findings" VALUES(102,1,439,2,1.79646315919034767153e+09,2.29216310035553760826e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(103,1,440,2,1.7964631592176606655e+09,2.27465700008906424045e-02,'explore strategy=pct seed=1 run=2',0);
INSERT INTO "findings" VALUES(104,1,441,2,1.79646315924526023865e+09,2.32838309966609813272e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(105,1,442,2,1.79646315927403354647e+09,2.28799079995951615273e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(106,1,443,2,1.79646315930176162715e+09,2.30040130045381374657e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(107,1,444,2,1.7964631593303105831e+09,2.34259340068092569708e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(108,1,445,2,1.79646315935806417463e+09,2.32782980019692331552e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(109,1,446,2,1.79646315938525867467e+09,2.29284739980357699096e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(110,1,447,2,1.79646315941388797759e+09,2.29144230033853091299e-02,'explore strategy=pct seed=1 run=0',0);
INSERT INTO "findings" VALUES(111,1,448,2,1.79646315944236302378e+09,2.2828954002761747688e-02,'explore strategy=pct seed=1 run=0',0);
CREATE TABLE ingested(
        run_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY(run_id, source)
    ) WITHOUT ROWID;
INSERT INTO "ingested" VALUES(21,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(22,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(23,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(24,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(25,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(27,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(29,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(31,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(57,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(58,'dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(59,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(61,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(62,'dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(63,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(162,'dekker-sc-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(163,'slice-00000/dekker-sc-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(164,'dekker-sc-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(165,'slice-00000/dekker-tso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(167,'slice-00000/dekker-tso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(168,'dekker-tso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(171,'slice-00000/dekker-pso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(172,'dekker-pso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(175,'slice-00000/dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(176,'dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(177,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(179,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(181,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(182,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(182,'dekker-tso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(183,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(185,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(187,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(189,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(189,'slice-00000/dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(191,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(191,'slice-00000/dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(193,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(195,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(197,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(198,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(199,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(201,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(203,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(205,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(207,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(208,'dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(209,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(210,'dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(211,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(212,'dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(213,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(214,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(215,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(216,'dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(217,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(218,'dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(219,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(220,'dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(221,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(222,'dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(223,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(224,'dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(305,'slice-00000/halt-sc-lost-wakeup-fe48e1c1.sched');
INSERT INTO "ingested" VALUES(307,'slice-00000/halt-tso-lost-wakeup-fe48e1c1.sched');
INSERT INTO "ingested" VALUES(309,'slice-00000/halt-pso-lost-wakeup-fe48e1c1.sched');
INSERT INTO "ingested" VALUES(311,'slice-00000/halt-wmm-lost-wakeup-fe48e1c1.sched');
INSERT INTO "ingested" VALUES(325,'slice-00000/halt-tso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(326,'halt-tso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(327,'slice-00000/halt-tso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(328,'halt-tso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(329,'slice-00000/halt-pso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(331,'slice-00000/halt-pso-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(333,'slice-00000/halt-wmm-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(335,'slice-00000/halt-wmm-missed-request-bbb94978.sched');
INSERT INTO "ingested" VALUES(347,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(348,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(349,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(350,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(351,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(352,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(365,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(366,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(367,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(368,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(419,'slice-00000/dekker-tso-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(425,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(426,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(427,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(428,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(429,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(430,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(431,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(431,'slice-00000/dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(432,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(432,'slice-00000/dekker-wmm-wait-not-honoured-b60a2bfe.sched');
INSERT INTO "ingested" VALUES(433,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(434,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(435,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(436,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(437,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(438,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(439,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(440,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(441,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(442,'slice-00000/dekker-sc-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(443,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(444,'slice-00000/dekker-tso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(445,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(446,'slice-00000/dekker-pso-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(447,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
INSERT INTO "ingested" VALUES(448,'slice-00000/dekker-wmm-missed-request-4c546559.sched');
CREATE TABLE runs(
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        engine TEXT NOT NULL,
        scenario TEXT NOT NULL,
        model TEXT NOT NULL,
        arch TEXT NOT NULL,
        bugs TEXT NOT NULL DEFAULT '',
        executions INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending'
    , cell INTEGER, params TEXT NOT NULL DEFAULT '', seed INTEGER, cores INTEGER NOT NULL DEFAULT 1, started REAL, ended REAL, coverage INTEGER, violating INTEGER NOT NULL DEFAULT 0, findings INTEGER NOT NULL DEFAULT 0, first_violation_s REAL, first_violation_execs INTEGER, expected TEXT, detail TEXT, progress TEXT NOT NULL DEFAULT '{}');
INSERT INTO "runs" VALUES(1,1,'pct','dekker','sc','x86','',300,0.024,'clean',0,'',1,1,1.79646314381700325014e+09,1.796463143841047287e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12916.200894219155, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(2,1,'dfs','dekker','sc','x86','',300,0.023,'clean',1,'',1,1,1.79646314384122610099e+09,1.79646314386464309694e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(3,1,'pct','dekker','sc','arm64','',300,0.024,'clean',2,'',1,1,1.79646314386482381817e+09,1.79646314388843035699e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12990.226805255399, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(4,1,'dfs','dekker','sc','arm64','',300,0.023,'clean',3,'',1,1,1.79646314388860344887e+09,1.79646314391212797161e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(5,1,'pct','dekker','tso','x86','',300,0.024,'clean',4,'',1,1,1.7964631439127349854e+09,1.79646314393677115437e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12819.895933522019, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(6,1,'dfs','dekker','tso','x86','',300,0.044,'clean',5,'',1,1,1.7964631439369401932e+09,1.79646314398093771931e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(7,1,'pct','dekker','tso','arm64','',300,0.024,'clean',6,'',1,1,1.79646314398170089728e+09,1.79646314400533771513e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13100.533363370318, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(8,1,'dfs','dekker','tso','arm64','',297,0.025,'clean',7,'',1,1,1.79646314400569653509e+09,1.79646314403043365478e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(9,1,'pct','dekker','pso','x86','',300,0.024,'clean',8,'',1,1,1.7964631440311908722e+09,1.79646314405474305151e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13035.156161506315, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(10,1,'dfs','dekker','pso','x86','',300,0.043,'clean',9,'',1,1,1.79646314405490088467e+09,1.7964631440983586311e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(11,1,'pct','dekker','pso','arm64','',300,0.024,'clean',10,'',1,1,1.79646314409912610052e+09,1.79646314412273716922e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13011.356049330972, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(12,1,'dfs','dekker','pso','arm64','',299,0.023,'clean',11,'',1,1,1.79646314412290382389e+09,1.79646314414630150794e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(13,1,'pct','dekker','wmm','x86','',300,0.024,'clean',12,'',1,1,1.79646314414721059802e+09,1.79646314417092442519e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13042.588527746673, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(14,1,'dfs','dekker','wmm','x86','',300,0.044,'clean',13,'',1,1,1.79646314417115044595e+09,1.79646314421548581119e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(15,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',14,'',1,1,1.79646314421606302256e+09,1.79646314423973059654e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13031.864039158094, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(16,1,'dfs','dekker','wmm','arm64','',300,0.023,'clean',15,'',1,1,1.79646314423989820474e+09,1.79646314426318216318e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(17,1,'pct','dekker','sc','x86','no-mb-after-in-guest-mode',300,0.023,'clean',16,'',1,1,1.79646314426363873481e+09,1.79646314428685021399e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13258.522268309662, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(18,1,'dfs','dekker','sc','x86','no-mb-after-in-guest-mode',300,0.023,'clean',17,'',1,1,1796463144.28706,1.79646314431029796598e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(19,1,'pct','dekker','sc','arm64','no-mb-after-in-guest-mode',300,0.023,'clean',18,'',1,1,1.79646314431096839909e+09,1.79646314433440256116e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13139.076468238096, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(20,1,'dfs','dekker','sc','arm64','no-mb-after-in-guest-mode',300,0.023,'clean',19,'',1,1,1.79646314433457016945e+09,1.79646314435789108271e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(21,1,'pct','dekker','tso','x86','no-mb-after-in-guest-mode',300,0.041,'violations',20,'',1,1,1.79646314435864210131e+09,1.79646314439948129653e+09,NULL,9,1,0.002,22,'Sometimes',NULL,'{"last_seed": 1, "rate": 13133.883348510471, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(22,1,'dfs','dekker','tso','x86','no-mb-after-in-guest-mode',154,0.027,'violations',21,'',1,1,1796463144.39975,1.79646314442657256127e+09,NULL,7,1,0.022,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 154}');
INSERT INTO "runs" VALUES(23,1,'pct','dekker','tso','arm64','no-mb-after-in-guest-mode',300,0.029,'violations',22,'',1,1,1.79646314442733621595e+09,1.79646314445623826979e+09,NULL,14,1,0.001,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 13238.377101813172, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(24,1,'dfs','dekker','tso','arm64','no-mb-after-in-guest-mode',154,0.029,'violations',23,'',1,1,1.7964631444564282894e+09,1.79646314448512911792e+09,NULL,7,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 154}');
INSERT INTO "runs" VALUES(25,1,'pct','dekker','pso','x86','no-mb-after-in-guest-mode',300,0.027,'violations',24,'',1,1,1.79646314448581767087e+09,1.79646314451302766806e+09,NULL,14,1,0.001,16,'Sometimes',NULL,'{"last_seed": 1, "rate": 13267.933623289446, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(26,1,'dfs','dekker','pso','x86','no-mb-after-in-guest-mode',150,0.023,'clean',25,'',1,1,1.79646314451321506503e+09,1.79646314453638958927e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(27,1,'pct','dekker','pso','arm64','no-mb-after-in-guest-mode',300,0.03,'violations',26,'',1,1,1.79646314453687572483e+09,1.79646314456644725799e+09,NULL,21,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 12018.293285637617, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(28,1,'dfs','dekker','pso','arm64','no-mb-after-in-guest-mode',150,0.023,'clean',27,'',1,1,1.79646314456663036343e+09,1.7964631445897228718e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(29,1,'pct','dekker','wmm','x86','no-mb-after-in-guest-mode',300,0.028,'violations',28,'',1,1,1.7964631445906188488e+09,1.79646314461830234523e+09,NULL,40,1,0.001,11,'Sometimes',NULL,'{"last_seed": 1, "rate": 13108.885900152623, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(30,1,'dfs','dekker','wmm','x86','no-mb-after-in-guest-mode',150,0.024,'clean',29,'',1,1,1.79646314461850404742e+09,1.79646314464244866368e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(31,1,'pct','dekker','wmm','arm64','no-mb-after-in-guest-mode',300,0.028,'violations',30,'',1,1,1.7964631446429934502e+09,1.79646314467088508604e+09,NULL,55,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13016.322251321855, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(32,1,'dfs','dekker','wmm','arm64','no-mb-after-in-guest-mode',150,0.023,'clean',31,'',1,1,1.79646314467108154291e+09,1.79646314469417214395e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(33,1,'pct','dekker','sc','x86','no-mb-before-mode-read',300,0.023,'clean',32,'',1,1,1.7964631446949121952e+09,1.79646314471806526182e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13259.026800513, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(34,1,'dfs','dekker','sc','x86','no-mb-before-mode-read',300,0.023,'clean',33,'',1,1,1.79646314471824049946e+09,1796463144.74133,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(35,1,'pct','dekker','sc','arm64','no-mb-before-mode-read',300,0.023,'clean',34,'',1,1,1.7964631447415642738e+09,1.79646314476466608051e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13271.569808452983, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(36,1,'dfs','dekker','sc','arm64','no-mb-before-mode-read',300,0.026,'clean',35,'',1,1,1.79646314476482844347e+09,1.79646314479038310052e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(37,1,'pct','dekker','tso','x86','no-mb-before-mode-read',300,0.023,'clean',36,'',1,1,1.79646314479081797605e+09,1.79646314481420159335e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13161.667173355236, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(38,1,'dfs','dekker','tso','x86','no-mb-before-mode-read',300,0.043,'clean',37,'',1,1,1.79646314481436920169e+09,1.79646314485775780676e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(39,1,'pct','dekker','tso','arm64','no-mb-before-mode-read',300,0.024,'clean',38,'',1,1,1.79646314485853719712e+09,1.79646314488226723675e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12987.974993300804, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(40,1,'dfs','dekker','tso','arm64','no-mb-before-mode-read',297,0.023,'clean',39,'',1,1,1.79646314488243985171e+09,1.79646314490584897999e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(41,1,'pct','dekker','pso','x86','no-mb-before-mode-read',300,0.024,'clean',40,'',1,1,1.79646314490602016442e+09,1.79646314493048381809e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12531.135697650094, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(42,1,'dfs','dekker','pso','x86','no-mb-before-mode-read',300,0.044,'clean',41,'',1,1,1.79646314493068099023e+09,1.79646314497449517254e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(43,1,'pct','dekker','pso','arm64','no-mb-before-mode-read',300,0.024,'clean',42,'',1,1,1.79646314497514390947e+09,1.79646314499936604492e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12700.079703740737, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(44,1,'dfs','dekker','pso','arm64','no-mb-before-mode-read',299,0.023,'clean',43,'',1,1,1.79646314499965929984e+09,1.796463145023162365e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(45,1,'pct','dekker','wmm','x86','no-mb-before-mode-read',300,0.023,'clean',44,'',1,1,1.79646314502334475513e+09,1.79646314504649281498e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13232.306731097768, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(46,1,'dfs','dekker','wmm','x86','no-mb-before-mode-read',300,0.044,'clean',45,'',1,1,1.79646314504667520524e+09,1.79646314509089756019e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(47,1,'pct','dekker','wmm','arm64','no-mb-before-mode-read',300,0.024,'clean',46,'',1,1,1.79646314509109497072e+09,1.79646314511494851109e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12934.820703939227, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(48,1,'dfs','dekker','wmm','arm64','no-mb-before-mode-read',300,0.024,'clean',47,'',1,1,1.79646314511520099636e+09,1.79646314513963413234e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(49,1,'pct','dekker','sc','x86','no-mb-before-mode-read',300,0.024,'clean',48,'mask=1',1,1,1.79646314514028048511e+09,1.79646314516396975518e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13135.260607843764, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(50,1,'dfs','dekker','sc','x86','no-mb-before-mode-read',300,0.026,'clean',49,'mask=1',1,1,1.79646314516414380073e+09,1.79646314519048619267e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(51,1,'pct','dekker','sc','arm64','no-mb-before-mode-read',300,0.023,'clean',50,'mask=1',1,1,1.79646314519122672083e+09,1.79646314521474313738e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13060.672355336214, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(52,1,'dfs','dekker','sc','arm64','no-mb-before-mode-read',300,0.023,'clean',51,'mask=1',1,1,1.79646314521491098402e+09,1.79646314523828649518e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(53,1,'pct','dekker','tso','x86','no-mb-before-mode-read',300,0.024,'clean',52,'mask=1',1,1,1.79646314523894453044e+09,1.79646314526258349419e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12993.917763862135, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(54,1,'dfs','dekker','tso','x86','no-mb-before-mode-read',300,0.044,'clean',53,'mask=1',1,1,1.79646314526276016233e+09,1.79646314530654048922e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(55,1,'pct','dekker','tso','arm64','no-mb-before-mode-read',300,0.024,'clean',54,'mask=1',1,1,1.79646314530744123454e+09,1.79646314533147931098e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12846.965493436952, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(56,1,'dfs','dekker','tso','arm64','no-mb-before-mode-read',297,0.024,'clean',55,'mask=1',1,1,1.79646314533178758617e+09,1.7964631453557887077e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(57,1,'pct','dekker','pso','x86','no-mb-before-mode-read',300,0.029,'violations',56,'mask=1',1,1,1.7964631453559763432e+09,1.79646314538519597057e+09,NULL,33,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 12996.780264183415, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(58,1,'dfs','dekker','pso','x86','no-mb-before-mode-read',299,0.051,'violations',57,'mask=1',1,1,1.7964631453854124546e+09,1.79646314543659448622e+09,NULL,1,1,0.045,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(59,1,'pct','dekker','pso','arm64','no-mb-before-mode-read',300,0.029,'violations',58,'mask=1',1,1,1.79646314543750500679e+09,1.79646314546636891359e+09,NULL,33,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 13024.114235603229, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(60,1,'dfs','dekker','pso','arm64','no-mb-before-mode-read',299,0.023,'clean',59,'mask=1',1,1,1.79646314546657156945e+09,1.79646314548977255819e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(61,1,'pct','dekker','wmm','x86','no-mb-before-mode-read',300,0.028,'violations',60,'mask=1',1,1,1.79646314549025106432e+09,1.79646314551825428008e+09,NULL,36,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 13320.98980755662, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(62,1,'dfs','dekker','wmm','x86','no-mb-before-mode-read',300,0.048,'violations',61,'mask=1',1,1,1.79646314551845192914e+09,1.79646314556649780271e+09,NULL,1,1,0.043,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(63,1,'pct','dekker','wmm','arm64','no-mb-before-mode-read',300,0.028,'violations',62,'mask=1',1,1,1.7964631455672340393e+09,1.79646314559538483623e+09,NULL,54,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 13234.535468973425, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(64,1,'dfs','dekker','wmm','arm64','no-mb-before-mode-read',300,0.023,'clean',63,'mask=1',1,1,1.79646314559560847275e+09,1.79646314561865115162e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(65,1,'pct','dekker','sc','x86','',300,0.023,'clean',64,'mask=1',1,1,1.79646314561934638022e+09,1.79646314564281105998e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13203.161314701003, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(66,1,'dfs','dekker','sc','x86','',300,0.024,'clean',65,'mask=1',1,1,1.79646314564312314984e+09,1.7964631456671528816e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(67,1,'pct','dekker','sc','arm64','',300,0.023,'clean',66,'mask=1',1,1,1.79646314566754698748e+09,1.79646314569069480895e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13244.125609664761, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(68,1,'dfs','dekker','sc','arm64','',300,0.023,'clean',67,'mask=1',1,1,1.79646314569085359573e+09,1.79646314571388816838e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(69,1,'pct','dekker','tso','x86','',300,0.023,'clean',68,'mask=1',1,1,1.79646314571434950833e+09,1.79646314573770737648e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13312.24319042694, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(70,1,'dfs','dekker','tso','x86','',300,0.025,'clean',69,'mask=1',1,1,1796463145.73787,1.79646314576243805883e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(71,1,'pct','dekker','tso','arm64','',300,0.024,'clean',70,'mask=1',1,1,1.79646314576298284527e+09,1.79646314578656411163e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13057.779937017742, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(72,1,'dfs','dekker','tso','arm64','',297,0.023,'clean',71,'mask=1',1,1,1.79646314578673362734e+09,1.79646314581020236011e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(73,1,'pct','dekker','pso','x86','',300,0.024,'clean',72,'mask=1',1,1,1.79646314581105637545e+09,1.79646314583459687239e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13069.311743157028, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(74,1,'dfs','dekker','pso','x86','',300,0.044,'clean',73,'mask=1',1,1,1.79646314583487415319e+09,1.79646314587876605988e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(75,1,'pct','dekker','pso','arm64','',300,0.027,'clean',74,'mask=1',1,1,1.79646314587941193581e+09,1.79646314590660071373e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11343.348095484136, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(76,1,'dfs','dekker','pso','arm64','',299,0.024,'clean',75,'mask=1',1,1,1.79646314590679478644e+09,1.79646314593131470683e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(77,1,'pct','dekker','wmm','x86','',300,0.024,'clean',76,'mask=1',1,1,1.7964631459320681095e+09,1.79646314595584797864e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12926.70180831357, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(78,1,'dfs','dekker','wmm','x86','',300,0.047,'clean',77,'mask=1',1,1,1.79646314595602512361e+09,1.79646314600274109845e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(79,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',78,'mask=1',1,1,1.79646314600350952145e+09,1.79646314602776598925e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12793.134963852519, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(80,1,'dfs','dekker','wmm','arm64','',300,0.044,'clean',79,'mask=1',1,1,1.79646314602798247341e+09,1.79646314607249355313e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(81,1,'pct','dekker','sc','x86','',300,0.024,'clean',80,'waitkick=1',1,1,1.79646314607338118555e+09,1.79646314609759783745e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12915.545290575881, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(82,1,'dfs','dekker','sc','x86','',300,0.044,'clean',81,'waitkick=1',1,1,1.79646314609785294532e+09,1.79646314614224910733e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(83,1,'pct','dekker','sc','arm64','',300,0.025,'clean',82,'waitkick=1',1,1,1.79646314614324378962e+09,1.79646314616839313503e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12335.094688872643, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(84,1,'dfs','dekker','sc','arm64','',300,0.045,'clean',83,'waitkick=1',1,1,1.79646314616863870617e+09,1.79646314621355462069e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(85,1,'pct','dekker','tso','x86','',300,0.025,'clean',84,'waitkick=1',1,1,1.7964631462145009041e+09,1.79646314623925518983e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12454.71414270652, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(86,1,'dfs','dekker','tso','x86','',300,0.044,'clean',85,'waitkick=1',1,1,1.7964631462394361496e+09,1.79646314628364157676e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(87,1,'pct','dekker','tso','arm64','',300,0.026,'clean',86,'waitkick=1',1,1,1.79646314628448057178e+09,1.79646314631060981747e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11805.053239559249, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(88,1,'dfs','dekker','tso','arm64','',300,0.024,'clean',87,'waitkick=1',1,1,1.7964631463108067513e+09,1.79646314633500528337e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(89,1,'pct','dekker','pso','x86','',300,0.024,'clean',88,'waitkick=1',1,1,1.79646314633581137649e+09,1.79646314635976862904e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12920.579953797444, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(90,1,'dfs','dekker','pso','x86','',300,0.044,'clean',89,'waitkick=1',1,1,1.79646314635997653014e+09,1.7964631464041144848e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(91,1,'pct','dekker','pso','arm64','',300,0.025,'clean',90,'waitkick=1',1,1,1.79646314640504956242e+09,1.79646314643052840229e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12088.529134274537, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(92,1,'dfs','dekker','pso','arm64','',300,0.024,'clean',91,'waitkick=1',1,1,1.79646314643071460716e+09,1.79646314645490145687e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(93,1,'pct','dekker','wmm','x86','',300,0.024,'clean',92,'waitkick=1',1,1,1.79646314645581269267e+09,1.79646314647990727429e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12847.92227140783, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(94,1,'dfs','dekker','wmm','x86','',300,0.044,'clean',93,'waitkick=1',1,1,1.79646314648010230067e+09,1.79646314652420830727e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(95,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',94,'waitkick=1',1,1,1.79646314652511358261e+09,1.79646314654928660392e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12797.559794166133, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(96,1,'dfs','dekker','wmm','arm64','',300,0.024,'clean',95,'waitkick=1',1,1,1.7964631465498378277e+09,1.79646314657442784305e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(97,1,'pct','dekker','sc','x86','',300,0.024,'clean',96,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314657537794112e+09,1.79646314659973406792e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12726.838935207024, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(98,1,'dfs','dekker','sc','x86','',300,0.051,'clean',97,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314659993362426e+09,1.79646314665144634249e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(99,1,'pct','dekker','sc','arm64','',300,0.025,'clean',98,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314665219450001e+09,1.79646314667714142795e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12514.126359939606, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(100,1,'dfs','dekker','sc','arm64','',300,0.045,'clean',99,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314667735409738e+09,1.79646314672220039363e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(101,1,'pct','dekker','tso','x86','',300,0.024,'clean',100,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314672278547283e+09,1.79646314674723529816e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12803.230647840785, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(102,1,'dfs','dekker','tso','x86','',222,0.065,'clean',101,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314674792194365e+09,1.79646314681242442136e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 222}');
INSERT INTO "runs" VALUES(103,1,'pct','dekker','tso','arm64','',300,0.026,'clean',102,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314681263780596e+09,1.79646314683855772018e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11847.393720765014, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(104,1,'dfs','dekker','tso','arm64','',300,0.045,'clean',103,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314683878564836e+09,1.79646314688380289077e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(105,1,'pct','dekker','pso','x86','',300,0.026,'clean',104,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314688400936124e+09,1.79646314691054344173e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11542.536052257154, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(106,1,'dfs','dekker','pso','x86','',300,0.064,'clean',105,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314691073441505e+09,1.79646314697482156752e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(107,1,'pct','dekker','pso','arm64','',300,0.024,'clean',106,'waitkick=1 vcpus=2 requesters=2',1,1,1.7964631469750225544e+09,1.7964631469990653992e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12769.996568963332, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(108,1,'dfs','dekker','pso','arm64','',300,0.044,'clean',107,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314699925851825e+09,1.79646314704317355153e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(109,1,'pct','dekker','wmm','x86','',300,0.024,'clean',108,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314704336881634e+09,1.79646314706719541546e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12901.48618808648, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(110,1,'dfs','dekker','wmm','x86','',300,0.064,'clean',109,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314706742453578e+09,1.79646314713168907166e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(111,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',110,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314713201379776e+09,1.79646314715606021878e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12805.869798235693, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(112,1,'dfs','dekker','wmm','arm64','',300,0.064,'clean',111,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646314715626120566e+09,1.79646314722061538693e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(113,1,'pct','dekker','sc','x86','',300,0.024,'clean',112,'migrate=2',1,1,1.79646314722093391417e+09,1.79646314724495983128e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12800.486622872098, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(114,1,'dfs','dekker','sc','x86','',300,0.045,'clean',113,'migrate=2',1,1,1.79646314724521398539e+09,1.79646314729003882411e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(115,1,'pct','dekker','sc','arm64','',300,0.025,'clean',114,'migrate=2',1,1,1.79646314729044675822e+09,1.79646314731581091877e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12164.301270771322, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(116,1,'dfs','dekker','sc','arm64','',300,0.044,'clean',115,'migrate=2',1,1,1.79646314731600475304e+09,1.7964631473603942394e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(117,1,'pct','dekker','tso','x86','',300,0.026,'clean',116,'migrate=2',1,1,1.79646314736071729661e+09,1.79646314738661646843e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11883.680634190612, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(118,1,'dfs','dekker','tso','x86','',299,0.044,'clean',117,'migrate=2',1,1,1.79646314738680720332e+09,1.79646314743137478831e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(119,1,'pct','dekker','tso','arm64','',300,0.027,'clean',118,'migrate=2',1,1,1.79646314743170332911e+09,1.79646314745859074588e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11440.42196260032, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(120,1,'dfs','dekker','tso','arm64','',296,0.045,'clean',119,'migrate=2',1,1,1.79646314745879626269e+09,1.79646314750352144242e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 296}');
INSERT INTO "runs" VALUES(121,1,'pct','dekker','pso','x86','',300,0.027,'clean',120,'migrate=2',1,1,1.79646314750384306904e+09,1.79646314753052258493e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11506.569753151021, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(122,1,'dfs','dekker','pso','x86','',300,0.044,'clean',121,'migrate=2',1,1,1.79646314753077530855e+09,1.79646314757475757594e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(123,1,'pct','dekker','pso','arm64','',300,0.024,'clean',122,'migrate=2',1,1,1.79646314757495570183e+09,1.79646314759850430492e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13017.839343324795, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(124,1,'dfs','dekker','pso','arm64','',300,0.044,'clean',123,'migrate=2',1,1,1.79646314759867835051e+09,1.79646314764276480678e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(125,1,'pct','dekker','wmm','x86','',300,0.024,'clean',124,'migrate=2',1,1,1.79646314764296817782e+09,1.79646314766687464721e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12859.567988512375, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(126,1,'dfs','dekker','wmm','x86','',300,0.044,'clean',125,'migrate=2',1,1,1.79646314766707897178e+09,1796463147.7115,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(127,1,'pct','dekker','wmm','arm64','',300,0.025,'clean',126,'migrate=2',1,1,1.79646314771175527567e+09,1.79646314773719048499e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12283.069729193277, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(128,1,'dfs','dekker','wmm','arm64','',300,0.046,'clean',127,'migrate=2',1,1,1.79646314773761534696e+09,1.79646314778345155722e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(129,1,'pct','dekker','sc','x86','',300,0.024,'clean',128,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314778365302081e+09,1.79646314780774116518e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12751.802944329474, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(130,1,'dfs','dekker','sc','x86','',300,0.065,'clean',129,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314780793786049e+09,1796463147.87257,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(131,1,'pct','dekker','sc','arm64','',300,0.026,'clean',130,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314787286090854e+09,1.79646314789879560465e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11927.453884910426, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(132,1,'dfs','dekker','sc','arm64','',300,0.085,'clean',131,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314789909315105e+09,1.79646314798459267618e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(133,1,'pct','dekker','tso','x86','',300,0.024,'clean',132,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314798479175564e+09,1.79646314800864911084e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12870.539616643395, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(134,1,'dfs','dekker','tso','x86','',222,0.086,'clean',133,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314800883889198e+09,1.79646314809492707248e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 222}');
INSERT INTO "runs" VALUES(135,1,'pct','dekker','tso','arm64','',300,0.024,'clean',134,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631480951235294e+09,1.79646314811910724641e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12843.860655797529, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(136,1,'dfs','dekker','tso','arm64','',272,0.065,'clean',135,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314811930894847e+09,1.79646314818418073653e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 272}');
INSERT INTO "runs" VALUES(137,1,'pct','dekker','pso','x86','',300,0.026,'clean',136,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631481845149994e+09,1.79646314821045565606e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11957.473963358481, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(138,1,'dfs','dekker','pso','x86','',231,0.086,'clean',137,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314821078348158e+09,1.79646314829646229745e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 231}');
INSERT INTO "runs" VALUES(139,1,'pct','dekker','pso','arm64','',300,0.024,'clean',138,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631482966630459e+09,1.79646314832060241704e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12818.714367154807, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(140,1,'dfs','dekker','pso','arm64','',262,0.066,'clean',139,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631483208119869e+09,1.79646314838675093652e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 262}');
INSERT INTO "runs" VALUES(141,1,'pct','dekker','wmm','x86','',300,0.024,'clean',140,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314838694953915e+09,1.79646314841130280495e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12627.482856446757, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(142,1,'dfs','dekker','wmm','x86','',297,0.084,'clean',141,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314841149926187e+09,1.7964631484956853389e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(143,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',142,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631484959919452e+09,1.79646314851994442943e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12852.098777457424, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(144,1,'dfs','dekker','wmm','arm64','',300,0.064,'clean',143,'migrate=2 vcpus=2 requesters=2',1,1,1.79646314852035832404e+09,1.79646314858440184596e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(145,1,'pct','dekker','sc','x86','',300,0.026,'clean',144,'dead=1',1,1,1.79646314858460021015e+09,1.79646314861056232456e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11801.199818162597, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(146,1,'dfs','dekker','sc','x86','',300,0.024,'clean',145,'dead=1',1,1,1.79646314861075472825e+09,1.79646314863443064694e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(147,1,'pct','dekker','sc','arm64','',300,0.024,'clean',146,'dead=1',1,1,1.79646314863461470604e+09,1.79646314865825700761e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13085.240091053895, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(148,1,'dfs','dekker','sc','arm64','',300,0.024,'clean',147,'dead=1',1,1,1.79646314865846085549e+09,1.79646314868206858628e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(149,1,'pct','dekker','tso','x86','',300,0.023,'clean',148,'dead=1',1,1,1.79646314868224620821e+09,1.79646314870566749569e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13155.365216226717, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(150,1,'dfs','dekker','tso','x86','',293,0.023,'clean',149,'dead=1',1,1,1.79646314870585465436e+09,1.79646314872927856439e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 293}');
INSERT INTO "runs" VALUES(151,1,'pct','dekker','tso','arm64','',300,0.024,'clean',150,'dead=1',1,1,1.79646314872962427136e+09,1.79646314875341296191e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12925.571200088552, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(152,1,'dfs','dekker','tso','arm64','',300,0.023,'clean',151,'dead=1',1,1,1796463148.75366,1.79646314877698135372e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(153,1,'pct','dekker','pso','x86','',300,0.023,'clean',152,'dead=1',1,1,1.79646314877716112138e+09,1.79646314880063891414e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13076.491286895649, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(154,1,'dfs','dekker','pso','x86','',300,0.023,'clean',153,'dead=1',1,1,1.79646314880081701273e+09,1.79646314882417631152e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(155,1,'pct','dekker','pso','arm64','',300,0.023,'clean',154,'dead=1',1,1,1.79646314882443523409e+09,1.7964631488477942943e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13135.054719827513, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(156,1,'dfs','dekker','pso','arm64','',300,0.026,'clean',155,'dead=1',1,1,1.79646314884797263147e+09,1.79646314887437987331e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(157,1,'pct','dekker','wmm','x86','',300,0.023,'clean',156,'dead=1',1,1,1.7964631488745539189e+09,1.79646314889779973029e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13219.406141723419, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(158,1,'dfs','dekker','wmm','x86','',300,0.023,'clean',157,'dead=1',1,1,1.7964631488979876041e+09,1.79646314892122673989e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(159,1,'pct','dekker','wmm','arm64','',300,0.023,'clean',158,'dead=1',1,1,1.79646314892147898677e+09,1.79646314894466304777e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13241.143784477006, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(160,1,'dfs','dekker','wmm','arm64','',300,0.026,'clean',159,'dead=1',1,1,1.79646314894483947752e+09,1.7964631489704315663e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(161,1,'pct','dekker','sc','x86','wait-in-guest-predicate',300,0.023,'clean',160,'dead=1',1,1,1.79646314897060823444e+09,1.79646314899405455589e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 13081.483949368592, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(162,1,'dfs','dekker','sc','x86','wait-in-guest-predicate',300,0.044,'violations',161,'dead=1',1,1,1.79646314899422597892e+09,1.79646314903860092162e+09,NULL,56,1,0.024,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(163,1,'pct','dekker','sc','arm64','wait-in-guest-predicate',300,0.028,'violations',162,'dead=1',1,1,1.79646314903879165654e+09,1.7964631490669252873e+09,NULL,1,1,0.019,240,'Sometimes',NULL,'{"last_seed": 1, "rate": 12738.028640157367, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(164,1,'dfs','dekker','sc','arm64','wait-in-guest-predicate',300,0.028,'violations',163,'dead=1',1,1,1.79646314906712555883e+09,1.79646314909507822995e+09,NULL,56,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(165,1,'pct','dekker','tso','x86','wait-in-guest-predicate',300,0.027,'violations',164,'dead=1',1,1,1.79646314909527015681e+09,1.79646314912233543391e+09,NULL,1,1,0.007,86,'Sometimes',NULL,'{"last_seed": 1, "rate": 13324.160387023634, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(166,1,'dfs','dekker','tso','x86','wait-in-guest-predicate',293,0.023,'clean',165,'dead=1',1,1,1.79646314912254881856e+09,1.796463149145522356e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 293}');
INSERT INTO "runs" VALUES(167,1,'pct','dekker','tso','arm64','wait-in-guest-predicate',300,0.028,'violations',166,'dead=1',1,1,1.79646314914570546152e+09,1.79646314917402172089e+09,NULL,1,1,0.018,240,'Sometimes',NULL,'{"last_seed": 1, "rate": 13299.194599583776, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(168,1,'dfs','dekker','tso','arm64','wait-in-guest-predicate',300,0.03,'violations',167,'dead=1',1,1,1.79646314917422652247e+09,1.79646314920454025273e+09,NULL,54,1,0.024,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(169,1,'pct','dekker','pso','x86','wait-in-guest-predicate',300,0.026,'clean',168,'dead=1',1,1,1.79646314920476078986e+09,1.79646314923043322556e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 11932.164212436275, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(170,1,'dfs','dekker','pso','x86','wait-in-guest-predicate',300,0.023,'clean',169,'dead=1',1,1,1.7964631492306134701e+09,1.79646314925408029554e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(171,1,'pct','dekker','pso','arm64','wait-in-guest-predicate',300,0.028,'violations',170,'dead=1',1,1,1.79646314925425696368e+09,1.79646314928270244603e+09,NULL,1,1,0.018,240,'Sometimes',NULL,'{"last_seed": 1, "rate": 13176.06209838687, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(172,1,'dfs','dekker','pso','arm64','wait-in-guest-predicate',300,0.049,'violations',171,'dead=1',1,1,1.79646314928300237655e+09,1.79646314933227324488e+09,NULL,1,1,0.043,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(173,1,'pct','dekker','wmm','x86','wait-in-guest-predicate',300,0.023,'clean',172,'dead=1',1,1,1.79646314933248472216e+09,1.79646314935587072376e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 13140.352366547582, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(174,1,'dfs','dekker','wmm','x86','wait-in-guest-predicate',300,0.024,'clean',173,'dead=1',1,1,1.79646314935605144495e+09,1.79646314938006401058e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(175,1,'pct','dekker','wmm','arm64','wait-in-guest-predicate',300,0.029,'violations',174,'dead=1',1,1,1.79646314938039040561e+09,1.79646314940936493876e+09,NULL,1,1,0.019,240,'Sometimes',NULL,'{"last_seed": 1, "rate": 12944.716266593337, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(176,1,'dfs','dekker','wmm','arm64','wait-in-guest-predicate',300,0.049,'violations',175,'dead=1',1,1,1.79646314940970730782e+09,1.79646314945868229868e+09,NULL,1,1,0.044,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(177,1,'pct','dekker','sc','x86','check-before-in-guest-mode',300,0.027,'violations',176,'dead=1',1,1,1.79646314945888638499e+09,1.79646314948599934583e+09,NULL,8,1,0.003,40,'Sometimes',NULL,'{"last_seed": 1, "rate": 13248.162368370069, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(178,1,'dfs','dekker','sc','x86','check-before-in-guest-mode',300,0.023,'clean',177,'dead=1',1,1,1.79646314948620176312e+09,1.79646314950932860371e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(179,1,'pct','dekker','sc','arm64','check-before-in-guest-mode',300,0.028,'violations',178,'dead=1',1,1,1.79646314950959873194e+09,1.79646314953789520258e+09,NULL,13,1,0.001,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 13265.748177817119, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(180,1,'dfs','dekker','sc','arm64','check-before-in-guest-mode',300,0.024,'clean',179,'dead=1',1,1,1.79646314953808665273e+09,1.7964631495623745918e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(181,1,'pct','dekker','tso','x86','check-before-in-guest-mode',300,0.028,'violations',180,'dead=1',1,1,1.79646314956254577639e+09,1.79646314959081697471e+09,NULL,11,1,0.001,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 13219.011795624165, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(182,1,'dfs','dekker','tso','x86','check-before-in-guest-mode',298,0.032,'violations',181,'dead=1',1,1,1.79646314959101176264e+09,1.79646314962300038342e+09,NULL,5,2,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(183,1,'pct','dekker','tso','arm64','check-before-in-guest-mode',300,0.027,'violations',182,'dead=1',1,1,1.79646314962320446974e+09,1.79646314965042924877e+09,NULL,11,1,0.001,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 13295.63754108843, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(184,1,'dfs','dekker','tso','arm64','check-before-in-guest-mode',300,0.023,'clean',183,'dead=1',1,1,1.79646314965063118936e+09,1.79646314967397809029e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(185,1,'pct','dekker','pso','x86','check-before-in-guest-mode',300,0.029,'violations',184,'dead=1',1,1,1.79646314967424535749e+09,1.79646314970363759995e+09,NULL,7,1,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 12839.508707741736, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(186,1,'dfs','dekker','pso','x86','check-before-in-guest-mode',300,0.023,'clean',185,'dead=1',1,1,1.79646314970384359359e+09,1.79646314972717523576e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(187,1,'pct','dekker','pso','arm64','check-before-in-guest-mode',300,0.029,'violations',186,'dead=1',1,1,1.79646314972735047336e+09,1.79646314975605607029e+09,NULL,12,1,0.002,20,'Sometimes',NULL,'{"last_seed": 1, "rate": 13129.898109842357, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(188,1,'dfs','dekker','pso','arm64','check-before-in-guest-mode',300,0.023,'clean',187,'dead=1',1,1,1.7964631497562642097e+09,1.79646314977948832513e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(189,1,'pct','dekker','wmm','x86','check-before-in-guest-mode',300,0.034,'violations',188,'dead=1',1,1,1.79646314977972650526e+09,1.79646314981355834008e+09,NULL,37,2,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 13211.96062909573, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(190,1,'dfs','dekker','wmm','x86','check-before-in-guest-mode',300,0.023,'clean',189,'dead=1',1,1,1.79646314981377077106e+09,1.79646314983669638633e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(191,1,'pct','dekker','wmm','arm64','check-before-in-guest-mode',300,0.032,'violations',190,'dead=1',1,1,1.79646314983697915072e+09,1.79646314986941337587e+09,NULL,44,2,0.0,2,'Sometimes',NULL,'{"last_seed": 1, "rate": 13176.010594981353, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(192,1,'dfs','dekker','wmm','arm64','check-before-in-guest-mode',300,0.044,'clean',191,'dead=1',1,1,1.79646314986982059483e+09,1.79646314991352796554e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(193,1,'pct','dekker','sc','x86','check-before-in-guest-mode',300,0.029,'violations',192,'',1,1,1.79646314991372895242e+09,1.79646314994284033773e+09,NULL,6,1,0.007,89,'Sometimes',NULL,'{"last_seed": 1, "rate": 12921.270013822968, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(194,1,'dfs','dekker','sc','x86','check-before-in-guest-mode',300,0.023,'clean',193,'',1,1,1.79646314994304609298e+09,1.79646314996651029587e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(195,1,'pct','dekker','sc','arm64','check-before-in-guest-mode',300,0.032,'violations',194,'',1,1,1.79646314996673321729e+09,1.79646314999887394907e+09,NULL,10,1,0.002,25,'Sometimes',NULL,'{"last_seed": 1, "rate": 12800.243581002896, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(196,1,'dfs','dekker','sc','arm64','check-before-in-guest-mode',300,0.05,'clean',195,'',1,1,1.79646314999923205381e+09,1.79646315004933452607e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(197,1,'pct','dekker','tso','x86','check-before-in-guest-mode',300,0.031,'violations',196,'',1,1,1.79646315004979348177e+09,1.79646315008036398883e+09,NULL,14,1,0.001,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 12295.224067503963, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(198,1,'dfs','dekker','tso','x86','check-before-in-guest-mode',300,0.03,'violations',197,'',1,1,1.79646315008058428766e+09,1.79646315011064457893e+09,NULL,1,1,0.025,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(199,1,'pct','dekker','tso','arm64','check-before-in-guest-mode',300,0.028,'violations',198,'',1,1,1.79646315011084151264e+09,1.79646315013839125629e+09,NULL,13,1,0.001,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 13240.006002734071, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(200,1,'dfs','dekker','tso','arm64','check-before-in-guest-mode',297,0.023,'clean',199,'',1,1,1.79646315013859105111e+09,1.79646315016207456585e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 297}');
INSERT INTO "runs" VALUES(201,1,'pct','dekker','pso','x86','check-before-in-guest-mode',300,0.028,'violations',200,'',1,1,1.79646315016226387024e+09,1.79646315019062399864e+09,NULL,14,1,0.0,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 13204.039381202572, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(202,1,'dfs','dekker','pso','x86','check-before-in-guest-mode',300,0.044,'clean',201,'',1,1,1.79646315019082498552e+09,1.79646315023463153844e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(203,1,'pct','dekker','pso','arm64','check-before-in-guest-mode',300,0.033,'violations',202,'',1,1,1.79646315023497033123e+09,1.79646315026816105839e+09,NULL,14,1,0.002,21,'Sometimes',NULL,'{"last_seed": 1, "rate": 11087.84716349916, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(204,1,'dfs','dekker','pso','arm64','check-before-in-guest-mode',300,0.023,'clean',203,'',1,1,1.79646315026841235165e+09,1.79646315029173016548e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(205,1,'pct','dekker','wmm','x86','check-before-in-guest-mode',300,0.028,'violations',204,'',1,1,1.79646315029191350936e+09,1.79646315032028675083e+09,NULL,37,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 13186.685667459136, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(206,1,'dfs','dekker','wmm','x86','check-before-in-guest-mode',300,0.046,'clean',205,'',1,1,1.7964631503205037117e+09,1.796463150366963625e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(207,1,'pct','dekker','wmm','arm64','check-before-in-guest-mode',300,0.03,'violations',206,'',1,1,1.79646315036718749996e+09,1.79646315039709210392e+09,NULL,40,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 12627.370707132708, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(208,1,'dfs','dekker','wmm','arm64','check-before-in-guest-mode',300,0.029,'violations',207,'',1,1,1.79646315039730858796e+09,1.79646315042678856848e+09,NULL,7,1,0.024,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(209,1,'pct','dekker','sc','x86','kick-without-request',300,0.028,'violations',208,'',1,1,1.79646315042699193957e+09,1.79646315045465493204e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13230.073488246451, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(210,1,'dfs','dekker','sc','x86','kick-without-request',300,0.028,'violations',209,'',1,1,1.79646315045486593253e+09,1.79646315048327207559e+09,NULL,300,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(211,1,'pct','dekker','sc','arm64','kick-without-request',300,0.027,'violations',210,'',1,1,1.79646315048347568511e+09,1.79646315051076889031e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13221.912568955751, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(212,1,'dfs','dekker','sc','arm64','kick-without-request',300,0.028,'violations',211,'',1,1,1796463150.51107,1.79646315053892731668e+09,NULL,300,1,0.022,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(213,1,'pct','dekker','tso','x86','kick-without-request',300,0.027,'violations',212,'',1,1,1.79646315053912210462e+09,1.7964631505663247108e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13196.979789413794, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(214,1,'dfs','dekker','tso','x86','kick-without-request',299,0.028,'violations',213,'',1,1,1.79646315056651854511e+09,1.79646315059433197974e+09,NULL,299,1,0.022,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 299}');
INSERT INTO "runs" VALUES(215,1,'pct','dekker','tso','arm64','kick-without-request',300,0.028,'violations',214,'',1,1,1.79646315059452605245e+09,1.79646315062269234662e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13290.518961690426, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(216,1,'dfs','dekker','tso','arm64','kick-without-request',294,0.028,'violations',215,'',1,1,1.79646315062288856509e+09,1.79646315065117788316e+09,NULL,294,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 294}');
INSERT INTO "runs" VALUES(217,1,'pct','dekker','pso','x86','kick-without-request',300,0.031,'violations',216,'',1,1,1.7964631506513915062e+09,1.79646315068266510962e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13156.000964313624, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(218,1,'dfs','dekker','pso','x86','kick-without-request',300,0.035,'violations',217,'',1,1,1.79646315068297123904e+09,1.79646315071767807012e+09,NULL,300,1,0.027,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(219,1,'pct','dekker','pso','arm64','kick-without-request',300,0.029,'violations',218,'',1,1,1.79646315071795535092e+09,1.79646315074725246426e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 12599.525224566245, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(220,1,'dfs','dekker','pso','arm64','kick-without-request',294,0.051,'violations',219,'',1,1,1.79646315074751210215e+09,1.79646315079881238934e+09,NULL,294,1,0.046,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 294}');
INSERT INTO "runs" VALUES(221,1,'pct','dekker','wmm','x86','kick-without-request',300,0.01,'violations',220,'',1,1,1.79646315079902267456e+09,1.79646315080885291101e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 53598.56284457247, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(222,1,'dfs','dekker','wmm','x86','kick-without-request',300,0.028,'violations',221,'',1,1,1.79646315080904984476e+09,1.79646315083740162844e+09,NULL,300,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(223,1,'pct','dekker','wmm','arm64','kick-without-request',300,0.028,'violations',222,'',1,1,1.79646315083766245843e+09,1.79646315086576485635e+09,NULL,300,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13311.843874944076, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(224,1,'dfs','dekker','wmm','arm64','kick-without-request',295,0.028,'violations',223,'',1,1,1.79646315086606478688e+09,1.79646315089438533786e+09,NULL,295,1,0.022,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 295}');
INSERT INTO "runs" VALUES(225,1,'pct','dekker','sc','x86','',300,0.023,'clean',224,'vcpus=2 requesters=2',1,1,1.79646315089458799355e+09,1.79646315091790175445e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13174.436166982949, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(226,1,'dfs','dekker','sc','x86','',300,0.044,'clean',225,'vcpus=2 requesters=2',1,1,1.7964631509180848598e+09,1.79646315096261358261e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(227,1,'pct','dekker','sc','arm64','',300,0.024,'clean',226,'vcpus=2 requesters=2',1,1,1.79646315096280503268e+09,1.79646315098670816424e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12835.97962946649, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(228,1,'dfs','dekker','sc','arm64','',300,0.044,'clean',227,'vcpus=2 requesters=2',1,1,1.79646315098690056806e+09,1.79646315103120923044e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(229,1,'pct','dekker','tso','x86','',300,0.025,'clean',228,'vcpus=2 requesters=2',1,1,1.79646315103151297566e+09,1.79646315105662822721e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12314.27406686934, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(230,1,'dfs','dekker','tso','x86','',222,0.044,'clean',229,'vcpus=2 requesters=2',1,1,1.7964631510568301678e+09,1.7964631511008074283e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 222}');
INSERT INTO "runs" VALUES(231,1,'pct','dekker','tso','arm64','',300,0.024,'clean',230,'vcpus=2 requesters=2',1,1,1.79646315110100817684e+09,1.79646315112476420402e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12921.420280821398, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(232,1,'dfs','dekker','tso','arm64','',298,0.044,'clean',231,'vcpus=2 requesters=2',1,1,1.7964631511249535084e+09,1.79646315116876959796e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(233,1,'pct','dekker','pso','x86','',300,0.024,'clean',232,'vcpus=2 requesters=2',1,1,1.79646315116897201539e+09,1.79646315119286084172e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12856.16450348536, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(234,1,'dfs','dekker','pso','x86','',300,0.066,'clean',233,'vcpus=2 requesters=2',1,1,1.79646315119305276871e+09,1.79646315125869369512e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(235,1,'pct','dekker','pso','arm64','',300,0.024,'clean',234,'vcpus=2 requesters=2',1,1,1.79646315125890707964e+09,1.79646315128281164165e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12846.62550780945, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(236,1,'dfs','dekker','pso','arm64','',298,0.044,'clean',235,'vcpus=2 requesters=2',1,1,1.79646315128302097325e+09,1.7964631513268578052e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(237,1,'pct','dekker','wmm','x86','',300,0.024,'clean',236,'vcpus=2 requesters=2',1,1,1.7964631513270657063e+09,1.79646315135098767279e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12887.043005760192, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(238,1,'dfs','dekker','wmm','x86','',300,0.064,'clean',237,'vcpus=2 requesters=2',1,1,1.79646315135117936138e+09,1.79646315141514849658e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(239,1,'pct','dekker','wmm','arm64','',300,0.024,'clean',238,'vcpus=2 requesters=2',1,1,1.79646315141536927224e+09,1.79646315143928122517e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12865.618910438552, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(240,1,'dfs','dekker','wmm','arm64','',298,0.044,'clean',239,'vcpus=2 requesters=2',1,1,1.79646315143947720525e+09,1.79646315148328208919e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(241,1,'pct','halt','sc','x86','',300,0.024,'clean',240,'',1,1,1.79646315148347473144e+09,1.79646315150718188279e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12939.340199215263, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(242,1,'dfs','halt','sc','x86','',300,0.044,'clean',241,'',1,1,1.79646315150737428661e+09,1.79646315155111050603e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(243,1,'pct','halt','sc','arm64','',300,0.024,'clean',242,'',1,1,1.7964631515513067245e+09,1.79646315157508373264e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12914.972597633354, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(244,1,'dfs','halt','sc','arm64','',300,0.024,'clean',243,'',1,1,1.79646315157527017595e+09,1.79646315159885859493e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(245,1,'pct','halt','tso','x86','',300,0.027,'clean',244,'',1,1,1.79646315159905147545e+09,1.79646315162621259689e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11268.9430936449, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(246,1,'dfs','halt','tso','x86','',300,0.044,'clean',245,'',1,1,1.79646315162652254106e+09,1.79646315167038726811e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(247,1,'pct','halt','tso','arm64','',300,0.024,'clean',246,'',1,1,1.79646315167061519624e+09,1796463151.69456,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12825.410045170927, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(248,1,'dfs','halt','tso','arm64','',298,0.044,'clean',247,'',1,1,1.79646315169474935532e+09,1.79646315173864960668e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(249,1,'pct','halt','pso','x86','',300,0.024,'clean',248,'',1,1,1.79646315173886013025e+09,1.79646315176271462437e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12868.397556884413, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(250,1,'dfs','halt','pso','x86','',300,0.044,'clean',249,'',1,1,1.79646315176291894912e+09,1.79646315180681443216e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(251,1,'pct','halt','pso','arm64','',300,0.024,'clean',250,'',1,1,1.7964631518070178032e+09,1.79646315183097338673e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12811.312217305218, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(252,1,'dfs','halt','pso','arm64','',300,0.044,'clean',251,'',1,1,1.79646315183115863793e+09,1.79646315187512803073e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(253,1,'pct','halt','wmm','x86','',300,0.024,'clean',252,'',1,1,1.79646315187532472608e+09,1.79646315189900040629e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12966.129657827214, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(254,1,'dfs','halt','wmm','x86','',300,0.044,'clean',253,'',1,1,1.7964631518991894722e+09,1.79646315194323420521e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(255,1,'pct','halt','wmm','arm64','',300,0.024,'clean',254,'',1,1,1.79646315194343638419e+09,1.79646315196756768228e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12886.891326011375, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(256,1,'dfs','halt','wmm','arm64','',300,0.044,'clean',255,'',1,1,1.79646315196786952013e+09,1.79646315201172280312e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(257,1,'pct','halt','sc','x86','',300,0.027,'clean',256,'poll_ns=10',1,1,1.79646315201191782953e+09,1.79646315203849554062e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11527.960896257215, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(258,1,'dfs','halt','sc','x86','',300,0.044,'clean',257,'poll_ns=10',1,1,1.79646315203869032855e+09,1.79646315208248925207e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(259,1,'pct','halt','sc','arm64','',300,0.024,'clean',258,'poll_ns=10',1,1,1.79646315208268046378e+09,1.79646315210640382768e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12935.554122360205, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(260,1,'dfs','halt','sc','arm64','',300,0.044,'clean',259,'poll_ns=10',1,1,1.79646315210658693312e+09,1.79646315215034270288e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(261,1,'pct','halt','tso','x86','',300,0.024,'clean',260,'poll_ns=10',1,1,1.79646315215053462986e+09,1.79646315217422699933e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13007.59877881744, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(262,1,'dfs','halt','tso','x86','',300,0.044,'clean',261,'poll_ns=10',1,1,1.79646315217440605163e+09,1.7964631522180376053e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(263,1,'pct','halt','tso','arm64','',300,0.024,'clean',262,'poll_ns=10',1,1,1.79646315221822834009e+09,1.79646315224212336537e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12846.620556539943, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(264,1,'dfs','halt','tso','arm64','',298,0.044,'clean',263,'poll_ns=10',1,1,1.79646315224230027195e+09,1.79646315228595471386e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(265,1,'pct','halt','pso','x86','',300,0.024,'clean',264,'poll_ns=10',1,1,1.79646315228615069395e+09,1.79646315231052875523e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12577.182503814083, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(266,1,'dfs','halt','pso','x86','',300,0.044,'clean',265,'poll_ns=10',1,1,1.79646315231070351605e+09,1.79646315235464644434e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(267,1,'pct','halt','pso','arm64','',300,0.024,'clean',266,'poll_ns=10',1,1,1.79646315235493135454e+09,1.79646315237854647638e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12989.865698084766, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(268,1,'dfs','halt','pso','arm64','',300,0.044,'clean',267,'poll_ns=10',1,1,1.7964631523787183762e+09,1.79646315242242312435e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(269,1,'pct','halt','wmm','x86','',300,0.024,'clean',268,'poll_ns=10',1,1,1.796463152422608614e+09,1.79646315244629240035e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12959.859557051377, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(270,1,'dfs','halt','wmm','x86','',300,0.044,'clean',269,'poll_ns=10',1,1,1.79646315244646644594e+09,1.79646315249003076549e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(271,1,'pct','halt','wmm','arm64','',300,0.023,'clean',270,'poll_ns=10',1,1,1.79646315249021291731e+09,1.79646315251375031469e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13078.426661438014, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(272,1,'dfs','halt','wmm','arm64','',300,0.044,'clean',271,'poll_ns=10',1,1,1.79646315251393151289e+09,1.79646315255765295026e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(273,1,'pct','halt','sc','x86','',300,0.024,'clean',272,'signals=1',1,1,1.79646315255785059931e+09,1.79646315258170747759e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12917.248660636575, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(274,1,'dfs','halt','sc','x86','',300,0.044,'clean',273,'signals=1',1,1,1.79646315258189702033e+09,1.79646315262570357325e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(275,1,'pct','halt','sc','arm64','',300,0.053,'clean',274,'signals=1',1,1,1.79646315262591147422e+09,1.79646315267883491511e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 5730.267704193865, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(276,1,'dfs','halt','sc','arm64','',300,0.044,'clean',275,'signals=1',1,1,1796463152.67902,1.79646315272296953199e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(277,1,'pct','halt','tso','x86','',300,0.024,'clean',276,'signals=1',1,1,1.79646315272316884998e+09,1.79646315274680471417e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12972.05076403436, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(278,1,'dfs','halt','tso','x86','',300,0.044,'clean',277,'signals=1',1,1,1796463152.74699,1.79646315279105567939e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(279,1,'pct','halt','tso','arm64','',300,0.024,'clean',278,'signals=1',1,1,1.79646315279137516024e+09,1.79646315281561326981e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12832.563363999787, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(280,1,'dfs','halt','tso','arm64','',300,0.044,'clean',279,'signals=1',1,1,1.79646315281581163405e+09,1.79646315285985660546e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(281,1,'pct','halt','pso','x86','',300,0.024,'clean',280,'signals=1',1,1,1.79646315286006093021e+09,1.79646315288378119467e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12963.342820189153, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(282,1,'dfs','halt','pso','x86','',300,0.044,'clean',281,'signals=1',1,1,1.7964631528839607239e+09,1.79646315292762279508e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(283,1,'pct','halt','pso','arm64','',300,0.024,'clean',282,'signals=1',1,1,1.79646315292781972887e+09,1.79646315295157814025e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12931.54561336881, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(284,1,'dfs','halt','pso','arm64','',300,0.044,'clean',283,'signals=1',1,1,1.79646315295176529878e+09,1.79646315299549794199e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(285,1,'pct','halt','wmm','x86','',300,0.024,'clean',284,'signals=1',1,1,1.79646315299569225313e+09,1.79646315301948499682e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12948.304840727273, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(286,1,'dfs','halt','wmm','x86','',300,0.044,'clean',285,'signals=1',1,1,1.79646315301972746844e+09,1.79646315306349110604e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(287,1,'pct','halt','wmm','arm64','',300,0.024,'clean',286,'signals=1',1,1,1.79646315306368541718e+09,1.79646315308761119842e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12954.697466221034, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(288,1,'dfs','halt','wmm','arm64','',300,0.044,'clean',287,'signals=1',1,1,1.79646315308778595923e+09,1.79646315313143873216e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(289,1,'pct','halt','sc','x86','',300,0.024,'clean',288,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315313161778447e+09,1.79646315315531063076e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12938.096897653635, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(290,1,'dfs','halt','sc','x86','',300,0.023,'clean',289,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315315549206731e+09,1.79646315317900896074e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(291,1,'pct','halt','sc','arm64','',300,0.024,'clean',290,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315317919278145e+09,1.79646315320277810091e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13002.832540545134, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(292,1,'dfs','halt','sc','arm64','',300,0.023,'clean',291,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1796463153.20297,1.7964631532300159931e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(293,1,'pct','halt','tso','x86','',300,0.023,'clean',292,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315323048210146e+09,1.79646315325394630426e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13105.005121773576, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(294,1,'dfs','halt','tso','x86','',300,0.044,'clean',293,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315325416898725e+09,1.79646315329777145385e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(295,1,'pct','halt','tso','arm64','',300,0.024,'clean',294,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315329808235164e+09,1.79646315332188105584e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12946.252467108881, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(296,1,'dfs','halt','tso','arm64','',300,0.044,'clean',295,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315332206487659e+09,1.79646315336598730088e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(297,1,'pct','halt','pso','x86','',300,0.024,'clean',296,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315336617350575e+09,1.7964631533897628784e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13061.249511547696, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(298,1,'dfs','halt','pso','x86','',300,0.043,'clean',297,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315338994431499e+09,1.796463153433316946e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(299,1,'pct','halt','pso','arm64','',300,0.023,'clean',298,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.7964631534335711002e+09,1.79646315345697808263e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13103.596424340467, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(300,1,'dfs','halt','pso','arm64','',300,0.025,'clean',299,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315345714712146e+09,1.79646315348228359227e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(301,1,'pct','halt','wmm','x86','',300,0.023,'clean',300,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315348244738573e+09,1.79646315350589323039e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13061.272255443173, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(302,1,'dfs','halt','wmm','x86','',300,0.044,'clean',301,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.7964631535060653686e+09,1.79646315354968571665e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(303,1,'pct','halt','wmm','arm64','',300,0.024,'clean',302,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315354990363118e+09,1.79646315357353043556e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 13017.963052785819, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(304,1,'dfs','halt','wmm','arm64','',300,0.043,'clean',303,'signals=2 wakers=0 unblock=0 nowake=0',1,1,1.79646315357371640208e+09,1.79646315361716580388e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(305,1,'pct','halt','sc','x86','check-block-ignores-requests',300,0.041,'violations',304,'',1,1,1.79646315361736559875e+09,1.79646315365884923936e+09,NULL,15,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 12265.73418834037, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(306,1,'dfs','halt','sc','x86','check-block-ignores-requests',300,0.043,'clean',305,'',1,1,1.79646315365903663633e+09,1.79646315370225262636e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(307,1,'pct','halt','tso','x86','check-block-ignores-requests',300,0.029,'violations',306,'',1,1,1.79646315370244240763e+09,1.79646315373112559323e+09,NULL,12,1,0.007,86,'Sometimes',NULL,'{"last_seed": 1, "rate": 13038.291854468247, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(308,1,'dfs','halt','tso','x86','check-block-ignores-requests',300,0.043,'clean',307,'',1,1,1.79646315373132228849e+09,1.79646315377464032168e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(309,1,'pct','halt','pso','x86','check-block-ignores-requests',300,0.028,'violations',308,'',1,1,1.796463153774841547e+09,1.79646315380262541769e+09,NULL,16,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 13029.677567125787, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(310,1,'dfs','halt','pso','x86','check-block-ignores-requests',300,0.043,'clean',309,'',1,1,1.79646315380459070209e+09,1.79646315384805202487e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(311,1,'pct','halt','wmm','x86','check-block-ignores-requests',300,0.029,'violations',310,'',1,1,1.79646315384835410112e+09,1.79646315387757754327e+09,NULL,11,1,0.005,65,'Sometimes',NULL,'{"last_seed": 1, "rate": 12932.871841507884, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(312,1,'dfs','halt','wmm','x86','check-block-ignores-requests',300,0.045,'clean',311,'',1,1,1.79646315387778830524e+09,1.79646315392262411123e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(313,1,'pct','halt','sc','arm64','check-block-ignores-requests',300,0.024,'clean',312,'',1,1,1.79646315392282414436e+09,1.7964631539466004371e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12903.66647236724, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(314,1,'dfs','halt','sc','arm64','check-block-ignores-requests',300,0.044,'clean',313,'',1,1,1.79646315394679069519e+09,1.79646315399103188512e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(315,1,'pct','halt','tso','arm64','check-block-ignores-requests',300,0.027,'clean',314,'',1,1,1.79646315399156403539e+09,1.79646315401825141903e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11568.180640670906, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(316,1,'dfs','halt','tso','arm64','check-block-ignores-requests',298,0.044,'clean',315,'',1,1,1.79646315401845049859e+09,1.79646315406281828876e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 298}');
INSERT INTO "runs" VALUES(317,1,'pct','halt','pso','arm64','check-block-ignores-requests',300,0.024,'clean',316,'',1,1,1.79646315406301975252e+09,1.79646315408717584605e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12815.241045018023, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(318,1,'dfs','halt','pso','arm64','check-block-ignores-requests',300,0.044,'clean',317,'',1,1,1.7964631540873701572e+09,1.79646315413164687157e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(319,1,'pct','halt','wmm','arm64','check-block-ignores-requests',300,0.027,'clean',318,'',1,1,1.79646315413195633886e+09,1.7964631541584951878e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 11574.575101473096, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(320,1,'dfs','halt','wmm','arm64','check-block-ignores-requests',300,0.044,'clean',319,'',1,1,1.79646315415868806841e+09,1.79646315420278048511e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(321,1,'pct','halt','sc','x86','no-mb-after-in-guest-mode',300,0.024,'clean',320,'',1,1,1.7964631542029783726e+09,1.79646315422697520252e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12854.154453295396, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(322,1,'dfs','halt','sc','x86','no-mb-after-in-guest-mode',300,0.044,'clean',321,'',1,1,1.79646315422737097742e+09,1.79646315427168631558e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(323,1,'pct','halt','sc','arm64','no-mb-after-in-guest-mode',300,0.024,'clean',322,'',1,1,1.79646315427188086504e+09,1.79646315429570531839e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 12879.121078405056, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(324,1,'dfs','halt','sc','arm64','no-mb-after-in-guest-mode',300,0.044,'clean',323,'',1,1,1.79646315429589319232e+09,1.79646315433989167209e+09,NULL,0,0,NULL,NULL,'Never','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 300}');
INSERT INTO "runs" VALUES(325,1,'pct','halt','tso','x86','no-mb-after-in-guest-mode',300,0.046,'violations',324,'',1,1,1.79646315434010100369e+09,1.7964631543863387108e+09,NULL,17,1,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 12876.369301524364, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(326,1,'dfs','halt','tso','x86','no-mb-after-in-guest-mode',288,0.048,'violations',325,'',1,1,1.79646315438658571244e+09,1.79646315443412709234e+09,NULL,8,1,0.043,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 288}');
INSERT INTO "runs" VALUES(327,1,'pct','halt','tso','arm64','no-mb-after-in-guest-mode',300,0.028,'violations',326,'',1,1,1.79646315443433570854e+09,1.79646315446273970601e+09,NULL,21,1,0.001,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 13219.903623693526, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(328,1,'dfs','halt','tso','arm64','no-mb-after-in-guest-mode',286,0.028,'violations',327,'',1,1,1.79646315446294808386e+09,1.79646315449082183838e+09,NULL,8,1,0.023,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 286}');
INSERT INTO "runs" VALUES(329,1,'pct','halt','pso','x86','no-mb-after-in-guest-mode',300,0.028,'violations',328,'',1,1,1.79646315449101757998e+09,1.79646315451914596558e+09,NULL,18,1,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 13267.63084686599, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(330,1,'dfs','halt','pso','x86','no-mb-after-in-guest-mode',150,0.043,'clean',329,'',1,1,1.79646315451934599871e+09,1.79646315456278324123e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(331,1,'pct','halt','pso','arm64','no-mb-after-in-guest-mode',300,0.029,'violations',330,'',1,1,1.79646315456297063833e+09,1.79646315459160757065e+09,NULL,28,1,0.001,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 12649.270350971316, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(332,1,'dfs','halt','pso','arm64','no-mb-after-in-guest-mode',150,0.044,'clean',331,'',1,1,1.79646315459181523319e+09,1.79646315463568592065e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(333,1,'pct','halt','wmm','x86','no-mb-after-in-guest-mode',300,0.034,'violations',332,'',1,1,1.79646315463599586491e+09,1.7964631546705174446e+09,NULL,28,1,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 11535.000154293552, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(334,1,'dfs','halt','wmm','x86','no-mb-after-in-guest-mode',150,0.044,'clean',333,'',1,1,1.79646315467073488234e+09,1.79646315471475386624e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(335,1,'pct','halt','wmm','arm64','no-mb-after-in-guest-mode',300,0.032,'violations',334,'',1,1,1.79646315471495246884e+09,1.79646315474711060523e+09,NULL,45,1,0.001,11,'Sometimes',NULL,'{"last_seed": 1, "rate": 12754.402500533755, "schedules": 300, "slices": 1}');
INSERT INTO "runs" VALUES(336,1,'dfs','halt','wmm','arm64','no-mb-after-in-guest-mode',150,0.023,'clean',335,'',1,1,1.79646315474733114236e+09,1.7964631547706842422e+09,NULL,0,0,NULL,NULL,'Sometimes','dfs incomplete (budget)','{"dfs_complete": false, "schedules": 150}');
INSERT INTO "runs" VALUES(337,2,'pct','dekker','sc','x86','',200,0.024,'clean',0,'',1,1,1.79646315657276725769e+09,1.79646315659670281414e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8692.849676681228, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(338,2,'pct','dekker','sc','arm64','',200,0.023,'clean',1,'',1,1,1.79646315659689974784e+09,1.79646315662032222742e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8768.146447921978, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(339,2,'pct','dekker','tso','x86','',200,0.023,'clean',2,'',1,1,1.79646315662051057815e+09,1.79646315664404106139e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8690.755500675254, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(340,2,'pct','dekker','tso','arm64','',200,0.023,'clean',3,'',1,1,1.79646315664421796793e+09,1.79646315666772341725e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8708.378902603567, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(341,2,'pct','dekker','pso','x86','',200,0.024,'clean',4,'',1,1,1.79646315666791057583e+09,1.79646315669168162346e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8602.905741421582, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(342,2,'pct','dekker','pso','arm64','',200,0.024,'clean',5,'',1,1,1.79646315669186306005e+09,1.79646315671549654008e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8701.805864781647, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(343,2,'pct','dekker','wmm','x86','',200,0.025,'clean',6,'',1,1,1.79646315671569967273e+09,1.79646315674033474926e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8366.489030793593, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(344,2,'pct','dekker','wmm','arm64','',200,0.025,'clean',7,'',1,1,1.79646315674062013621e+09,1.79646315676594376569e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8247.121703401353, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(345,2,'pct','dekker','sc','x86','no-mb-after-in-guest-mode',200,0.025,'clean',8,'',1,1,1.79646315676626324659e+09,1.79646315679159164426e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8092.329269015385, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(346,2,'pct','dekker','sc','arm64','no-mb-after-in-guest-mode',200,0.024,'clean',9,'',1,1,1.79646315679177975659e+09,1.79646315681562709814e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8649.802951611213, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(347,2,'pct','dekker','tso','x86','no-mb-after-in-guest-mode',200,0.031,'violations',10,'',1,1,1.79646315681590104098e+09,1.79646315684658789638e+09,NULL,5,1,0.003,22,'Sometimes',NULL,'{"last_seed": 1, "rate": 8252.813383272405, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(348,2,'pct','dekker','tso','arm64','no-mb-after-in-guest-mode',200,0.028,'violations',11,'',1,1,1.79646315684678769108e+09,1.7964631568749680519e+09,NULL,9,1,0.002,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 8884.68899719022, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(349,2,'pct','dekker','pso','x86','no-mb-after-in-guest-mode',200,0.027,'violations',12,'',1,1,1.79646315687544202805e+09,1.79646315690235090258e+09,NULL,7,1,0.002,16,'Sometimes',NULL,'{"last_seed": 1, "rate": 8887.59841011992, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(350,2,'pct','dekker','pso','arm64','no-mb-after-in-guest-mode',200,0.028,'violations',13,'',1,1,1.79646315690253758432e+09,1.79646315693038606639e+09,NULL,14,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8946.489569722045, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(351,2,'pct','dekker','wmm','x86','no-mb-after-in-guest-mode',200,0.029,'violations',14,'',1,1,1.7964631569305815696e+09,1.79646315695926928526e+09,NULL,29,1,0.001,11,'Sometimes',NULL,'{"last_seed": 1, "rate": 8637.01547618347, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(352,2,'pct','dekker','wmm','arm64','no-mb-after-in-guest-mode',200,0.027,'violations',15,'',1,1,1.79646315695945930478e+09,1796463156.98658,NULL,43,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8830.760896808622, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(353,2,'pct','dekker','sc','x86','no-mb-before-mode-read',200,0.023,'clean',16,'',1,1,1.79646315698677039142e+09,1.7964631570100839138e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8767.3846294483, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(354,2,'pct','dekker','sc','arm64','no-mb-before-mode-read',200,0.023,'clean',17,'',1,1,1.79646315701027107234e+09,1.79646315703351306912e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8853.008629403499, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(355,2,'pct','dekker','tso','x86','no-mb-before-mode-read',200,0.023,'clean',18,'',1,1,1.79646315703370213507e+09,1.79646315705686068536e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8841.824835946762, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(356,2,'pct','dekker','tso','arm64','no-mb-before-mode-read',200,0.023,'clean',19,'',1,1,1.79646315705703735351e+09,1.79646315708034634596e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8765.81489894541, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(357,2,'pct','dekker','pso','x86','no-mb-before-mode-read',200,0.023,'clean',20,'',1,1,1.79646315708051466939e+09,1.79646315710376548767e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8790.935595496227, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(358,2,'pct','dekker','pso','arm64','no-mb-before-mode-read',200,0.023,'clean',21,'',1,1,1.79646315710398268698e+09,1.79646315712707710268e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8845.985467237917, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(359,2,'pct','dekker','wmm','x86','no-mb-before-mode-read',200,0.023,'clean',22,'',1,1,1.79646315712724375726e+09,1.79646315715034246441e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8838.502746298343, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(360,2,'pct','dekker','wmm','arm64','no-mb-before-mode-read',200,0.023,'clean',23,'',1,1,1.79646315715050148968e+09,1.79646315717372703551e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8819.104685253153, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(361,2,'pct','dekker','sc','x86','no-mb-before-mode-read',200,0.025,'clean',24,'mask=1',1,1,1.79646315717392086983e+09,1.79646315719865250584e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8293.591477589915, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(362,2,'pct','dekker','sc','arm64','no-mb-before-mode-read',200,0.024,'clean',25,'mask=1',1,1,1.79646315719884419439e+09,1.7964631572225019932e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8685.162384579753, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(363,2,'pct','dekker','tso','x86','no-mb-before-mode-read',200,0.024,'clean',26,'mask=1',1,1,1.79646315722274613375e+09,1.7964631572470293045e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8437.700303196525, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(364,2,'pct','dekker','tso','arm64','no-mb-before-mode-read',200,0.006,'clean',27,'mask=1',1,1,1.79646315724721264842e+09,1.79646315725298953052e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 38400.49646542587, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(365,2,'pct','dekker','pso','x86','no-mb-before-mode-read',200,0.029,'violations',28,'mask=1',1,1,1.79646315725314760208e+09,1.79646315728184866903e+09,NULL,24,1,0.001,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 8820.84839026068, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(366,2,'pct','dekker','pso','arm64','no-mb-before-mode-read',200,0.027,'violations',29,'mask=1',1,1,1.79646315728208255764e+09,1.79646315730892610542e+09,NULL,20,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 8870.151186085503, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(367,2,'pct','dekker','wmm','x86','no-mb-before-mode-read',200,0.029,'violations',30,'mask=1',1,1,1.79646315730913805957e+09,1.7964631573381617069e+09,NULL,26,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 8781.195910210177, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(368,2,'pct','dekker','wmm','arm64','no-mb-before-mode-read',200,0.028,'violations',31,'mask=1',1,1,1.79646315733841800688e+09,1.79646315736669492718e+09,NULL,36,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 8802.824650669167, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(369,2,'pct','dekker','sc','x86','',200,0.023,'clean',32,'mask=1',1,1,1.79646315736689400673e+09,1.79646315739021348949e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8826.189988318089, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(370,2,'pct','dekker','sc','arm64','',200,0.024,'clean',33,'mask=1',1,1,1.79646315739043450354e+09,1.79646315741452240939e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8492.19361527826, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(371,2,'pct','dekker','tso','x86','',200,0.023,'clean',34,'mask=1',1,1,1.79646315741470646853e+09,1.79646315743775939941e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8880.166198874043, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(372,2,'pct','dekker','tso','arm64','',200,0.024,'clean',35,'mask=1',1,1,1.79646315743793249129e+09,1.79646315746172738079e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8669.306153573223, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(373,2,'pct','dekker','pso','x86','',200,0.024,'clean',36,'mask=1',1,1,1.79646315746218323706e+09,1.79646315748623967172e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8561.480743514188, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(374,2,'pct','dekker','pso','arm64','',200,0.024,'clean',37,'mask=1',1,1,1.79646315748641967769e+09,1.79646315751022338865e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8594.855076698212, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(375,2,'pct','dekker','wmm','x86','',200,0.024,'clean',38,'mask=1',1,1,1.79646315751040124898e+09,1.79646315753437781333e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8527.338456905733, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(376,2,'pct','dekker','wmm','arm64','',200,0.023,'clean',39,'mask=1',1,1,1.7964631575345830917e+09,1.79646315755795478821e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8740.730782985323, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(377,2,'pct','dekker','sc','x86','',200,0.024,'clean',40,'waitkick=1',1,1,1.79646315755812048912e+09,1.79646315758166861533e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8697.303149996744, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(378,2,'pct','dekker','sc','arm64','',200,0.024,'clean',41,'waitkick=1',1,1,1.79646315758183526987e+09,1.7964631576060934066e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8446.71392670233, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(379,2,'pct','dekker','tso','x86','',200,0.023,'clean',42,'waitkick=1',1,1,1.79646315760625529286e+09,1.79646315762964963909e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8764.317552807854, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(380,2,'pct','dekker','tso','arm64','',200,0.023,'clean',43,'waitkick=1',1,1,1.79646315762982249257e+09,1.79646315765299963954e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8817.947131739766, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(381,2,'pct','dekker','pso','x86','',200,0.023,'clean',44,'waitkick=1',1,1,1.79646315765315508841e+09,1.79646315767664599416e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8692.316215490462, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(382,2,'pct','dekker','pso','arm64','',200,0.023,'clean',45,'waitkick=1',1,1,1.79646315767681407932e+09,1.79646315769993066783e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8849.638970598331, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(383,2,'pct','dekker','wmm','x86','',200,0.023,'clean',46,'waitkick=1',1,1,1.79646315770009064672e+09,1.79646315772341561315e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8760.36844154228, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(384,2,'pct','dekker','wmm','arm64','',200,0.025,'clean',47,'waitkick=1',1,1,1.79646315772364640241e+09,1.79646315774866318706e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8157.483814454588, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(385,2,'pct','dekker','sc','x86','',200,0.023,'clean',48,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315774882531172e+09,1.79646315777199816702e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8807.458651614568, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(386,2,'pct','dekker','sc','arm64','',200,0.023,'clean',49,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315777216792099e+09,1.79646315779541587828e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8790.687531395755, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(387,2,'pct','dekker','tso','x86','',200,0.024,'clean',50,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315779558134076e+09,1.79646315781989288334e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8440.511654987853, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(388,2,'pct','dekker','tso','arm64','',200,0.024,'clean',51,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315782015442846e+09,1.79646315784467458728e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8332.289367570851, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(389,2,'pct','dekker','pso','x86','',200,0.024,'clean',52,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315784488058093e+09,1.79646315786842370029e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8705.946007436283, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(390,2,'pct','dekker','pso','arm64','',200,0.023,'clean',53,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315786859154702e+09,1.7964631578920228481e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8714.78529408972, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(391,2,'pct','dekker','wmm','x86','',200,0.023,'clean',54,'waitkick=1 vcpus=2 requesters=2',1,1,1.79646315789220094687e+09,1.79646315791554903986e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8790.285715027807, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(392,2,'pct','dekker','wmm','arm64','',200,0.025,'clean',55,'waitkick=1 vcpus=2 requesters=2',1,1,1.7964631579157128334e+09,1.79646315794104957574e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8050.023491147815, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(393,2,'pct','dekker','sc','x86','',200,0.023,'clean',56,'migrate=2',1,1,1.79646315794121932984e+09,1.79646315796456432344e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8760.772519813889, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(394,2,'pct','dekker','sc','arm64','',200,0.023,'clean',57,'migrate=2',1,1,1.79646315796473288531e+09,1.79646315798794698717e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8803.443838654133, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(395,2,'pct','dekker','tso','x86','',200,0.023,'clean',58,'migrate=2',1,1,1.79646315798811316488e+09,1.7964631580115511417e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8713.131472049376, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(396,2,'pct','dekker','tso','arm64','',200,0.024,'clean',59,'migrate=2',1,1,1.79646315801182556151e+09,1.79646315803624224667e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8361.06314750911, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(397,2,'pct','dekker','pso','x86','',200,0.026,'clean',60,'migrate=2',1,1,1.79646315803641033175e+09,1.7964631580623855591e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 7850.430458118844, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(398,2,'pct','dekker','pso','arm64','',200,0.025,'clean',61,'migrate=2',1,1,1.79646315806255197529e+09,1.79646315808812642093e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8345.045256788266, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(399,2,'pct','dekker','wmm','x86','',200,0.023,'clean',62,'migrate=2',1,1,1.79646315808831810948e+09,1.79646315811177349091e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8723.88532289127, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(400,2,'pct','dekker','wmm','arm64','',200,0.023,'clean',63,'migrate=2',1,1,1.79646315811194467546e+09,1.79646315813534951212e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8734.120660188915, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(401,2,'pct','dekker','sc','x86','',200,0.024,'clean',64,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315813552951813e+09,1.79646315815916109083e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8662.121854326835, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(402,2,'pct','dekker','sc','arm64','',200,0.024,'clean',65,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315815934491154e+09,1.79646315818319201465e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8581.89136718105, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(403,2,'pct','dekker','tso','x86','',200,0.024,'clean',66,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315818337821957e+09,1.79646315820754361148e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8551.476876827846, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(404,2,'pct','dekker','tso','arm64','',200,0.025,'clean',67,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315820778584479e+09,1.79646315823249101643e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8321.091965548827, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(405,2,'pct','dekker','pso','x86','',200,0.024,'clean',68,'migrate=2 vcpus=2 requesters=2',1,1,1.7964631582327446938e+09,1.79646315825718450543e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8410.64043596566, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(406,2,'pct','dekker','pso','arm64','',200,0.024,'clean',69,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315825740551948e+09,1.79646315828180503848e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8492.02053636688, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(407,2,'pct','dekker','wmm','x86','',200,0.024,'clean',70,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315828203535077e+09,1.79646315830640554422e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8395.400883134667, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(408,2,'pct','dekker','wmm','arm64','',200,0.023,'clean',71,'migrate=2 vcpus=2 requesters=2',1,1,1.79646315830657505988e+09,1.79646315833008718486e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8723.106062438366, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(409,2,'pct','dekker','sc','x86','',200,0.023,'clean',72,'dead=1',1,1,1.79646315833026361469e+09,1.79646315835357499117e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8804.868139754895, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(410,2,'pct','dekker','sc','arm64','',200,0.023,'clean',73,'dead=1',1,1,1.79646315835375404356e+09,1.79646315837703728678e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8783.932992299971, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(411,2,'pct','dekker','tso','x86','',200,0.023,'clean',74,'dead=1',1,1,1.79646315837720894816e+09,1.79646315840059876437e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8736.82655656715, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(412,2,'pct','dekker','tso','arm64','',200,0.023,'clean',75,'dead=1',1,1,1.79646315840077543252e+09,1.79646315842417550086e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8734.646292094905, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(413,2,'pct','dekker','pso','x86','',200,0.023,'clean',76,'dead=1',1,1,1.79646315842436718945e+09,1.79646315844787287708e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8700.690251511807, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(414,2,'pct','dekker','pso','arm64','',200,0.023,'clean',77,'dead=1',1,1,1.79646315844805097581e+09,1.79646315847145915034e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8727.967282749603, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(415,2,'pct','dekker','wmm','x86','',200,0.023,'clean',78,'dead=1',1,1,1.79646315847164058689e+09,1.79646315849506640438e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8727.072291430943, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(416,2,'pct','dekker','wmm','arm64','',200,0.024,'clean',79,'dead=1',1,1,1796463158.49524,1.79646315851885676382e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8733.133262741832, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(417,2,'pct','dekker','sc','x86','wait-in-guest-predicate',200,0.025,'clean',80,'dead=1',1,1,1.79646315851913738253e+09,1.79646315854425358765e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8150.505606727849, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(418,2,'pct','dekker','sc','arm64','wait-in-guest-predicate',200,0.024,'clean',81,'dead=1',1,1,1.79646315854442882534e+09,1.79646315856868743899e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8458.61171630998, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(419,2,'pct','dekker','tso','x86','wait-in-guest-predicate',200,0.03,'violations',82,'dead=1',1,1,1.79646315856887054448e+09,1.79646315859858727451e+09,NULL,1,1,0.01,86,'Sometimes',NULL,'{"last_seed": 1, "rate": 8715.051498959245, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(420,2,'pct','dekker','tso','arm64','wait-in-guest-predicate',200,0.024,'clean',83,'dead=1',1,1,1.79646315859893560408e+09,1.79646315862315154076e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8462.124756695168, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(421,2,'pct','dekker','pso','x86','wait-in-guest-predicate',200,0.024,'clean',84,'dead=1',1,1,1.79646315862331819529e+09,1.79646315864785480502e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8312.842176902057, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(422,2,'pct','dekker','pso','arm64','wait-in-guest-predicate',200,0.023,'clean',85,'dead=1',1,1,1.79646315864802169799e+09,1.79646315867126512523e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8794.056133077114, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(423,2,'pct','dekker','wmm','x86','wait-in-guest-predicate',200,0.024,'clean',86,'dead=1',1,1,1.79646315867143774032e+09,1.79646315869516682629e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8636.40195113201, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(424,2,'pct','dekker','wmm','arm64','wait-in-guest-predicate',200,0.023,'clean',87,'dead=1',1,1,1.79646315869536161427e+09,1.79646315871884703629e+09,NULL,0,0,NULL,NULL,'Sometimes',NULL,'{"last_seed": 1, "rate": 8717.35763603321, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(425,2,'pct','dekker','sc','x86','check-before-in-guest-mode',200,0.029,'violations',88,'dead=1',1,1,1.79646315871903586389e+09,1.79646315874827313427e+09,NULL,5,1,0.005,40,'Sometimes',NULL,'{"last_seed": 1, "rate": 8573.090526656846, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(426,2,'pct','dekker','sc','arm64','check-before-in-guest-mode',200,0.03,'violations',89,'dead=1',1,1,1.79646315874847865108e+09,1.79646315877861881262e+09,NULL,8,1,0.002,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 7870.170829113504, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(427,2,'pct','dekker','tso','x86','check-before-in-guest-mode',200,0.03,'violations',90,'dead=1',1,1,1.79646315877881669999e+09,1.79646315880909943586e+09,NULL,7,1,0.002,15,'Sometimes',NULL,'{"last_seed": 1, "rate": 8806.6007933721, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(428,2,'pct','dekker','tso','arm64','check-before-in-guest-mode',200,0.031,'violations',91,'dead=1',1,1,1.79646315880966281897e+09,1.79646315884028959274e+09,NULL,6,1,0.002,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 7861.196426123263, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(429,2,'pct','dekker','pso','x86','check-before-in-guest-mode',200,0.032,'violations',92,'dead=1',1,1,1.79646315884059190742e+09,1.79646315887309217457e+09,NULL,4,1,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 7929.90566109319, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(430,2,'pct','dekker','pso','arm64','check-before-in-guest-mode',200,0.031,'violations',93,'dead=1',1,1,1.79646315887330079077e+09,1.79646315890441417694e+09,NULL,6,1,0.003,20,'Sometimes',NULL,'{"last_seed": 1, "rate": 8064.349312381792, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(431,2,'pct','dekker','wmm','x86','check-before-in-guest-mode',200,0.036,'violations',94,'dead=1',1,1,1.79646315890466761583e+09,1.79646315894029092786e+09,NULL,24,2,0.001,7,'Sometimes',NULL,'{"last_seed": 1, "rate": 7916.683868448759, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(432,2,'pct','dekker','wmm','arm64','check-before-in-guest-mode',200,0.038,'violations',95,'dead=1',1,1,1.79646315894051551817e+09,1.79646315897878646851e+09,NULL,34,2,0.0,2,'Sometimes',NULL,'{"last_seed": 1, "rate": 7843.119724467622, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(433,2,'pct','dekker','sc','x86','check-before-in-guest-mode',200,0.028,'violations',96,'',1,1,1.79646315897905635827e+09,1.79646315900721883769e+09,NULL,2,1,0.011,89,'Sometimes',NULL,'{"last_seed": 1, "rate": 8582.652597490396, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(434,2,'pct','dekker','sc','arm64','check-before-in-guest-mode',200,0.029,'violations',97,'',1,1,1.79646315900742959978e+09,1.79646315903669452664e+09,NULL,8,1,0.003,25,'Sometimes',NULL,'{"last_seed": 1, "rate": 8787.316104661724, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(435,2,'pct','dekker','tso','x86','check-before-in-guest-mode',200,0.034,'violations',98,'',1,1,1.79646315903690505025e+09,1.79646315907114243514e+09,NULL,9,1,0.001,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 8827.681276549212, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(436,2,'pct','dekker','tso','arm64','check-before-in-guest-mode',200,0.03,'violations',99,'',1,1,1.79646315907137084011e+09,1.79646315910158300404e+09,NULL,9,1,0.001,9,'Sometimes',NULL,'{"last_seed": 1, "rate": 8609.091132656558, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(437,2,'pct','dekker','pso','x86','check-before-in-guest-mode',200,0.031,'violations',100,'',1,1,1796463159.10188,1.79646315913312745096e+09,NULL,12,1,0.001,5,'Sometimes',NULL,'{"last_seed": 1, "rate": 8768.39900618704, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(438,2,'pct','dekker','pso','arm64','check-before-in-guest-mode',200,0.029,'violations',101,'',1,1,1.79646315913334107391e+09,1.79646315916210341451e+09,NULL,12,1,0.003,21,'Sometimes',NULL,'{"last_seed": 1, "rate": 8784.116631101877, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(439,2,'pct','dekker','wmm','x86','check-before-in-guest-mode',200,0.028,'violations',102,'',1,1,1.79646315916230750082e+09,1.79646315919075202937e+09,NULL,26,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 8824.400173106977, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(440,2,'pct','dekker','wmm','arm64','check-before-in-guest-mode',200,0.027,'violations',103,'',1,1,1.79646315919095778462e+09,1.7964631592180669308e+09,NULL,32,1,0.0,3,'Sometimes',NULL,'{"last_seed": 1, "rate": 8888.049858296268, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(441,2,'pct','dekker','sc','x86','kick-without-request',200,0.027,'violations',104,'',1,1,1.79646315921827840799e+09,1.79646315924576449388e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8701.085813309868, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(442,2,'pct','dekker','sc','arm64','kick-without-request',200,0.028,'violations',105,'',1,1,1.79646315924597239498e+09,1.79646315927443122866e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8836.056731108845, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(443,2,'pct','dekker','tso','x86','kick-without-request',200,0.028,'violations',106,'',1,1,1.79646315927464079857e+09,1.79646315930217742922e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8834.949756042723, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(444,2,'pct','dekker','tso','arm64','kick-without-request',200,0.028,'violations',107,'',1,1,1.79646315930259013174e+09,1796463159.33076,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8641.972749429053, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(445,2,'pct','dekker','pso','x86','kick-without-request',200,0.027,'violations',108,'',1,1,1.79646315933097600937e+09,1.79646315935850810997e+09,NULL,200,1,0.001,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8785.698711262618, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(446,2,'pct','dekker','pso','arm64','kick-without-request',200,0.027,'violations',109,'',1,1,1.79646315935870599751e+09,1.7964631593857653141e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8820.411913966258, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(447,2,'pct','dekker','wmm','x86','kick-without-request',200,0.028,'violations',110,'',1,1,1.79646315938597345347e+09,1.79646315941428709028e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8821.028132346046, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(448,2,'pct','dekker','wmm','arm64','kick-without-request',200,0.028,'violations',111,'',1,1,1.79646315941449284548e+09,1.79646315944276714323e+09,NULL,200,1,0.0,1,'Sometimes',NULL,'{"last_seed": 1, "rate": 8858.18798455508, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(449,2,'pct','dekker','sc','x86','',200,0.023,'clean',112,'vcpus=2 requesters=2',1,1,1.79646315944300723078e+09,1.79646315946612334249e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8861.23121261103, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(450,2,'pct','dekker','sc','arm64','',200,0.024,'clean',113,'vcpus=2 requesters=2',1,1,1.79646315946642637253e+09,1.79646315948996472362e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8750.777505927763, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(451,2,'pct','dekker','tso','x86','',200,0.024,'clean',114,'vcpus=2 requesters=2',1,1,1.79646315949015593534e+09,1.79646315951453590395e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8507.83397025872, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(452,2,'pct','dekker','tso','arm64','',200,0.028,'clean',115,'vcpus=2 requesters=2',1,1,1.79646315951481628419e+09,1.79646315954254674916e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 7370.7208743439205, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(453,2,'pct','dekker','pso','x86','',200,0.024,'clean',116,'vcpus=2 requesters=2',1,1,1.79646315954272937781e+09,1.79646315956658554082e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8589.666151511412, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(454,2,'pct','dekker','pso','arm64','',200,0.024,'clean',117,'vcpus=2 requesters=2',1,1,1.79646315956676793095e+09,1.79646315959054875374e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8647.831918578095, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(455,2,'pct','dekker','wmm','x86','',200,0.024,'clean',118,'vcpus=2 requesters=2',1,1,1.79646315959074187283e+09,1.7964631596143612862e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8661.256067780234, "schedules": 200, "slices": 1}');
INSERT INTO "runs" VALUES(456,2,'pct','dekker','wmm','arm64','',200,0.024,'clean',119,'vcpus=2 requesters=2',1,1,1.79646315961464357376e+09,1.7964631596382563114e+09,NULL,0,0,NULL,NULL,'Never',NULL,'{"last_seed": 1, "rate": 8712.776567934357, "schedules": 200, "slices": 1}');
CREATE TABLE samples(
        run_id INTEGER NOT NULL REFERENCES runs(id),
        t REAL NOT NULL,
        executions INTEGER NOT NULL,
        violations INTEGER NOT NULL
    , coverage INTEGER);
INSERT INTO "samples" VALUES(1,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(1,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(2,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(2,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(3,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(3,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(4,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(4,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(5,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(5,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(6,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(6,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(7,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(7,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(8,0.024,297,0,NULL);
INSERT INTO "samples" VALUES(8,0.025,297,0,NULL);
INSERT INTO "samples" VALUES(9,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(9,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(10,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(10,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(11,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(11,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(12,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(12,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(13,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(13,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(14,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(14,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(15,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(15,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(16,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(16,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(17,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(17,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(18,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(18,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(19,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(19,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(20,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(20,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(21,0.041,300,1,NULL);
INSERT INTO "samples" VALUES(21,0.041,300,1,NULL);
INSERT INTO "samples" VALUES(22,0.027,154,1,NULL);
INSERT INTO "samples" VALUES(22,0.027,154,1,NULL);
INSERT INTO "samples" VALUES(23,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(23,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(24,0.029,154,1,NULL);
INSERT INTO "samples" VALUES(24,0.029,154,1,NULL);
INSERT INTO "samples" VALUES(25,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(25,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(26,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(26,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(27,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(27,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(28,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(28,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(29,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(29,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(30,0.024,150,0,NULL);
INSERT INTO "samples" VALUES(30,0.024,150,0,NULL);
INSERT INTO "samples" VALUES(31,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(31,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(32,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(32,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(33,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(33,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(34,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(34,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(35,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(35,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(36,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(36,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(37,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(37,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(38,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(38,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(39,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(39,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(40,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(40,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(41,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(41,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(42,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(42,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(43,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(43,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(44,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(44,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(45,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(45,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(46,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(46,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(47,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(47,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(48,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(48,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(49,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(49,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(50,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(50,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(51,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(51,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(52,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(52,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(53,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(53,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(54,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(54,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(55,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(55,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(56,0.024,297,0,NULL);
INSERT INTO "samples" VALUES(56,0.024,297,0,NULL);
INSERT INTO "samples" VALUES(57,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(57,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(58,0.051,299,1,NULL);
INSERT INTO "samples" VALUES(58,0.051,299,1,NULL);
INSERT INTO "samples" VALUES(59,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(59,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(60,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(60,0.023,299,0,NULL);
INSERT INTO "samples" VALUES(61,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(61,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(62,0.048,300,1,NULL);
INSERT INTO "samples" VALUES(62,0.048,300,1,NULL);
INSERT INTO "samples" VALUES(63,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(63,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(64,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(64,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(65,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(65,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(66,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(66,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(67,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(67,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(68,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(68,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(69,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(69,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(70,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(70,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(71,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(71,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(72,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(72,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(73,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(73,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(74,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(74,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(75,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(75,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(76,0.024,299,0,NULL);
INSERT INTO "samples" VALUES(76,0.024,299,0,NULL);
INSERT INTO "samples" VALUES(77,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(77,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(78,0.046,300,0,NULL);
INSERT INTO "samples" VALUES(78,0.047,300,0,NULL);
INSERT INTO "samples" VALUES(79,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(79,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(80,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(80,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(81,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(81,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(82,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(82,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(83,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(83,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(84,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(84,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(85,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(85,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(86,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(86,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(87,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(87,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(88,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(88,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(89,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(89,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(90,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(90,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(91,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(91,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(92,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(92,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(93,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(93,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(94,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(94,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(95,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(95,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(96,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(96,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(97,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(97,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(98,0.047,300,0,NULL);
INSERT INTO "samples" VALUES(98,0.051,300,0,NULL);
INSERT INTO "samples" VALUES(99,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(99,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(100,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(100,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(101,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(101,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(102,0.064,222,0,NULL);
INSERT INTO "samples" VALUES(102,0.065,222,0,NULL);
INSERT INTO "samples" VALUES(103,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(103,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(104,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(104,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(105,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(105,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(106,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(106,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(107,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(107,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(108,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(108,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(109,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(109,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(110,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(110,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(111,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(111,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(112,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(112,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(113,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(113,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(114,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(114,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(115,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(115,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(116,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(116,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(117,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(117,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(118,0.044,299,0,NULL);
INSERT INTO "samples" VALUES(118,0.044,299,0,NULL);
INSERT INTO "samples" VALUES(119,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(119,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(120,0.044,296,0,NULL);
INSERT INTO "samples" VALUES(120,0.045,296,0,NULL);
INSERT INTO "samples" VALUES(121,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(121,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(122,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(122,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(123,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(123,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(124,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(124,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(125,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(125,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(126,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(126,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(127,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(127,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(128,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(128,0.046,300,0,NULL);
INSERT INTO "samples" VALUES(129,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(129,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(130,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(130,0.065,300,0,NULL);
INSERT INTO "samples" VALUES(131,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(131,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(132,0.085,300,0,NULL);
INSERT INTO "samples" VALUES(132,0.085,300,0,NULL);
INSERT INTO "samples" VALUES(133,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(133,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(134,0.086,222,0,NULL);
INSERT INTO "samples" VALUES(134,0.086,222,0,NULL);
INSERT INTO "samples" VALUES(135,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(135,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(136,0.064,272,0,NULL);
INSERT INTO "samples" VALUES(136,0.065,272,0,NULL);
INSERT INTO "samples" VALUES(137,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(137,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(138,0.085,231,0,NULL);
INSERT INTO "samples" VALUES(138,0.086,231,0,NULL);
INSERT INTO "samples" VALUES(139,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(139,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(140,0.066,262,0,NULL);
INSERT INTO "samples" VALUES(140,0.066,262,0,NULL);
INSERT INTO "samples" VALUES(141,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(141,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(142,0.084,297,0,NULL);
INSERT INTO "samples" VALUES(142,0.084,297,0,NULL);
INSERT INTO "samples" VALUES(143,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(143,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(144,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(144,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(145,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(145,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(146,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(146,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(147,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(147,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(148,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(148,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(149,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(149,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(150,0.023,293,0,NULL);
INSERT INTO "samples" VALUES(150,0.023,293,0,NULL);
INSERT INTO "samples" VALUES(151,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(151,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(152,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(152,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(153,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(153,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(154,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(154,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(155,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(155,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(156,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(156,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(157,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(157,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(158,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(158,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(159,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(159,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(160,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(160,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(161,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(161,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(162,0.044,300,1,NULL);
INSERT INTO "samples" VALUES(162,0.044,300,1,NULL);
INSERT INTO "samples" VALUES(163,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(163,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(164,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(164,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(165,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(165,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(166,0.023,293,0,NULL);
INSERT INTO "samples" VALUES(166,0.023,293,0,NULL);
INSERT INTO "samples" VALUES(167,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(167,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(168,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(168,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(169,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(169,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(170,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(170,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(171,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(171,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(172,0.049,300,1,NULL);
INSERT INTO "samples" VALUES(172,0.049,300,1,NULL);
INSERT INTO "samples" VALUES(173,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(173,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(174,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(174,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(175,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(175,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(176,0.049,300,1,NULL);
INSERT INTO "samples" VALUES(176,0.049,300,1,NULL);
INSERT INTO "samples" VALUES(177,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(177,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(178,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(178,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(179,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(179,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(180,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(180,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(181,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(181,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(182,0.032,298,2,NULL);
INSERT INTO "samples" VALUES(182,0.032,298,2,NULL);
INSERT INTO "samples" VALUES(183,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(183,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(184,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(184,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(185,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(185,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(186,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(186,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(187,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(187,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(188,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(188,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(189,0.034,300,2,NULL);
INSERT INTO "samples" VALUES(189,0.034,300,2,NULL);
INSERT INTO "samples" VALUES(190,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(190,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(191,0.032,300,2,NULL);
INSERT INTO "samples" VALUES(191,0.032,300,2,NULL);
INSERT INTO "samples" VALUES(192,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(192,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(193,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(193,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(194,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(194,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(195,0.032,300,1,NULL);
INSERT INTO "samples" VALUES(195,0.032,300,1,NULL);
INSERT INTO "samples" VALUES(196,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(196,0.05,300,0,NULL);
INSERT INTO "samples" VALUES(197,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(197,0.031,300,1,NULL);
INSERT INTO "samples" VALUES(198,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(198,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(199,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(199,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(200,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(200,0.023,297,0,NULL);
INSERT INTO "samples" VALUES(201,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(201,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(202,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(202,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(203,0.033,300,1,NULL);
INSERT INTO "samples" VALUES(203,0.033,300,1,NULL);
INSERT INTO "samples" VALUES(204,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(204,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(205,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(205,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(206,0.046,300,0,NULL);
INSERT INTO "samples" VALUES(206,0.046,300,0,NULL);
INSERT INTO "samples" VALUES(207,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(207,0.03,300,1,NULL);
INSERT INTO "samples" VALUES(208,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(208,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(209,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(209,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(210,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(210,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(211,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(211,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(212,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(212,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(213,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(213,0.027,300,1,NULL);
INSERT INTO "samples" VALUES(214,0.028,299,1,NULL);
INSERT INTO "samples" VALUES(214,0.028,299,1,NULL);
INSERT INTO "samples" VALUES(215,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(215,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(216,0.028,294,1,NULL);
INSERT INTO "samples" VALUES(216,0.028,294,1,NULL);
INSERT INTO "samples" VALUES(217,0.031,300,1,NULL);
INSERT INTO "samples" VALUES(217,0.031,300,1,NULL);
INSERT INTO "samples" VALUES(218,0.034,300,1,NULL);
INSERT INTO "samples" VALUES(218,0.035,300,1,NULL);
INSERT INTO "samples" VALUES(219,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(219,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(220,0.051,294,1,NULL);
INSERT INTO "samples" VALUES(220,0.051,294,1,NULL);
INSERT INTO "samples" VALUES(221,0.01,300,1,NULL);
INSERT INTO "samples" VALUES(221,0.01,300,1,NULL);
INSERT INTO "samples" VALUES(222,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(222,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(223,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(223,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(224,0.028,295,1,NULL);
INSERT INTO "samples" VALUES(224,0.028,295,1,NULL);
INSERT INTO "samples" VALUES(225,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(225,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(226,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(226,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(227,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(227,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(228,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(228,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(229,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(229,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(230,0.044,222,0,NULL);
INSERT INTO "samples" VALUES(230,0.044,222,0,NULL);
INSERT INTO "samples" VALUES(231,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(231,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(232,0.043,298,0,NULL);
INSERT INTO "samples" VALUES(232,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(233,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(233,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(234,0.065,300,0,NULL);
INSERT INTO "samples" VALUES(234,0.066,300,0,NULL);
INSERT INTO "samples" VALUES(235,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(235,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(236,0.043,298,0,NULL);
INSERT INTO "samples" VALUES(236,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(237,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(237,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(238,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(238,0.064,300,0,NULL);
INSERT INTO "samples" VALUES(239,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(239,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(240,0.043,298,0,NULL);
INSERT INTO "samples" VALUES(240,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(241,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(241,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(242,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(242,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(243,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(243,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(244,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(244,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(245,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(245,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(246,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(246,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(247,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(247,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(248,0.043,298,0,NULL);
INSERT INTO "samples" VALUES(248,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(249,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(249,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(250,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(250,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(251,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(251,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(252,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(252,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(253,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(253,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(254,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(254,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(255,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(255,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(256,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(256,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(257,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(257,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(258,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(258,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(259,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(259,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(260,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(260,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(261,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(261,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(262,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(262,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(263,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(263,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(264,0.043,298,0,NULL);
INSERT INTO "samples" VALUES(264,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(265,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(265,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(266,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(266,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(267,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(267,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(268,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(268,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(269,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(269,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(270,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(270,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(271,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(271,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(272,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(272,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(273,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(273,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(274,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(274,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(275,0.053,300,0,NULL);
INSERT INTO "samples" VALUES(275,0.053,300,0,NULL);
INSERT INTO "samples" VALUES(276,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(276,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(277,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(277,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(278,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(278,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(279,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(279,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(280,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(280,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(281,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(281,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(282,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(282,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(283,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(283,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(284,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(284,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(285,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(285,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(286,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(286,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(287,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(287,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(288,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(288,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(289,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(289,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(290,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(290,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(291,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(291,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(292,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(292,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(293,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(293,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(294,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(294,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(295,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(295,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(296,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(296,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(297,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(297,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(298,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(298,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(299,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(299,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(300,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(300,0.025,300,0,NULL);
INSERT INTO "samples" VALUES(301,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(301,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(302,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(302,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(303,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(303,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(304,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(304,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(305,0.041,300,1,NULL);
INSERT INTO "samples" VALUES(305,0.041,300,1,NULL);
INSERT INTO "samples" VALUES(306,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(306,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(307,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(307,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(308,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(308,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(309,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(309,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(310,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(310,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(311,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(311,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(312,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(312,0.045,300,0,NULL);
INSERT INTO "samples" VALUES(313,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(313,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(314,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(314,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(315,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(315,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(316,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(316,0.044,298,0,NULL);
INSERT INTO "samples" VALUES(317,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(317,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(318,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(318,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(319,0.026,300,0,NULL);
INSERT INTO "samples" VALUES(319,0.027,300,0,NULL);
INSERT INTO "samples" VALUES(320,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(320,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(321,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(321,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(322,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(322,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(323,0.023,300,0,NULL);
INSERT INTO "samples" VALUES(323,0.024,300,0,NULL);
INSERT INTO "samples" VALUES(324,0.043,300,0,NULL);
INSERT INTO "samples" VALUES(324,0.044,300,0,NULL);
INSERT INTO "samples" VALUES(325,0.046,300,1,NULL);
INSERT INTO "samples" VALUES(325,0.046,300,1,NULL);
INSERT INTO "samples" VALUES(326,0.047,288,1,NULL);
INSERT INTO "samples" VALUES(326,0.048,288,1,NULL);
INSERT INTO "samples" VALUES(327,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(327,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(328,0.028,286,1,NULL);
INSERT INTO "samples" VALUES(328,0.028,286,1,NULL);
INSERT INTO "samples" VALUES(329,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(329,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(330,0.043,150,0,NULL);
INSERT INTO "samples" VALUES(330,0.043,150,0,NULL);
INSERT INTO "samples" VALUES(331,0.028,300,1,NULL);
INSERT INTO "samples" VALUES(331,0.029,300,1,NULL);
INSERT INTO "samples" VALUES(332,0.043,150,0,NULL);
INSERT INTO "samples" VALUES(332,0.044,150,0,NULL);
INSERT INTO "samples" VALUES(333,0.034,300,1,NULL);
INSERT INTO "samples" VALUES(333,0.034,300,1,NULL);
INSERT INTO "samples" VALUES(334,0.044,150,0,NULL);
INSERT INTO "samples" VALUES(334,0.044,150,0,NULL);
INSERT INTO "samples" VALUES(335,0.032,300,1,NULL);
INSERT INTO "samples" VALUES(335,0.032,300,1,NULL);
INSERT INTO "samples" VALUES(336,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(336,0.023,150,0,NULL);
INSERT INTO "samples" VALUES(337,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(337,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(338,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(338,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(339,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(339,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(340,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(340,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(341,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(341,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(342,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(342,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(343,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(343,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(344,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(344,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(345,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(345,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(346,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(346,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(347,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(347,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(348,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(348,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(349,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(349,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(350,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(350,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(351,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(351,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(352,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(352,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(353,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(353,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(354,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(354,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(355,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(355,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(356,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(356,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(357,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(357,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(358,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(358,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(359,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(359,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(360,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(360,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(361,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(361,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(362,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(362,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(363,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(363,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(364,0.005,200,0,NULL);
INSERT INTO "samples" VALUES(364,0.006,200,0,NULL);
INSERT INTO "samples" VALUES(365,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(365,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(366,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(366,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(367,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(367,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(368,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(368,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(369,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(369,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(370,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(370,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(371,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(371,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(372,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(372,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(373,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(373,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(374,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(374,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(375,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(375,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(376,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(376,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(377,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(377,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(378,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(378,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(379,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(379,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(380,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(380,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(381,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(381,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(382,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(382,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(383,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(383,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(384,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(384,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(385,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(385,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(386,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(386,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(387,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(387,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(388,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(388,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(389,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(389,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(390,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(390,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(391,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(391,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(392,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(392,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(393,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(393,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(394,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(394,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(395,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(395,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(396,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(396,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(397,0.026,200,0,NULL);
INSERT INTO "samples" VALUES(397,0.026,200,0,NULL);
INSERT INTO "samples" VALUES(398,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(398,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(399,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(399,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(400,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(400,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(401,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(401,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(402,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(402,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(403,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(403,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(404,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(404,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(405,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(405,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(406,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(406,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(407,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(407,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(408,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(408,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(409,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(409,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(410,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(410,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(411,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(411,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(412,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(412,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(413,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(413,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(414,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(414,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(415,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(415,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(416,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(416,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(417,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(417,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(418,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(418,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(419,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(419,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(420,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(420,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(421,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(421,0.025,200,0,NULL);
INSERT INTO "samples" VALUES(422,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(422,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(423,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(423,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(424,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(424,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(425,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(425,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(426,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(426,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(427,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(427,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(428,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(428,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(429,0.032,200,1,NULL);
INSERT INTO "samples" VALUES(429,0.032,200,1,NULL);
INSERT INTO "samples" VALUES(430,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(430,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(431,0.035,200,2,NULL);
INSERT INTO "samples" VALUES(431,0.036,200,2,NULL);
INSERT INTO "samples" VALUES(432,0.038,200,2,NULL);
INSERT INTO "samples" VALUES(432,0.038,200,2,NULL);
INSERT INTO "samples" VALUES(433,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(433,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(434,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(434,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(435,0.034,200,1,NULL);
INSERT INTO "samples" VALUES(435,0.034,200,1,NULL);
INSERT INTO "samples" VALUES(436,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(436,0.03,200,1,NULL);
INSERT INTO "samples" VALUES(437,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(437,0.031,200,1,NULL);
INSERT INTO "samples" VALUES(438,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(438,0.029,200,1,NULL);
INSERT INTO "samples" VALUES(439,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(439,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(440,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(440,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(441,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(441,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(442,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(442,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(443,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(443,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(444,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(444,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(445,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(445,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(446,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(446,0.027,200,1,NULL);
INSERT INTO "samples" VALUES(447,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(447,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(448,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(448,0.028,200,1,NULL);
INSERT INTO "samples" VALUES(449,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(449,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(450,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(450,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(451,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(451,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(452,0.027,200,0,NULL);
INSERT INTO "samples" VALUES(452,0.028,200,0,NULL);
INSERT INTO "samples" VALUES(453,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(453,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(454,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(454,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(455,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(455,0.024,200,0,NULL);
INSERT INTO "samples" VALUES(456,0.023,200,0,NULL);
INSERT INTO "samples" VALUES(456,0.024,200,0,NULL);
CREATE TABLE violations(
        id INTEGER PRIMARY KEY,
        signature TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        scenario TEXT NOT NULL,
        model TEXT,
        arch TEXT,
        bugs TEXT,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        min_schedule TEXT,
        schedule_len INTEGER,
        trace_summary TEXT
    , params TEXT NOT NULL DEFAULT '', message TEXT, sites TEXT NOT NULL DEFAULT '[]', step INTEGER, engine TEXT, origin TEXT, first_campaign_id INTEGER, first_run_id INTEGER, schedule TEXT, orig_len INTEGER, steps INTEGER, trace_hash TEXT, decisive TEXT NOT NULL DEFAULT '[]', trace_jsonl BLOB, trace_perfetto BLOB, trace_note TEXT);
INSERT INTO "violations" VALUES(1,'4c54655982202a32','missed-request','dekker','tso','x86','no-mb-after-in-guest-mode',1.79646314439839887623e+09,1.79646315944236302378e+09,83,'reqsim-schedule 1
scenario dekker
param vcpus=1
param requesters=1
param rounds=1
param entries=2
param mask=0
param waitkick=0
param dead=0
param migrate=0
model tso
arch x86
bugs no-mb-after-in-guest-mode
build f13db3976dfb7867
origin minimized from /tmp/h18/fixwork/c00001/cell-00020/slice-00000/dekker-tso-missed-request-4c546559.sched (7 forced choices)
result missed-request steps=14 hash=71c3b77b6f2fea7a sig=4c54655982202a32
decisions 13
t0 t0 t0 t0 t0 t0 t1 t1 t1 t1 t1 t1 d0
',13,'req0 wrote vcpu0->requests (set_bit(req & KVM_REQUEST_MASK)) at step 7, after vcpu0''s final read of it (READ_ONCE(vcpu->requests) -> 0) at step 5; req0 read vcpu0->mode as OUTSIDE_GUEST_MODE (cmpxchg(&vcpu->mode)) at step 11, missing vcpu0''s store of IN_GUEST_MODE (step 3, visible only at step 12), and no IPI followed; then vcpu0 did guest_run(): enters guest at step 13: missed-request.','','vcpu0 runs in guest mode with a request pending (requests=0x1000000 irr=0), its kick is done and no IPI is on its way','["kvm_main.c:339 kvm_guest_run guest_run()"]',14,'pct','explore strategy=pct seed=1 run=21',1,21,'reqsim-schedule 1
scenario dekker
param vcpus=1
param requesters=1
param rounds=1
param entries=2
param mask=0
param waitkick=0
param dead=0
param migrate=0
model tso
arch x86
bugs no-mb-after-in-guest-mode
build f13db3976dfb7867
origin explore strategy=pct seed=1 run=21
result missed-request steps=14 hash=71c3b77b6f2fea7a sig=4c54655982202a32
decisions 13
t0 t0 t0 t0 t0 t0 t1 t1 t1 t1 t1 t1 d0
',13,14,'71c3b77b6f2fea7a','{"key": [3, 5, 7, 11, 12, 13], "named": [0, 1, 3, 4, 5, 7, 9, 11, 12], "victim": "vcpu0"}',X'789CED97C96EDB301086EF790A41874001E2C08CBC033510B43E0569D1A4ED95D0423984B53814651908D267CFD0B47645B662A5EDA1376386E4CC7CFA391C3FAB21276B75D6BF5439F5C8EEC78AFAB63A930E61B6A5FB911143D837D63AEA8323806DAA1B80ED5275A80B7BD5D5C6C39E41FD2B0B6C2EF5C1361C8037F2ADBD9791A788841CAF896F537F2996192671C17BBFB8F982BF7DFDBCD04480DE7CBF32BC106B022B099C39C0BE31DC48E66C468E431881FC1CC30D09C40C586C303B67095C9B301CF28091D4C6C99637C5567A73A5AFBE9C3DEF31A10413EA1AD3B480890B46FB2C728C766693720D5CCAB972FBEB0EDF2FBEFF5C3CFCC077370FB77F02D5A114CAC4AE1362D7ED8851F69401DB4E4639565394B2125B30F13964BB2CB10210868BE1186CD3D0305DA25D7488A1EEF4AC683D295A6F57B40CF556D9C363CA0EBDB5CC18E4E3122324DAB9D4B417D8A4221061CCA8A03C15CEA2B6509A632BB9989F90A225A1F2E00609B8C129F7ABC80DF5C7C7802BF780B6BCAA2A92045BB41D89092E10D071E20298610266F8BF3F37F4E7518269548B09E530C119292587F81669C434B84E31612CFD2B52D3A1C515883DB3D35E939D99153A4E0A1DB72A9479717399FA916592BFFD0E1DC84029459E297056412A9384E0A463A9203D83C8AC283628C7B1C018AD4B42F9009D9464324D8A9CB62AF260D740FAF0881AC183215B226A026A5ADC9B73235C55E421B65F094F8730DE8A5D99E8D2C917D58FBE2708018D0BBD553E3E5BCAA1B1CAE707EFDF93A228303689235E5183071EB53E4023D5083920D98C5B3FE4BEB7B720346989C3F2D65BEB71D9628239994F5DC8FCE052ED23289D705136E2DA0C6A6F7A9CFF8509EF3D7C7E97A6B80D0D294CBF8AB65B5DD0513A04A39653B0D4028BFC4639E97AF12F537E57822AB5757A8772A7CE94DD370A15F9915ECE5E01CDE1F5AE',NULL,NULL);
INSERT INTO "violations" VALUES(2,'b60a2bfe4bf7bc2d','wait-not-honoured','dekker','sc','x86','wait-in-guest-predicate',1.79646314903784251213e+09,1.79646315897838878628e+09,16,'reqsim-schedule 1
scenario dekker
param vcpus=1
param requesters=1
param rounds=1
param entries=2
param mask=0
param waitkick=0
param dead=1
param migrate=0
model sc
arch x86
bugs wait-in-guest-predicate
build f13db3976dfb7867
origin minimized from /tmp/h18/fixwork/c00001/cell-00161/dfs-0/dekker-sc-wait-not-honoured-b60a2bfe.sched (0 forced choices)
result wait-not-honoured steps=26 hash=f0dc40d868417941 sig=b60a2bfe4bf7bc2d
decisions 26
t0 t0 t0 t0 t0 t0 t0 t0 t1 t1 t1 t1 t1 t1 t1 t1
e0 t2 t2 t2 t2 t2 t2 t2 t2 t2
',26,'killer wrote vcpu0->requests (set_bit(req & KVM_REQUEST_MASK)) at step 23, after vcpu0''s final read of it (READ_ONCE(vcpu->requests) -> 0) at step 6; wait-not-honoured at step 25 (vcpu0''s last step: guest_run(): enters guest at step 7).','dead=1','KVM_REQ_VM_DEAD returned while vcpu0 still runs the guest','[]',25,'dfs','explore strategy=dfs jobs=1 job=0 run=0',1,162,'reqsim-schedule 1
scenario dekker
param vcpus=1
param requesters=1
param rounds=1
param entries=2
param mask=0
param waitkick=0
param dead=1
param migrate=0
model sc
arch x86
bugs wait-in-guest-predicate
build f13db3976dfb7867
origin explore strategy=dfs jobs=1 job=0 run=0
result wait-not-honoured steps=25 hash=7390abbc67a29329 sig=b60a2bfe4bf7bc2d
decisions 25
t0 t0 t0 t0 t0 t0 t0 t0 t1 t1 t1 t1 t1 t1 t1 t1
t2 t2 t2 t2 t2 t2 t2 t2 t2
',25,26,'f0dc40d868417941','{"key": [6, 7, 23], "named": [0, 1, 3, 5, 6, 9, 11, 13, 19, 21, 23], "victim": "vcpu0"}',X'789CED985B4FDB3014C7DFF729A23CA02201AADD4BDA4A43435B9F109B06DB5EAD5C5CB0722571DA4A68DF1DBB491C37757A0D05042F08D9898FFFBF1C9FF3779FF484E2481FB5CF744A7CBCF8C72581A38FB2093EEC64D30F3136F9F8D48ED2369B08D96BBA17B2B1337D423CF6AEEE4E7DE49B24B8B0D998470236D6EBB2D934B0F3D9183FA638A128C28143827BFE9869618FCDDE8EAF7EA05F3FBF8F5B3CC0F965FE6472CA9F09ED227039C1C6A7A697667BB6D2C904C798ED6F627A096631C37866C68E34127A0E8E5142C3188B318AE7745D6CEDFC526BEBFFBF3CE598408109348D69B884897246F92E24468B618BD0169BD24EB4EB7F37E876FCFBEFF8EE0FBAB9BABB3E06AA4D5BA812830531B81B31123F96C0E683BEC46A08042BFE0AC20165BBBDAFB062204C0FB165904312D3F270EBB4410CAAD54BD19D42746737D159A83AD9BD6D64277E94ED98A58F87CD04B74EB29CF64307AF24081F2CA98043A9AC0FAE4941BF020957B7C0D5DD0DD70407762D2ED06E6FCBCBB71032277C3689ED14F150280D1828B7D19CD918AA24D22B88F40EA9335520C63640AAB5F01879A38CC92B899C25FD8249FFB345AD69514681C9D80DD3220F509C066B59753ACB8D4A7EABC024C61A3D3DD2AA236D91BA8996E56EA97D50681F28B503493BE357574714B2BB50A846289B77B1A241F3233EF3ADC6CB46B666297458081DEE2434F667EB6576B694895FDB866CD88156893CD2D85ACB4E4E385EA0B6BCFB270BE8941859919F9984A2190799462B8DE7051ACC52A280D2B1AA2D6B9DCC8D5513747A5BA8E44D8EED1773558C5B6B767E49CDC45D4911FEFA059F6910475DEC15532F3C2A509BD4035201184BE532EBBB73425963C96B67DE4AAB7EC4C213EEA34C1AFAC47E111B528D200111FE15A80DECBEF50580C18E386C3F9ADB0FF7C734B1AA90B275CD6A89EC4C8030B040ED60F73F64835EA5222F90B9C476D7F812F6A784F46DD8B35FD087F0582B074AD857A0F6AF753C484436E030B6C0C1139CDDCE3CC49FA4240C50C2F2CBC30D9F2165080982F0ABA034AC78CA9C4B83FB58A4E528F3411A3F485A2BB16312D1A5E32C2C21507B42287D0E97781E8E8B0FC2E9B2AB9C395FFA2CD21731B8B8FC8B38D875D946C50AE20C178B345AC6E45525ADC20202B507ACD7FACE1ABBB08040ED01EB857EA0D60E85CB836A9777503ABCCBE60E8523846A47588FE42DB477789CF60E6562E56F986A7F784812BDB59B2514DE0FAABDDFFEE971B4DB25E81B860179677A854B66115C662AFC2154FBC30F58858445846A8BF85985F22AF40C265AFA22',NULL,NULL);
INSERT INTO "violations" VALUES(3,'fe48e1c13499a7cd','lost-wakeup','halt','sc','x86','check-block-ignores-requests',1.79646315365801930428e+09,1.79646315387706923482e+09,4,'reqsim-schedule 1
scenario halt
param vcpus=1
param wakers=1
param unblock=1
param nowake=1
param poll_ns=0
param signals=0
param entries=1
model sc
arch x86
bugs check-block-ignores-requests
build f13db3976dfb7867
origin minimized from /tmp/h18/fixwork/c00001/cell-00304/slice-00000/halt-sc-lost-wakeup-fe48e1c1.sched (12 forced choices)
result lost-wakeup steps=49 hash=0b69c2c297d944b6 sig=fe48e1c13499a7cd
decisions 44
t1 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t3 t3 t3 t3 t3
t3 e0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0 e1 t1
t1 t1 t1 t1 t1 t2 t2 t2 t2 t2 t2 t2
',44,'unblocker wrote vcpu0->requests (set_bit(req & KVM_REQUEST_MASK)) at step 38, after vcpu0''s final read of it (READ_ONCE(vcpu->requests) -> 0) at step 9; then vcpu0 did schedule() at step 48: lost-wakeup.','','vcpu0 sleeps in kvm_vcpu_block with KVM_REQ_UNBLOCK pending (requests=0x1004004 irr=0)','["kvm_main.c:303 kvm_vcpu_block schedule()"]',49,'pct','explore strategy=pct seed=1 run=4',1,305,'reqsim-schedule 1
scenario halt
param vcpus=1
param wakers=1
param unblock=1
param nowake=1
param poll_ns=0
param signals=0
param entries=1
model sc
arch x86
bugs check-block-ignores-requests
build f13db3976dfb7867
origin explore strategy=pct seed=1 run=4
result lost-wakeup steps=55 hash=b96a786c3c39e8f2 sig=fe48e1c13499a7cd
decisions 52
t2 t1 t1 t1 t1 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0
t0 t0 t0 t0 t3 e0 t0 t0 t0 t0 t0 t0 t0 t0 t0 t0
t0 t0 t3 t3 t3 t2 t2 t2 t2 t0 t0 t0 t0 t0 t2 t0
t0 t0 t0 t0
',52,49,'0b69c2c297d944b6','{"key": [9, 38, 48], "named": [0, 1, 2, 3, 4, 6, 8, 9, 12, 14, 19, 22, 23, 24, 25, 27, 32, 34, 38, 40, 43, 46], "victim": "vcpu0"}',X'789CED9A5B6FDB3614C7DFF729083F040E3617A228CB17A0468B2D0F45D15DD26E7B18064296E944B32EAE2E768A62DF7DA42E1425519215C94903EFA58D459987E7AFC3737E3CF2D7511092FD68A9FC300A2D87C47FEC2C77335A2603EC32FD00E9FFF73E31D8F5A3B123BE42473CFABD91EF1CE99F5BCBA6DF1DED0ECE2B937EB42D977E9CCE353A12B9261DB1DC7F881962CBFFCC868D35B1990512E2B5158E956B76D18BEFF3E3A90F861D258B5947DB2DF10935BC35EC80D0093DFF68F81BE18A676F888F83D0F309BF169287B06001B0999780DE0B94D1BFDF7D4DFD8699DF50EAB722F87D30F71177DBF6E835D16FEC18962B3A9FFBCE467DF239224188F7C4DD58EE9D20C2EDCDDB9FF02F3FFF7833660626ABF4CE20D724369C0F0C284FAD6D30591564523399D4A1655A14640A9946E92A048DE2CBEC39D2217005DEFFF101DFDEFCF6FBCDC74FF8C3DB8FEF9F42AAB6259415439962A8A7628258EA1C71B536C4B60E74B1C51D953FD060B2A211FFD7E1EFBABD05870B9EDC1653010A2A68990A5A37151AB24ABB08F1A332DC0D366D62F8CD19A6B70A526342B211D598666A4CBBA991B897AAF130D7053516908BC1BE82891BD295DE95F60FF5DCB0994A786305C6DA26E3EB01B7866CF6DC693D735AEFE67462AACEEDE9296E07CE3E59314D29F4E904647C95E439C7DB904AD26017070C8C66E34030FA5A8C915926D7AC9B5C5BE29AB572414539552F678DB1B165A3816F469899C2914B85DA0D1A33ADA67245E69922F33E99B42CC8EC1441CAF5F129E2466AB39C571799268BFFB1A5015B20C75A28E7DA5AA1E248C07EE436AA8550115FC46F6542F16B83EE1F61D6258883370049F40ADEE7702BA75B2478EF7A8CEB6BB289C4754DE59E639C8CEF8804DDD8463F3AEBC1934732A7E02C47542867D47A67CBB05171159DE82A796E486D59012859961C8738B64239B7F60919086785DD9224DE072BA49925DD3A692E2D17A435D9B2426A849E639967A943650B82249C61A11C621F1F5810CE3B0A623AFB07F3FEEE2939466652A4972AE642CEB9500EBAF58AB5D627B51443F1568C75ABEEC77299A0FFE462BD594CCD33962466AB528D380A43390BD7EB62EDAD6659D4A22C3BCBDCD17BDC2F982E2428ED284AEB3666378796E7C6770DBCA12406041538E1C21C71C981D6B0015711C7E732A98880ED2830BEB7C3C2B6E658093B72A5E5A6F3A61BED0C78D07BD38AB30A3E736C841DB9B1F13026E6F50698FEF3F6DDA79B8E34DD3B10E4460BA7AF429F8B03A3DA11189BCF5FEAC9E7AFA760259583A1DAB1EDD9D089806AC7560471CFD889E0930B5EE74DCCBE5D4C31F3CEF21A7E8FEF8D00C7B94CCCB9D546591C89B148D6E6A1B643376051AA315C69F372FC533BB62DDB50472F9E2B936659B564E74DB4474334D467B399CA2A6C4FEE695B8A9CA633F3A2AA9C20D58E6DD0CB093C8E8C6AC7DE68A932C9D868A157297BCDDA4CCDADC2B4601C0D2B7C151AC1EEBA127C7C28974ED321D4E7BA02E79A3A430B65A10F92C15B9706CA4B7A7DB5DE1614E6F0A93EA611FBBDB36E1179D145645A90CCC8F769BC4E56985E33428104DEB0959FA3112BB30A98B5420756E580AA76ECC15ECE76E5F0ACF66ACACA02692639139BF7849E67CAE1942F7BBCB78D10A7CF767C7D3D5905D65DDAB32CC4D5FC2CAA359AAF68C7215CED0AE154864D64B79C391474C2464C671A9634F34985D7A01CA89172B6D3DEBB5FDF81ADEF39203934032A1E5D4B0062F184B570EC4572ECADFF95C3CBEB87224EBB484EBBA7FFA4E3D9FAA143A1DCA3DAA2129043F94B7D391EF709208872597D3362851CB33970B4AF7444CFD0022D060F27562427D67A475B133C44D313FC642F04E98A09F38B2A373E4E5631E83C0F82D5AD86E5F61267214EB2484EB2F5D2A52AE0BDEF9924085A54D44F50B13AE35908AB646609D88500A44DB8A3B723AEA81027512427D17A85DA611F6A5AB5FC5585A9B48598B92F627778361F50A01A73809929B027E2EC89E4ECA90ADA446E5CD789FF82AB1407492407C9467FBFA542B540BAF23CEFEF32E3A2AC9C31919C317B86D1B754AB344E989ABC65DBE8EBA5972B8D33B12667E246F59EAB62F556A8A5621901F023D765BF7811A4E244ADC989BAEFA67A91AFC735CEC49A9C897B65F0A77843DE5BA4D3DE9017765DFEBBD88E1D6123B009D903CB058533FC8BE907681C8FB5C7347A2FA80DA9714CD63A366C2FA60DA9715AD6FA766A2FAE0DA971F2D63AB6705F521BF23F0B9B0D6E',NULL,NULL);
INSERT INTO "violations" VALUES(4,'bbb949784b406b0b','missed-request','halt','tso','x86','no-mb-after-in-guest-mode',1.79646315438551735883e+09,1.79646315474666810039e+09,8,'reqsim-schedule 1
scenario halt
param vcpus=1
param wakers=1
param unblock=1
param nowake=1
param poll_ns=0
param signals=0
param entries=1
model tso
arch x86
bugs no-mb-after-in-guest-mode
build f13db3976dfb7867
origin minimized from /tmp/h18/fixwork/c00001/cell-00324/slice-00000/halt-tso-missed-request-bbb94978.sched (8 forced choices)
result missed-request steps=13 hash=db5e16d63551395c sig=bbb949784b406b0b
decisions 13
t0 t0 t0 t0 t0 t0 t0 t3 t3 t3 t3 d0 t0
',13,'nowake wrote vcpu0->requests (set_bit(req & KVM_REQUEST_MASK)) at step 8, after vcpu0''s final read of it (READ_ONCE(vcpu->requests) -> 0) at step 6; nowake read vcpu0->mode as OUTSIDE_GUEST_MODE (cmpxchg(&vcpu->mode)) at step 10, missing vcpu0''s store of IN_GUEST_MODE (step 4, visible only at step 11), and no IPI followed; then vcpu0 did guest_run(): enters guest at step 12: missed-request.','','vcpu0 runs in guest mode with a request pending (requests=0x1000000 irr=0), its kick is done and no IPI is on its way','["kvm_main.c:339 kvm_guest_run guest_run()"]',13,'pct','explore strategy=pct seed=1 run=6',1,325,'reqsim-schedule 1
scenario halt
param vcpus=1
param wakers=1
param unblock=1
param nowake=1
param poll_ns=0
param signals=0
param entries=1
model tso
arch x86
bugs no-mb-after-in-guest-mode
build f13db3976dfb7867
origin explore strategy=pct seed=1 run=6
result missed-request steps=12 hash=7003aeb1936f59ca sig=bbb949784b406b0b
decisions 12
t0 t0 t0 t0 t0 t0 t0 t0 t3 t3 t3 t3
',12,13,'db5e16d63551395c','{"key": [4, 6, 8, 10, 11, 12], "named": [0, 1, 2, 4, 5, 6, 8, 10, 11], "victim": "vcpu0"}',X'789CED97C96EDB301040EFF90A41874001E2C2B4BC033510B43E0569D1A4EDA528082DA384B01687A26C0341FAEDA54C51A26455B1627539F466CF909C99E7D9FCA4C70CD6FABC7FA93312C0FEC38A84AE3E178A54EC0AF503052B956F9C75D2E78A885FD3FD88CB2E758FF8FCAEBEDA0438B048F8C6E1329F845C361A726D123A9996C2630231C36B085D12DEA7C72C1B7CAEBD5D5EBDC71F3FBC5B1AA981DE223B195FA46722471A2E145CBEB1FC44F86C279E0714B87F9EE5C7C06D46746B51579144BE0B14C72CA290CB18EC58936DADB7D0FAFAF3D9538609494CA86B4CB312269632CABC5018EDC53661065769E7DAF5D71B7CBBFCF46579F719DF5CDD5DFF09542FB950253690C406271253600DA6664ECB059F6CB8B3843ED62653DC5B104ABF6DBE1770F8F7FE6F499EC2569582292998ED2888A83208BBE9588130433983F40A8690710FEF2B19C323B6FC140E76496CD93E18171D865EF77A11F450063D6C17B430F5ABB047C7841D076BE1312F221FAC188C7351D941E4C24199A4C2820A52A9309AB485D26C5B536CBE459A214DA9E04612DCE8949A297343FDC931E0AA9DB02DAFC32C12045B345F81891710A7E36D4B60C612CCF8FF946A9852138969528BC9543085D1D65A81E4E441E84023A8E1200785B1D0AFA06652A545B00DEC4EBB4DF16611EA54863A6D192A0DB6CD819A47060A7F7B22BFE08156B13CD7F85BA574994986B3CED305A149A9B044E7D911C6AB4AF41E9C35133571021B631BBCB4855A2C0A88D3791AD55950B6BC7C1B46F5EBF0EBD30AA1694B204EB0DE390FF72D06D8C984EA4CAA73EB308550B118179BB14B79EC4DBDF95F18F0AFE1F3A332C43724267CF9D18CFDE95226E5EB2F6AB9FF8A5CA049D8984EA659FEDFA0DE92A87259A755A4BC3AD7F6BF51AC891FE9F9EC270652A314',NULL,NULL);
CREATE INDEX runs_campaign ON runs(campaign_id);
CREATE INDEX samples_run ON samples(run_id, t);
CREATE UNIQUE INDEX runs_cell ON runs(campaign_id, cell);
CREATE INDEX violations_first_seen ON violations(first_seen);
CREATE INDEX findings_violation ON findings(violation_id);
CREATE INDEX findings_campaign ON findings(campaign_id);
CREATE INDEX findings_run ON findings(run_id);
COMMIT;
PRAGMA application_id=1920168241;
PRAGMA user_version=2;
