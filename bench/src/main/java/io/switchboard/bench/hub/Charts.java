package io.switchboard.bench.hub;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two charts BENCHMARKS.md shows, drawn from a run's results. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private Charts() {
    }

    static void write(Results results, Path directory) throws IOException {
        ChartUtils.saveChartAsPNG(directory.resolve("accept-latency.png").toFile(), acceptLatency(results), WIDTH,
                HEIGHT);
        ChartUtils.saveChartAsPNG(directory.resolve("throughput.png").toFile(), throughput(results), WIDTH, HEIGHT);
    }

    /** v1 accept latency, measured from each request's due time, against the offered rate; a log scale. */
    private static JFreeChart acceptLatency(Results results) {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        XYSeries p999 = new XYSeries("p99.9");
        for (Results.RatePoint point : results.acceptAtRates()) {
            p50.add(point.offered(), Math.max(0.01, point.latencyMs().p50()));
            p99.add(point.offered(), Math.max(0.01, point.latencyMs().p99()));
            p999.add(point.offered(), Math.max(0.01, point.latencyMs().p999()));
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(p50);
        series.addSeries(p99);
        series.addSeries(p999);
        JFreeChart chart = ChartFactory.createXYLineChart("v1 accept latency against offered rate (open model)",
                "offered requests per second", "latency, ms (log)", series, PlotOrientation.VERTICAL, true, false,
                false);
        chart.getXYPlot().setRangeAxis(new LogAxis("latency, ms (log)"));
        return chart;
    }

    /** Each path's most per second beside the two ceilings. */
    private static JFreeChart throughput(Results results) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        bars.addValue(results.rawBroker().receivedPerSecond(), "per second", "raw broker");
        for (Results.PathResult path : results.allOut()) {
            bars.addValue(path.perSecond(), "per second", shortName(path.path()));
        }
        results.endToEnd().stream().filter(Results.EndToEndPoint::sustained)
                .mapToDouble(Results.EndToEndPoint::webhooksPerSecond).max()
                .ifPresent(best -> bars.addValue(best, "per second", "end to end (sustained)"));
        return ChartFactory.createBarChart("Each path beside the HTTP ceiling and the raw broker", null,
                "messages or requests per second", bars, PlotOrientation.VERTICAL, false, false, false);
    }

    private static String shortName(String path) {
        int colon = path.indexOf(':');
        int parenthesis = path.indexOf(" (");
        return colon > 0 ? path.substring(0, colon) : parenthesis > 0 ? path.substring(0, parenthesis) : path;
    }
}
