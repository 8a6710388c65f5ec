import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded loopback load generator for the reference server, for BENCHMARKS.md; not a test. Each of
 * N threads sends GETs one after the other for a fixed time, after a warm-up, and the requests per
 * second and latency percentiles of all of them are printed as one Markdown table row.
 *
 * <pre>
 * java scripts/HttpBench.java URL TOKEN keepalive|close [seconds=10] [connections=4] [label]
 * </pre>
 *
 * <p>keepalive: one java.net.http HttpClient (HTTP/1.1) per thread, so each thread reuses one
 * connection. close: HttpURLConnection with {@code Connection: close}, a new TCP connection per
 * request. Every answer must be a 200, else the run fails.
 */
public final class HttpBench {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String token = args[1];
    boolean keepAlive = args[2].equals("keepalive");
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int connections = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    String label = args.length > 5 ? args[5] : uri.getPath();
    System.setProperty("http.keepAlive", String.valueOf(keepAlive));

    run(uri, token, keepAlive, 3, connections); // warm-up, not reported
    long[] latencies = run(uri, token, keepAlive, seconds, connections);
    Arrays.sort(latencies);
    double perSecond = latencies.length / (double) seconds;
    System.out.printf(
        "| %s | %s | %d | %,.0f | %.2f | %.2f |%n",
        label,
        keepAlive ? "keep-alive" : "close",
        connections,
        perSecond,
        percentile(latencies, 0.50) / 1e6,
        percentile(latencies, 0.99) / 1e6);
  }

  private static long[] run(URI uri, String token, boolean keepAlive, int seconds, int threads)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(() -> keepAlive ? keepAlive(uri, token, end) : close(uri, token, end)));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : futures) {
        all.add(f.get());
      }
      return all.stream().flatMapToLong(Arrays::stream).toArray();
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] keepAlive(URI uri, String token, long end) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    Latencies out = new Latencies();
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      out.add(System.nanoTime() - start);
      check(response.statusCode());
    }
    return out.toArray();
  }

  private static long[] close(URI uri, String token, long end) throws IOException {
    Latencies out = new Latencies();
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Connection", "close");
      int status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      connection.disconnect();
      out.add(System.nanoTime() - start);
      check(status);
    }
    return out.toArray();
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("answered " + status);
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
