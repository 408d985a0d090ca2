package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.RawHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * What a request may be: a body of reasonable size (refused before it is read otherwise), JSON only, pages within
 * range — and whatever is refused is refused in words of ours, never with the name of a class or library. The
 * metrics are the administrator's on the application port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsTest {
    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() throws Exception {
        // declared: 150 MB, of which a few bytes are sent — the answer comes at once
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/process-models/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + RawHttp.basic("fuli", Api.PASSWORD)
                    + "\r\nContent-Type: application/xml\r\nContent-Length: 157286400\r\n\r\n<definitions").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        // streamed in chunks without a length: refused as soon as it passes the limit
        byte[] chunk = "<x>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long sent;
            private int at;

            @Override
            public int read() {
                if (sent >= 9L * 1024 * 1024) { // just past the 8 MB limit: the rest is swallowed, the answer read
                    return -1;
                }
                sent++;
                return chunk[at++ % chunk.length];
            }
        };
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/process-models/check")).timeout(Duration.ofSeconds(60))
                .header("Authorization", RawHttp.basic("fuli", Api.PASSWORD)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("请求内容超过大小上限");
    }

    @Test
    void bodiesAreJsonPagesInRangeAndRefusalsInOurWords() {
        RawHttp http = new RawHttp(port);
        RawHttp.Reply yaml = http.send("POST", "/api/public/whistleblower-reports",
                "institutionId: 1\ndescription: 二楼灭火器过期\nreporterKind: PUBLIC\nsurprise: true\n", "Content-Type", "application/yaml");
        assertThat(yaml.status()).isEqualTo(415);
        RawHttp.Reply yamlSignedIn = http.send("POST", "/api/hazards", "institutionId: 1\n", "Content-Type", "application/x-yaml",
                "Authorization", RawHttp.basic("inspector1", Api.PASSWORD));
        assertThat(yamlSignedIn.status()).isEqualTo(415);

        Api api = new Api(rest);
        Api.Reply page = api.get("fuli", "/api/hazards?page=99999999&size=200");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.fieldErrors().toString()).contains("page");
        assertThat(api.get("fuli", "/api/institutions?page=2147483647").status()).isEqualTo(400);

        // a record where an object was expected, a date where a number was: said without naming a class
        Api.Reply plan = api.post("fuli", "/api/campaigns", """
                {"name": "x", "leadOrganisation": "y", "regionIds": [1], "institutionTypes": ["ELDERLY_CARE"],
                 "phases": [], "inspection": 5}""");
        Api.Reply number = api.post("inspector1", "/api/hazards", "{\"institutionId\": \"2026-01-01\"}");
        Api.Reply array = api.post("inspector1", "/api/hazards", "[]");
        Api.Reply broken = api.post("inspector1", "/api/hazards", "{\"institutionId\": ");
        for (Api.Reply reply : java.util.List.of(plan, number, array, broken)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().toString()).doesNotContainPattern("[A-Z][a-z]+(Plan|Report|Form|Exception|Request)\\b")
                    .doesNotContainPattern("\\b(java|javax|jakarta|org|com|io)\\.[a-z]")
                    .doesNotContain("Jackson", "Spring", "Hibernate", "POI");
        }
    }

    /** Malformed requests are the caller's mistake (4xx), never the server's (500). */
    @Test
    void malformedRequestsAreRefusedAsSuch() {
        RawHttp http = new RawHttp(port);
        RawHttp.Reply badType = http.send("POST", "/api/public/whistleblower-reports", "{}", "Content-Type", "x");
        assertThat(badType.status()).isBetween(400, 499);
        RawHttp.Reply oddPath = http.send("GET", "/api/public/whistleblower-reports/%C2%85%E2%80%A8", null);
        assertThat(oddPath.status()).isBetween(400, 499);
        RawHttp.Reply encodedLetter = http.send("GET", "/api/%68azards", null, "Authorization", RawHttp.basic("fuli", Api.PASSWORD));
        assertThat(encodedLetter.status()).isEqualTo(400);
        assertThat(encodedLetter.body()).contains("请求地址不规范");
        for (String type : java.util.List.of("*/*", "application/*", "text/*", "*", "x")) {
            assertThat(http.send("POST", "/api/session", "{}", "Content-Type", type).status()).as(type).isEqualTo(415);
        }
        assertThat(http.send("POST", "/api/hazards", "a\nb=1", "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", RawHttp.basic("inspector1", Api.PASSWORD)).status()).isBetween(400, 499);
        RawHttp.Reply badFilter = http.send("GET", "/api/hazards?status=x&foundFrom=y", null,
                "Authorization", RawHttp.basic("fuli", Api.PASSWORD));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("status", "foundFrom").doesNotContain("java.", "com.civilsafety", "Failed to convert");
        RawHttp.Reply chineseQuery = http.send("GET", "/api/public/institutions?name=%E5%9F%8E%E5%85%B3%E9%95%87", null);
        assertThat(chineseQuery.status()).as("Chinese in the query is welcome").isEqualTo(200);
    }

    @Test
    void theMetricsAreTheAdministratorsOnTheApplicationPort() {
        Api api = new Api(rest);
        assertThat(api.bearer(null, HttpMethod.GET, "/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(new RawHttp(port).send("GET", "/%61ctuator/prometheus", null).status()).isEqualTo(400);
        assertThat(api.any("inst001", HttpMethod.GET, "/actuator/prometheus", null).status()).isEqualTo(403);
        // the administrator passes (the exporter itself is off in tests; MetricsTest scrapes it with observability on)
        assertThat(api.any("admin", HttpMethod.GET, "/actuator/prometheus", null).status()).isNotIn(401, 403);
        assertThat(api.bearer(null, HttpMethod.GET, "/actuator/health", null).status()).isEqualTo(200);
    }
}
