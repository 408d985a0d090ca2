package com.civilsafety.app.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * The test Keycloak (started by {@code deploy/local/keycloak.sh start}, realm deploy/keycloak/civil-safety-realm.json):
 * access tokens by password grant for the demo users. An unreachable server fails the test with a hint; the tests are
 * skipped only when {@code -Dcivil-safety.skip-keycloak=true} is given (CI never gives it).
 */
public final class KeycloakServer {
    public static final String URL = "http://127.0.0.1:" + env("CIVIL_SAFETY_KEYCLOAK_PORT", "8180");
    public static final String ISSUER = URL + "/realms/civil-safety";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakServer() {
    }

    /** Skips on request, fails with a hint when the server is not there. */
    public static void require() {
        Assumptions.assumeFalse(Boolean.getBoolean("civil-safety.skip-keycloak"),
                "Keycloak tests skipped on request (-Dcivil-safety.skip-keycloak=true)");
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("realm civil-safety not found at " + ISSUER);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak not reachable at " + URL
                    + " — start it with deploy/local/keycloak.sh start (or skip with -Dcivil-safety.skip-keycloak=true)", e);
        }
    }

    /** An access token of the civil-safety realm for a demo user, through a client that puts the API in its audience. */
    public static String token(String username) {
        return password("civil-safety", "civil-safety-e2e", username, "demo123");
    }

    /** A token of the same realm from a client that does not name the API as audience. */
    public static String tokenWithoutApiAudience(String username) {
        return password("civil-safety", "civil-safety-other", username, "demo123");
    }

    /** A token of another realm (master): another issuer and another signing key. */
    public static String tokenOfAnotherRealm() {
        return password("master", "admin-cli", "admin", "admin");
    }

    private static String password(String realm, String client, String username, String password) {
        String form = "grant_type=password&client_id=" + client + "&username=" + enc(username) + "&password=" + enc(password);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + " from " + realm + "/" + client + ": " + r.body());
            }
            return body.path("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
