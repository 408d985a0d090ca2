package com.civilsafety.app.slice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST API as a demo user calls it, with raw JSON in and out. */
final class Api {
    static final String PASSWORD = "demo123";
    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    record Reply(int status, JsonNode body, HttpHeaders headers) {
        String detail() {
            return body.path("detail").asText();
        }

        JsonNode fieldErrors() {
            return body.path("errors");
        }
    }

    Reply get(String user, String path) {
        return exchange(user, PASSWORD, HttpMethod.GET, path, null);
    }

    Reply post(String user, String path, String body) {
        return exchange(user, PASSWORD, HttpMethod.POST, path, body);
    }

    Reply exchange(String user, String password, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode node = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Reply(response.getStatusCode().value(), node, response.getHeaders());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
