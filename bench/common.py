"""What the benchmark scripts share: where jtest is resolved from, how Maven is called, how figures
are summarised, and a dependency-free SVG bar chart (CI has no matplotlib, and needs none)."""
import datetime
import os
import re
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# jtest as this checkout builds it; never ~/.m2, so a benchmark measures this code.
REPO = os.path.join(ROOT, "it", "target", "local-repo")
SCRATCH = os.path.join(HERE, "target")
RESULTS = os.path.join(HERE, "results")
# The parent pom is listed too: invoker:install needs it in the reactor where ~/.m2 lacks it (a fresh machine).
MODULES = ".,jtest-settings,jtest-coverage-agent,jtest-core,jtest-junit,jtest-surefire-provider,jtest-maven-plugin,it"

# How a user declares jtest (README's "Use jtest in your project"): the plugin, as an extension.
JTEST_PLUGIN = """      <plugin>
        <groupId>dev.jtest</groupId>
        <artifactId>jtest-maven-plugin</artifactId>
        <version>0.1.0-SNAPSHOT</version>
        <extensions>true</extensions>
      </plugin>"""

# Maven's log lines carry a wall-clock time stamp, so a moment inside a build (a goal starting) can
# be compared with times taken outside it (docker events, the script's own clock).
STAMPED = ["-Dorg.slf4j.simpleLogger.showDateTime=true",
           "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"]
STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:Z|[+-]\d\d:\d\d)) ")


def settings():
    """The invoker samples' settings: resolve from the local repository, then from ~/.m2."""
    os.makedirs(SCRATCH, exist_ok=True)
    path = os.path.join(SCRATCH, "settings.xml")
    with open(os.path.join(ROOT, "it", "src", "it", "settings.xml")) as f:
        text = f.read().replace("@localRepositoryUrl@",
                                "file://" + os.path.expanduser("~/.m2/repository"))
    with open(path, "w") as f:
        f.write(text)
    return path


def build_jtest():
    """Puts this checkout's jtest into it/target/local-repo (invoker:install), never into ~/.m2."""
    subprocess.run([os.path.join(ROOT, "mvnw"), "-o", "-B", "-q", "verify", "-DskipTests",
                    "-pl", MODULES, "-Dinvoker.test=runner-junit510"], cwd=ROOT, check=True)


def mvn(settings_file, args, offline=True):
    """A Maven command line resolving from REPO, with time-stamped log lines. Online (a warm-up
    fetching third-party artifacts into REPO) it never updates snapshots, so jtest stays the
    one this checkout built."""
    return ([os.path.join(ROOT, "mvnw"), "-B"] + (["-o"] if offline else ["-nsu"])
            + ["-s", settings_file, "-Dmaven.repo.local=" + REPO] + STAMPED + args)


def stamp(line):
    """The wall-clock time (seconds since the epoch) of a time-stamped Maven log line, or None."""
    m = STAMP.match(line)
    return datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp() if m else None


def summary(values, scale=1.0, digits=2):
    """'median (min–max)' of values, each multiplied by scale."""
    v = [x * scale for x in values]
    return "%.*f (%.*f–%.*f)" % (digits, statistics.median(v), digits, min(v), digits, max(v))


def machine():
    return "%s (%d cores), %s" % (os.uname().nodename, os.cpu_count(),
                                  datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))


def write_result(name, text):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name), "w") as f:
        f.write(text)


def svg_bars(name, title, unit, rows, legend, marker=None):
    """Writes results/<name>: one horizontal bar per row, stacked from its segments, with a
    min–max whisker on its total.

    rows: [(label, [segment values], (min, max))]; legend: [(colour, text)] per segment index;
    marker: optional (value, text) drawn as a dashed vertical line (e.g. a lower bound).
    """
    left, right, top, row_h, bar_h = 190, 40, 56, 30, 18
    width = 760
    high = max([hi for _, _, (_, hi) in rows] + [sum(s) for _, s, _ in rows]
               + ([marker[0]] if marker else []))
    scale = (width - left - right) / (high * 1.05)
    height = top + row_h * len(rows) + 40
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif"'
           ' font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>' % (left, esc(title))]
    x = left
    for colour, text in legend:
        out.append('<rect x="%d" y="30" width="12" height="12" fill="%s"/>' % (x, colour))
        out.append('<text x="%d" y="40">%s</text>' % (x + 16, esc(text)))
        x += 24 + 7 * len(text)
    for i, (label, segments, (lo, hi)) in enumerate(rows):
        y = top + i * row_h
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>'
                   % (left - 8, y + bar_h - 4, esc(label)))
        x = left
        for j, value in enumerate(segments):
            w = max(0.0, value * scale)
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (x, y, w, bar_h, legend[j][0]))
            x += w
        mid = y + bar_h / 2
        x_lo, x_hi = left + lo * scale, left + hi * scale
        out.append('<path d="M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f" stroke="black"/>'
                   % (x_lo, mid, x_hi, x_lo, mid - 5, mid + 5, x_hi, mid - 5, mid + 5))
        out.append('<text x="%.1f" y="%d">%.2f</text>' % (max(x, x_hi) + 4, y + bar_h - 4, sum(segments)))
    axis_y = top + row_h * len(rows)
    out.append('<path d="M%d %dH%d" stroke="#666"/>' % (left, axis_y, width - right))
    step = nice_step(high)
    tick = 0.0
    while tick <= high * 1.05:
        tx = left + tick * scale
        out.append('<path d="M%.1f %dV%d" stroke="#666"/><text x="%.1f" y="%d" text-anchor="middle">'
                   '%g</text>' % (tx, axis_y, axis_y + 4, tx, axis_y + 16, round(tick, 3)))
        tick += step
    out.append('<text x="%d" y="%d" text-anchor="middle">%s</text>'
               % ((left + width - right) / 2, axis_y + 32, esc(unit)))
    if marker:
        mx = left + marker[0] * scale
        out.append('<path d="M%.1f %dV%d" stroke="#c00" stroke-dasharray="4 3"/>' % (mx, top - 6, axis_y))
        out.append('<text x="%.1f" y="%d" fill="#c00">%s</text>' % (mx + 3, top - 8, esc(marker[1])))
    out.append("</svg>")
    write_result(name, "\n".join(out) + "\n")


def nice_step(high):
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100):
        if high / step <= 10:
            return step
    return 200


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
