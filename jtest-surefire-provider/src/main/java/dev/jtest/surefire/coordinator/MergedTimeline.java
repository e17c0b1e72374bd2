package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.coordinator.RecordedTimeline.Bar;
import dev.jtest.surefire.coordinator.RecordedTimeline.Phase;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Draws the timelines of several shards as one self-contained page: a table of each shard's
 * predicted and actual time, and one SVG with a row per shard, phase and worker. Each shard is
 * drawn from its own first test (shards run on different machines, whose clocks need not agree),
 * all on one scale, with a dashed line where the plan expected the shard to end.
 */
public final class MergedTimeline {

  private static final int LABEL_WIDTH = 220;
  private static final int PLOT_WIDTH = 900;
  private static final int ROW = 18;
  private static final int HEADER = 24;

  private MergedTimeline() {}

  /** The page for {@code runs}, in the order given. */
  public static String html(List<RecordedTimeline> runs) {
    double span = 1;
    for (RecordedTimeline run : runs) {
      span = Math.max(span, lastEnd(run) - run.start());
      span = Math.max(span, run.predictedMillis().orElse(0));
    }
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
        .append("<title>jtest timeline: ")
        .append(runs.size())
        .append(" shards</title>")
        .append("<style>body{font:13px sans-serif;margin:16px}")
        .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}")
        .append("svg text{font:11px sans-serif}.SUCCESSFUL{fill:#4caf50}.FAILED{fill:#e53935}")
        .append(".ABORTED,.SKIPPED{fill:#fbc02d}.CRASHED{fill:#6a1b9a}.FLAKY{fill:#fb8c00}")
        .append("</style></head><body>\n")
        .append("<h1>jtest timeline: ")
        .append(runs.size())
        .append(" shards</h1>\n<table><tr><th>shard</th><th>run</th><th>tests</th>")
        .append("<th>workers</th><th>predicted</th><th>actual</th><th>actual / predicted</th>")
        .append("<th>wall time</th>")
        .append("</tr>\n");
    for (RecordedTimeline run : runs) {
      OptionalDouble predicted = run.predictedMillis();
      html.append("<tr><td>")
          .append(Timeline.escape(run.name()))
          .append("</td><td>")
          .append(Timeline.escape(run.title()))
          .append("</td><td>")
          .append(run.tests())
          .append("</td><td>")
          .append(workers(run))
          .append("</td><td>")
          .append(
              predicted.isPresent() ? Timeline.seconds(predicted.getAsDouble()) : "not recorded")
          .append("</td><td>")
          .append(Timeline.seconds(run.actualMillis()))
          .append("</td><td>")
          .append(
              predicted.isPresent() && predicted.getAsDouble() > 0
                  ? String.format(Locale.ROOT, "%.2f", run.actualMillis() / predicted.getAsDouble())
                  : "")
          .append("</td><td>")
          .append(Timeline.seconds(run.wallMillis()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n<p>Predicted: from the durations the shard started with. Actual: each")
        .append(" phase from its first test to its last, as predicted. Wall time: the phases with")
        .append(
            " their workers starting. Each shard is drawn from its first test; the dashed line is")
        .append(" where the plan expected it to end. Bars: green passed, red failed, yellow")
        .append(" skipped or aborted, purple the worker died, orange failed but passed when run")
        .append(" again (flaky).</p>\n");
    html.append(svg(runs, span));
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String svg(List<RecordedTimeline> runs, double span) {
    int height = 0;
    for (RecordedTimeline run : runs) {
      height += HEADER + ROW * rows(run);
    }
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">\n",
            LABEL_WIDTH + PLOT_WIDTH + 10,
            height + 4));
    int y = 0;
    for (RecordedTimeline run : runs) {
      int top = y;
      long origin = run.start();
      OptionalDouble predicted = run.predictedMillis();
      String heading = "shard " + run.name() + ": " + Timeline.seconds(run.actualMillis());
      if (predicted.isPresent()) {
        heading += ", predicted " + Timeline.seconds(predicted.getAsDouble());
      }
      svg.append(text(4, y + 16, heading, "bold"));
      y += HEADER;
      for (Phase phase : run.phases()) {
        for (int w = 1; w <= phase.workers(); w++) {
          svg.append(text(12, y + 13, phase.name() + " · worker " + w, null));
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>\n",
                  LABEL_WIDTH,
                  y + ROW,
                  LABEL_WIDTH + PLOT_WIDTH,
                  y + ROW));
          for (Bar bar : phase.bars()) {
            if (bar.worker() == w) {
              svg.append(
                  String.format(
                      Locale.ROOT,
                      "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                          + "<title>%s · %s · %d ms</title></rect>\n",
                      Timeline.escape(bar.outcome()),
                      x(bar.start() - origin, span),
                      y + 2,
                      Math.max(0.5, PLOT_WIDTH * (bar.end() - bar.start()) / span),
                      ROW - 4,
                      Timeline.escape(bar.test()),
                      Timeline.escape(bar.outcome().toLowerCase(Locale.ROOT)),
                      Math.max(0, bar.end() - bar.start())));
            }
          }
          y += ROW;
        }
      }
      if (predicted.isPresent()) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\""
                    + " stroke-dasharray=\"4 3\"><title>predicted %s</title></line>\n",
                x(predicted.getAsDouble(), span),
                top + HEADER,
                x(predicted.getAsDouble(), span),
                y,
                Timeline.seconds(predicted.getAsDouble())));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static int rows(RecordedTimeline run) {
    return run.phases().stream().mapToInt(Phase::workers).sum();
  }

  private static long lastEnd(RecordedTimeline run) {
    return run.phases().stream()
        .flatMap(p -> p.bars().stream())
        .mapToLong(Bar::end)
        .max()
        .orElse(run.start());
  }

  private static String workers(RecordedTimeline run) {
    StringBuilder text = new StringBuilder();
    for (Phase phase : run.phases()) {
      text.append(text.length() == 0 ? "" : " + ")
          .append(phase.workers())
          .append(' ')
          .append(phase.name());
    }
    return Timeline.escape(text.toString());
  }

  private static double x(double millis, double span) {
    return LABEL_WIDTH + PLOT_WIDTH * millis / span;
  }

  private static String text(int x, int y, String text, String weight) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\"%s>%s</text>\n",
        x,
        y,
        weight == null ? "" : " font-weight=\"" + weight + "\"",
        Timeline.escape(text));
  }
}
