package dev.ktx.ingest.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** One value of a service replica's Prometheus metrics ({@code /q/metrics}). */
final class ServiceMetrics {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceMetrics() {}

    /** The sample of an unlabelled gauge such as {@code ktx_source_jobs_in_flight}; 0 when the replica does not answer. */
    static double gauge(String baseUrl, String name) {
        return sample(baseUrl, name);
    }

    /**
     * The first sample of {@code name} whose labels include every one of {@code labels} (each {@code key="value"});
     * 0 when there is none or the replica does not answer.
     */
    static double sample(String baseUrl, String name, String... labels) {
        try {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return text.lines()
                    .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .filter(line -> Arrays.stream(labels)
                            .allMatch(label ->
                                    line.substring(0, line.lastIndexOf(' ')).contains(label)))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElse(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception notAnswering) {
            return 0;
        }
    }
}
