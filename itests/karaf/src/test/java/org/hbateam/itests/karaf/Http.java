package org.hbateam.itests.karaf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain requests against an instance's HTTP service, answered as "status body". */
final class Http {
    /** The header the page's operations must carry (a CSRF guard). */
    static final String CSRF_HEADER = "X-Requested-By";

    private Http() {
    }

    /** A GET as the shipped viewer user, who may read the page. */
    static String get(KarafInstance karaf, String path) throws IOException, InterruptedException {
        return send(karaf, "GET", path, basic("viewer", "viewer"), false);
    }

    /** A request with {@code authorization} (null: none) and, if {@code csrf}, the operations' header. */
    static String send(KarafInstance karaf, String method, String path, String authorization, boolean csrf)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort() + path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (csrf) {
            request.header(CSRF_HEADER, "itest");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
