package dev.ktx.ingest.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations of one case, in milliseconds. */
final class Timings {

    private final List<Double> millis = new ArrayList<>();

    void add(double value) {
        millis.add(value);
    }

    int count() {
        return millis.size();
    }

    double median() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    double min() {
        return Collections.min(millis);
    }

    static double since(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }
}
