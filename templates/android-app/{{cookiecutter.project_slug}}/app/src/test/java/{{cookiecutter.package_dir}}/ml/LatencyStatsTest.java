package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The latency readout's statistics, against values worked out by hand (and by numpy.percentile). */
public class LatencyStatsTest {

    private static final double EPS = 1e-9;

    @Test
    public void percentilesInterpolateBetweenRanks() {
        LatencyStats stats = new LatencyStats(100);
        // 1..100 in a scrambled order: the window sorts a copy, never its samples.
        for (int i = 0; i < 100; i++) {
            stats.add((i * 37) % 100 + 1);
        }
        assertEquals(100, stats.count());
        assertEquals(50.5, stats.mean(), EPS);
        assertEquals(50.5, stats.percentile(50), EPS);
        assertEquals(95.05, stats.percentile(95), EPS);
        assertEquals(1.0, stats.percentile(0), EPS);
        assertEquals(100.0, stats.percentile(100), EPS);
    }

    @Test
    public void knownSample() {
        LatencyStats stats = new LatencyStats(8);
        for (double ms : new double[] {12.0, 7.5, 30.25, 8.0, 9.0}) {
            stats.add(ms);
        }
        // numpy.percentile([12, 7.5, 30.25, 8, 9], [50, 95]) == [9.0, 26.6])
        assertEquals(9.0, stats.percentile(50), EPS);
        assertEquals(26.6, stats.percentile(95), EPS);
        assertEquals(13.35, stats.mean(), EPS);
    }

    @Test
    public void theWindowForgetsTheOldest() {
        LatencyStats stats = new LatencyStats(3);
        for (double ms : new double[] {1000, 1, 2, 3}) {
            stats.add(ms);
        }
        assertEquals(3, stats.count());
        assertEquals(2.0, stats.mean(), EPS);
        assertEquals(3.0, stats.percentile(100), EPS);
        stats.clear();
        assertEquals(0, stats.count());
        assertTrue(Double.isNaN(stats.mean()));
        assertTrue(Double.isNaN(stats.percentile(50)));
    }

    @Test
    public void monitorSummarizesEachStage() {
        LatencyMonitor monitor = new LatencyMonitor(4);
        monitor.add(Timing.ofNanos(0, 1_000_000, 11_000_000, 11_500_000));
        monitor.add(Timing.ofNanos(0, 3_000_000, 23_000_000, 24_500_000));
        LatencyMonitor.Summary summary = monitor.summary();
        assertEquals(2, summary.count());
        assertEquals(2.0, summary.preprocess().mean(), EPS);
        assertEquals(15.0, summary.inference().mean(), EPS);
        assertEquals(19.5, summary.inference().p95(), EPS);
        assertEquals(1.0, summary.postprocess().p50(), EPS);
    }

    @Test(expected = IllegalArgumentException.class)
    public void percentOutOfRangeIsRefused() {
        new LatencyStats(1).percentile(101);
    }
}
