package com.civilsafety.app.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST API as a demo user calls it, with raw JSON in and out. */
public final class Api {
    public static final String PASSWORD = "demo123";
    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public record Reply(int status, JsonNode body, HttpHeaders headers) {
        public String detail() {
            return body.path("detail").asText();
        }

        public JsonNode fieldErrors() {
            return body.path("errors");
        }
    }

    /** The platform's today (China's date on its clock, which the calendar sweep starts elsewhere). */
    public LocalDate today() {
        return LocalDate.parse(get(null, "/api/ui-config").body().path("today").asText());
    }

    public Reply get(String user, String path) {
        return exchange(user, PASSWORD, HttpMethod.GET, path, null);
    }

    public Reply post(String user, String path, String body) {
        return exchange(user, PASSWORD, HttpMethod.POST, path, body);
    }

    public Reply put(String user, String path, String body) {
        return exchange(user, PASSWORD, HttpMethod.PUT, path, body);
    }

    /** A multipart upload of one file as the form field {@code file} (user null: without signing in). */
    public Reply upload(String user, String path, String filename, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return parse(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class));
    }

    /** The raw bytes of a download, with its status and headers. */
    public ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    public Reply exchange(String user, String password, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return parse(rest.exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    /** Any request as a user: the body is read as JSON when it is JSON (a problem document), else left out. */
    public Reply any(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        MediaType type = response.getHeaders().getContentType();
        boolean isJson = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        return isJson ? parse(response) : new Reply(response.getStatusCode().value(), json.nullNode(), response.getHeaders());
    }

    /** A request with an OAuth2 bearer token (null: none at all). */
    public Reply bearer(String token, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return parse(rest.exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    private Reply parse(ResponseEntity<String> response) {
        try {
            JsonNode node = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Reply(response.getStatusCode().value(), node, response.getHeaders());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
