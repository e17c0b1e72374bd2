package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Json;
import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code timeline.html}: a self-contained Gantt chart, one row per worker and phase, one bar
 * per test coloured by outcome, with each phase's makespan, lower bound and efficiency.
 */
final class Timeline {

  private Timeline() {}

  static void write(Path file, String title, List<PhaseReport> phases) throws IOException {
    long origin = phases.stream().mapToLong(PhaseReport::start).min().orElse(0);
    long end =
        phases.stream()
            .flatMap(p -> p.units().stream())
            .mapToLong(Bar::end)
            .max()
            .orElse(origin + 1);
    double span = Math.max(1, end - origin);
    StringBuilder html = new StringBuilder();
    html.append(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>jtest timeline</title>")
        .append("<style>body{font:13px sans-serif;margin:16px}h2{font-size:15px;margin:18px 0 4px}")
        .append(".row{position:relative;height:22px;border-bottom:1px solid #eee;margin-left:90px}")
        .append(".who{position:absolute;left:-90px;width:85px;text-align:right;line-height:22px}")
        .append(".bar{position:absolute;top:3px;height:16px;box-sizing:border-box;")
        .append("border-right:1px solid #fff;overflow:hidden}")
        .append(".unit{position:absolute;top:0;height:2px;background:#555}")
        .append(".SUCCESSFUL{background:#4caf50}.FAILED{background:#e53935}")
        .append(".ABORTED,.SKIPPED{background:#fbc02d}.CRASHED{background:#6a1b9a}")
        .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}</style>")
        .append("</head><body>\n<h1>jtest timeline: ")
        .append(escape(title))
        .append("</h1>\n<table><tr><th>phase</th><th>workers</th><th>tests</th>")
        .append(
            "<th>makespan</th><th>lower bound</th><th>efficiency</th><th>wall time</th></tr>\n");
    for (PhaseReport phase : phases) {
      html.append("<tr><td>")
          .append(escape(phase.name()))
          .append("</td><td>")
          .append(phase.workers())
          .append("</td><td>")
          .append(phase.tests())
          .append("</td><td>")
          .append(seconds(phase.makespan()))
          .append("</td><td>")
          .append(seconds(phase.lowerBound()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.0f %%", 100 * phase.efficiency()))
          .append("</td><td>")
          .append(seconds(phase.wallMillis()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n<p>Lower bound: max(total unit time / workers, longest unit).")
        .append(" Efficiency: lower bound / makespan. Bars: green passed, red failed,")
        .append(" yellow skipped or aborted, purple the worker died. The dark line above the")
        .append(" bars marks each unit as it was handed out.</p>\n");
    for (PhaseReport phase : phases) {
      html.append("<h2>").append(escape(phase.name())).append(" phase</h2>\n");
      for (int w = 1; w <= phase.workers(); w++) {
        html.append("<div class=\"row\"><span class=\"who\">worker ").append(w).append("</span>");
        for (Bar unit : phase.units()) {
          if (unit.worker() == w) {
            html.append("<div class=\"unit\" style=\"")
                .append(position(unit, origin, span))
                .append("\" title=\"unit: ")
                .append(escape(unit.label()))
                .append("\"></div>");
          }
        }
        for (Bar bar : phase.bars()) {
          if (bar.worker() == w) {
            html.append("<div class=\"bar ")
                .append(bar.outcome())
                .append("\" style=\"")
                .append(position(bar, origin, span))
                .append("\" title=\"")
                .append(escape(bar.label()))
                .append(" · ")
                .append(bar.outcome().toLowerCase(Locale.ROOT))
                .append(" · ")
                .append(bar.millis())
                .append(" ms\"></div>");
          }
        }
        html.append("</div>\n");
      }
    }
    html.append("</body></html>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  /**
   * The timeline as JSON ({@code timeline-failsafe.json}), for scripts and CI dashboards: per
   * phase, every test's worker, start and end (epoch milliseconds) and outcome.
   */
  static void writeJson(Path file, String title, List<PhaseReport> phases) throws IOException {
    writeJson(file, title, phases, Map.of());
  }

  /**
   * As {@link #writeJson(Path, String, List)}, with what the plan expected each phase to take
   * ({@code predictedMillis}, by phase name), which {@code jtest:timeline} compares across shards.
   */
  static void writeJson(
      Path file, String title, List<PhaseReport> phases, Map<String, Double> predicted)
      throws IOException {
    StringBuilder json = new StringBuilder("{\"format\": \"jtest-timeline/1\", \"title\": ");
    json.append(Json.quote(title)).append(", \"phases\": [");
    for (int p = 0; p < phases.size(); p++) {
      PhaseReport phase = phases.get(p);
      json.append(p == 0 ? "\n  " : ",\n  ")
          .append("{\"name\": ")
          .append(Json.quote(phase.name()))
          .append(", \"workers\": ")
          .append(phase.workers())
          .append(", \"tests\": ")
          .append(phase.tests())
          .append(", \"makespanMillis\": ")
          .append(phase.makespan())
          .append(", \"lowerBoundMillis\": ")
          .append(Math.round(phase.lowerBound()))
          .append(", \"wallMillis\": ")
          .append(phase.wallMillis());
      Double expected = predicted.get(phase.name());
      if (expected != null) {
        json.append(", \"predictedMillis\": ").append(Math.round(expected));
      }
      json.append(", \"bars\": [");
      List<Bar> bars = phase.bars();
      for (int b = 0; b < bars.size(); b++) {
        Bar bar = bars.get(b);
        json.append(b == 0 ? "\n    " : ",\n    ")
            .append("{\"worker\": ")
            .append(bar.worker())
            .append(", \"test\": ")
            .append(Json.quote(bar.label()))
            .append(", \"start\": ")
            .append(bar.start())
            .append(", \"end\": ")
            .append(bar.end())
            .append(", \"outcome\": ")
            .append(Json.quote(bar.outcome()))
            .append('}');
      }
      json.append("]}");
    }
    json.append("\n]}\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  private static String position(Bar bar, long origin, double span) {
    double left = 100 * (bar.start() - origin) / span;
    double width = Math.max(0.15, 100 * bar.millis() / span);
    return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, width);
  }

  static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
