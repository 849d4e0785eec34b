#!/usr/bin/env python3
"""Regenerates README.md's benchmark table from `stipple bench --json FILE`.

usage: tools/bench-table.py BENCH.json [README.md]

Replaces the lines between <!-- bench-table:begin --> and <!-- bench-table:end --> in the README
(or prints the table when no README is given). Each cell is the median, then the 95th percentile
and the number of runs; several figures in one row are separated by " / ". Ratios are the
benchmark's own, from the same run.
"""
import json
import sys

RHO_DENSITIES = (10, 25, 37, 50, 70, 100, 150, 200)

# (label, figure or value ids, goal). A label may use {name} fields filled from the JSON.
ROWS = [
    ("start to first frame with impressions, pool cached / built (headless, own context each run)",
     ["start_cached", "start_cold"], "< 300 ms / < 1 s"),
    ("of which, pool cached: context / head / pool read / impressions (scatter and bake) / renderer / frame",
     ["start_cached_" + p for p in ("context", "head", "pool", "impressions", "renderer", "frame")], ""),
    ("of which, pool built: the same", ["start_cold_" + p for p in ("context", "head", "pool", "impressions",
                                                                    "renderer", "frame")], ""),
    ("frame at 1280x800, default head", ["frame"], "< 16 ms"),
    ("import of the default head (Assimp, GLB)", ["import_default_head"], ""),
    ("import of a generated {import_obj} mesh (tinyobjloader, OBJ / Assimp, binary PLY)",
     ["import_obj", "import_ply"], ""),
    ("candidate pool, default head ({pool_size} points), built / Yuksel's progressive weighted sample "
     "elimination on the same head and count (5x random inputs, elimination only)",
     ["pool_build", "yuksel_build"], "< 1 s; Yuksel {yuksel_over_pool} slower"),
    ("rho, smallest over the prefixes at 10-200/cm²: pool / Yuksel", ["pool_rho_min", "yuksel_rho_min"],
     "0.70 .. 0.85"),
    ("rho at 10 / 25 / 37 / 50 / 70 / 100 / 150 / 200 per cm², pool", [f"pool_rho_{d}" for d in RHO_DENSITIES], ""),
    ("the same, Yuksel", [f"yuksel_rho_{d}" for d in RHO_DENSITIES], ""),
    ("full re-scatter, {rescatter_pool} / 1M candidates", ["rescatter_pool", "rescatter_1m"], "1M: < 5 ms"),
    ("floor: a compute pass that only writes one word, 1M invocations (alternating with the 1M re-scatter)",
     ["floor_1m"], "1M re-scatter within 1.5x of it (this run: {rescatter_over_floor})"),
    ("full re-scatter and re-bake of the 2048x2048 pigment map, as when a design opens", ["rebake_full"], ""),
    ("a 15 mm density change: re-scatter and re-bake there / and the frame", ["change_15mm", "change_15mm_frame"],
     "< 10 ms"),
    ("frame at 1280x800 with 10k / 100k / 1M impressions", ["frame_10k", "frame_100k", "frame_1000k"], "< 16 ms"),
    ("frame at 1280x800 while the view moves or a stroke is painted (half size, scaled up), 1M impressions",
     ["frame_moving_1000k"], "< 8 ms"),
    ("frame at 1280x800, close-up of single dots", ["frame_close_up"], ""),
    ("a brush dab to baked pixels / to pixels on screen, painted on the CPU", ["dab_cpu", "dab_cpu_screen"],
     "on screen: < 16 ms"),
    ("the same painted on the GPU", ["dab_gpu", "dab_gpu_screen"], "on screen: < 16 ms"),
    ("export of every texture at 8192x8192 (one run) / of which scatter and bake",
     ["export", "export_bake"], "< 5 s / < 1 s"),
    ("peak memory after the export / of the whole benchmark", ["peak_memory_export", "peak_memory"], ""),
]


def number(v, unit):
    if unit == "" and v < 1:
        return f"{v:.3f}"
    if unit == "" and v == int(v):
        return f"{int(v):,}"
    digits = 0 if v >= 100 else 1 if v >= 10 else 2
    return f"{v:.{digits}f}"


def cell(entries):
    """Medians joined by ' / ' with one unit (seconds where any reaches 2 s), then the p95s and
    the runs of timed figures."""
    unit = entries[0]["unit"]
    values = [e.get("median", e.get("value")) for e in entries]
    scale = 1.0
    if unit == "ms" and max(values) >= 2000:
        unit, scale = "s", 1000.0
    medians = [number(v / scale, unit) for v in values]
    out = " / ".join(medians) + (f" {unit}" if unit else "")
    timed = [e for e in entries if "p95" in e]
    if timed:
        p95s = " / ".join(number(e["p95"] / scale, unit) for e in timed)
        runs = [e["runs"] for e in timed]
        runs_text = str(runs[0]) if len(set(runs)) == 1 else " / ".join(str(r) for r in runs)
        out += f" (p95 {p95s}; {runs_text} run{'' if runs == [1] * len(runs) else 's'})"
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        bench = json.load(f)
    entries = {e["id"]: e for e in bench["figures"] + bench["values"]}
    names = {
        "import_obj": entries["import_obj"]["name"].split("import ")[1].split(" (")[0].replace("000k triangles", "M-triangle").replace(" triangles", "-triangle"),
        "pool_size": f"{int(entries['pool_size']['value']):,}",
        "yuksel_over_pool": f"{entries['yuksel_over_pool']['value']:.1f}x",
        "rescatter_pool": entries["rescatter_pool"]["name"].split(", ")[1].split("-")[0],
        "rescatter_over_floor": f"{entries['rescatter_over_floor']['value']:.2f}x",
    }
    lines = ["| figure | median (p95; runs) | goal |", "| --- | --- | --- |"]
    for label, ids, goal in ROWS:
        missing = [i for i in ids if i not in entries]
        if missing:
            sys.exit(f"bench-table: {sys.argv[1]} has no figure {', '.join(missing)}")
        lines.append(f"| {label.format(**names)} | {cell([entries[i] for i in ids])} | {goal.format(**names)} |")
    table = "\n".join(lines) + "\n"
    if len(sys.argv) == 2:
        sys.stdout.write(table)
        return
    with open(sys.argv[2]) as f:
        readme = f.read()
    begin, end = "<!-- bench-table:begin -->\n", "<!-- bench-table:end -->\n"
    if begin not in readme or end not in readme:
        sys.exit(f"bench-table: {sys.argv[2]} has no {begin.strip()} ... {end.strip()} markers")
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(sys.argv[2], "w") as f:
        f.write(head + begin + table + end + tail)


if __name__ == "__main__":
    main()
