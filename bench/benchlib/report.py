"""The results as Markdown tables, a chart (SVG written here, no other program) and docs/performance.md."""

import html
import os
import re

from .pages import PAGES

BEGIN = "<!-- bench:last-run:begin -->"
END = "<!-- bench:last-run:end -->"


def fmt_rate(v):
    if v is None:
        return "–"
    return f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def fmt_ms(v):
    return "–" if v is None else (f"{v:.0f}" if v >= 100 else f"{v:.1f}")


def fmt_ratio(a, b):
    return "–" if not a or not b else f"{a / b:.2f}×"


def fmt_count(v):
    if v is None:
        return "–"
    return f"{v:.0f}" if abs(v - round(v)) < 0.05 else f"{v:.1f}"


def cell(m, field, fmt, first=False):
    """A measured value, or why there is none (a row with an answer other than 200 is a failure),
    said once, in the first column of the jar."""
    if m is None:
        return "–"
    if not m.get("ok", True):
        return f"**failed**: {m.get('failure', '')}" if first else "–"
    return fmt(m.get(field))


def markdown(results):
    run = results["run"]
    labels = list(run["jars"])
    out = [f"Run {run['id']} · `{run['command']}`", "",
           f"- Machine: {run['machine']}",
           f"- Each page: {run['options']['warmup']} s of warm-up, then {run['options']['rounds']} × "
           f"{run['options']['duration']} s of `wrk -t2 -c{run['options']['connections']}` per jar, "
           f"{order(labels, run['options'])}; requests/s and latencies are the means of the rounds. "
           f"JVM options: `{run['options']['jvm_opts']}`."]
    for label in labels:
        how = ("started from its production layout (`-Pproduction`: the jar extracted, with its class data "
               "sharing archive, as docs/operations.md starts it)" if run["jars"][label].get("layout")
               else "started as `java -jar`")
        out.append(f"- **{label}**: {run['jars'][label]['describe']}; {how}")
    out.append("")
    for case in results["cases"]:
        out += case_tables(case, labels)
    out += flatness(results, labels)
    return "\n".join(out).rstrip() + "\n"


def order(labels, options):
    """The order of one page's measured runs: A B A B, with more than one size every size's portals
    running at once, measured in turn (a run before 2026-12-07 10:00 measured one size after the other)."""
    sizes = options["sizes"]
    if len(sizes) < 2:
        return " ".join(labels * options["rounds"])
    one = ", ".join(f"{' '.join(labels)} at {size:,}" for size in sizes)
    rounds = options["rounds"]
    return (f"the portals of every size running side by side and measured in turn ({one}), "
            f"{rounds} round{'' if rounds == 1 else 's'}")


def case_tables(case, labels):
    two = len(labels) == 2
    out = [f"### {case['db_title']}, {case['size']:,} invoices", ""]
    head = ["Page"] + [f"{l} req/s" for l in labels] + (["A/B"] if two else [])
    head += [f"{l} p50 ms" for l in labels] + [f"{l} p99 ms" for l in labels] + [f"{l} SQL/req" for l in labels]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, title in PAGES:
        row = case["pages"].get(key)
        if row is None:
            continue
        ms = [row.get(l) for l in labels]
        cells = [title] + [cell(m, "rps", fmt_rate, True) for m in ms]
        if two:
            ok = all(m and m.get("ok") for m in ms)
            cells.append(fmt_ratio(ms[0]["rps"], ms[1]["rps"]) if ok else "–")
        cells += [cell(m, "p50_ms", fmt_ms) for m in ms] + [cell(m, "p99_ms", fmt_ms) for m in ms]
        cells += [fmt_count(case["sql"].get(l, {}).get(key)) for l in labels]
        out.append("| " + " | ".join(cells) + " |")
    flow = case.get("payflow")
    if flow:
        ms = [flow.get(l) for l in labels]
        cells = ["**Pay flow** (flows/s)"] + [cell(m, "flows_per_s", fmt_rate, True) for m in ms]
        if two:
            ok = all(m and m.get("ok") for m in ms)
            cells.append(fmt_ratio(ms[0]["flows_per_s"], ms[1]["flows_per_s"]) if ok else "–")
        cells += [cell(m, "p50_ms", fmt_ms) for m in ms] + [cell(m, "p99_ms", fmt_ms) for m in ms]
        cells += ["–" for _ in labels]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out += process_table(case, labels, two)
    return out


def process_table(case, labels, two):
    proc = case["process"]
    head = [""] + labels + (["A/B"] if two else [])
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def row(title, field, fmt, ratio=True):
        values = [proc[l].get(field) for l in labels]
        cells = [title] + [fmt(v) for v in values]
        if two:
            cells.append(fmt_ratio(values[0], values[1]) if ratio else "")
        out.append("| " + " | ".join(cells) + " |")

    seconds = lambda v: "–" if v is None else f"{v:.1f}"  # noqa: E731
    # Runs before --starts (2026-12-08) timed one start and kept no list of them.
    starts = max(len(proc[l].get("startups") or []) for l in labels) or 1
    median = f", median of {starts} starts" if starts > 1 else ""
    row(f"Start-up, launch to sign-in page (s){median}", "startup_s", seconds)
    row(f"Start-up, CPU seconds of the process until then{median}", "startup_cpu_s", seconds)
    if starts > 1:
        row("Start-up, each start in turn (s)", "startups",
            lambda v: "–" if not v else " · ".join(f"{s:.1f}" for s, _ in v), ratio=False)
    if any(proc[l].get("layout") for l in labels):
        plain = " (a layout's jar: one start)" if starts > 1 else ""
        row(f"Start-up as plain `java -jar`, launch to sign-in page (s){plain}", "startup_plain_s", seconds)
        row(f"Start-up as plain `java -jar`, CPU seconds{plain}", "startup_plain_cpu_s", seconds)
    if any(proc[l].get("jit") for l in labels):
        row("JIT warm-up before the pages: seconds (passes over the pages); the compilers' share if still busy",
            "jit", jit_warmup, ratio=False)
    row("RSS after the run (MB)", "rss_mb", lambda v: "–" if v is None else f"{v:.0f}")
    if case.get("payflow"):
        row("Invoices paid by the pay flow: wrk / database", "paid",
            lambda v: "–" if v is None else f"{v[0]} / {v[1]}", ratio=False)
        row("**Duplicate charges** (invoices with > 1 Succeeded payment, counted)", "duplicates",
            lambda v: "–" if v is None else str(v), ratio=False)
    notes = case.get("notes", []) + [f"{l}: {n}" for l in labels for n in proc[l].get("notes", [])]
    out.append("")
    if notes:
        out += [f"- {n}" for n in notes] + [""]
    return out


def jit_warmup(w):
    if w is None:
        return "–"
    text = f"{w['seconds']:.0f} ({w['passes']})"
    if w.get("compiler_share") is None:
        return text + ", compilers' CPU unknown"
    return text if w["settled"] else text + f", **not quiet**: compilers {w['compiler_share']:.0%} of a core"


def flatness(results, labels):
    """p50 at the largest size ÷ p50 at the smallest, per database: a flat page stays near 1×. Both
    sizes' portals ran at once and each page was measured on them in turn (side_by_side in bench/run)."""
    out = []
    by_db = {}
    for case in results["cases"]:
        by_db.setdefault(case["db_title"], []).append(case)
    for db, cases in by_db.items():
        if len(cases) < 2:
            continue
        small, large = min(cases, key=lambda c: c["size"]), max(cases, key=lambda c: c["size"])
        out += [f"### {db}: p50 at {large['size']:,} ÷ p50 at {small['size']:,} invoices (flat ≈ 1×)", "",
                "| Page | " + " | ".join(labels) + " |", "|" + "---|" * (len(labels) + 1)]
        for key, title in PAGES:
            cells = [title]
            for label in labels:
                a, b = (c["pages"].get(key, {}).get(label) for c in (large, small))
                ok = a and b and a.get("ok") and b.get("ok")
                cells.append(fmt_ratio(a["p50_ms"], b["p50_ms"]) if ok else "–")
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out


def svg(results):
    """One panel per database and size: the A/B ratio of requests/s per page (or A's requests/s alone)."""
    labels = list(results["run"]["jars"])
    ratio = len(labels) == 2
    width, label_w, bar_w, row_h = 760, 200, 440, 20
    jars = {label: j["describe"].split(" ")[0] for label, j in results["run"]["jars"].items()}
    connections = results["run"]["options"]["connections"]
    title = (f"Requests per second of A ({jars['A']}) ÷ those of B ({jars['B']}), wrk with {connections} connections"
             if ratio else f"Requests per second of A ({jars['A']}), wrk with {connections} connections")
    legend = "Blue: A is faster; red: A is slower; the dashed line: as fast as B." if ratio else ""
    panels, y = [], 40 + (18 if legend else 0)
    for case in results["cases"]:
        part, h = panel(case, labels, ratio, y, label_w, bar_w, row_h)
        panels += part
        y += h
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" '
             f'viewBox="0 0 {width} {y}" font-family="Segoe UI, Helvetica, Arial, sans-serif" '
             f'font-size="12" role="img" aria-labelledby="t">',
             f'<title id="t">{html.escape(title)}</title>',
             f'<rect width="{width}" height="{y}" fill="#fff"/>',
             f'<text x="10" y="24" font-size="15" font-weight="600">{html.escape(shorten(title, 100))}</text>']
    if legend:
        parts.append(f'<text x="10" y="44" fill="#323130">{legend}</text>')
    parts += panels
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def panel(case, labels, ratio, y, label_w, bar_w, row_h):
    """The panel's SVG elements and its height."""
    rows = []
    for key, title in PAGES:
        row = case["pages"].get(key)
        if row:
            rows.append((title, [row.get(l) for l in labels], "rps"))
    if case.get("payflow"):
        rows.append(("Pay flow (flows/s)", [case["payflow"].get(l) for l in labels], "flows_per_s"))
    values = []
    for _, ms, field in rows:
        ok = all(m and m.get("ok") for m in ms)
        values.append((ms[0][field] / ms[1][field] if ratio else ms[0][field]) if ok and ms[0][field]
                      and (not ratio or ms[1][field]) else None)
    top = max([v for v in values if v] + [2.0 if ratio else 1.0])
    scale = bar_w / (top * 1.1)
    out = [f'<text x="10" y="{y + 18}" font-size="13" font-weight="600">'
           f'{html.escape(case["db_title"])}, {case["size"]:,} invoices</text>']
    y0 = y + 30
    bottom = y0 + len(rows) * row_h
    if ratio:
        x1 = label_w + scale
        out.append(f'<line x1="{x1:.1f}" y1="{y0 - 2}" x2="{x1:.1f}" y2="{bottom}" stroke="#323130" '
                   f'stroke-dasharray="4 3"/>')
    halo = 'stroke="#fff" stroke-width="3" paint-order="stroke"'
    for i, ((title, _, _), v) in enumerate(zip(rows, values)):
        ry = y0 + i * row_h
        out.append(f'<text x="{label_w - 8}" y="{ry + 14}" text-anchor="end">{html.escape(title)}</text>')
        if v is None:
            out.append(f'<text x="{label_w + 4}" y="{ry + 14}" fill="#a4262c">failed</text>')
            continue
        colour = "#0078d4" if (not ratio or v >= 1) else "#c50f1f"
        w = max(1.0, v * scale)
        text = f"{v:.2f}×" if ratio else fmt_rate(v)
        out.append(f'<rect x="{label_w}" y="{ry + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{colour}"/>')
        out.append(f'<text x="{label_w + w + 4:.1f}" y="{ry + 14}" {halo}>{text}</text>')
    return out, bottom - y + 16


def shorten(text, n):
    return text if len(text) <= n else text[: n - 1] + "…"


def write_docs(doc, chart_path, results_md, results):
    """Replaces the "Last A/B run" section between its markers in docs/performance.md."""
    with open(doc) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        raise ValueError(f"{doc} has no {BEGIN} … {END} section")
    chart = os.path.relpath(chart_path, os.path.dirname(doc))
    alt = "A ÷ B requests per second per page" if len(results["run"]["jars"]) == 2 else "Requests per second"
    body = f"{BEGIN}\n\n![{alt}]({chart})\n\n{results_md}\n{END}"
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: body, text, flags=re.S)
    with open(doc, "w") as f:
        f.write(text)
