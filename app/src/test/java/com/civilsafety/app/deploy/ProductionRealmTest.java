package com.civilsafety.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The realm a production stack imports ({@code deploy/keycloak/production/}) holds no people and no way to trade a
 * password for a token outside Keycloak's own sign-in page; its secrets come from the environment. The demo realm
 * (demo users, the tests' password-grant clients) is for local runs and CI only. Both describe the same roles, user
 * profile and token claims, so that what the tests prove of the one holds for the other.
 */
class ProductionRealmTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProductionRealmHasNoUsersNoPasswordGrantAndNoSecretInIt() throws IOException {
        JsonNode realm = read("keycloak/production/civil-safety-realm.json");

        assertThat(realm.path("users")).as("people are created by the county's administrator, not shipped").isEmpty();
        assertThat(realm.path("registrationAllowed").asBoolean(true)).isFalse();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("%s: password grant", id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as("%s: implicit flow", id).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as("%s: service account", id).isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as("%s: secret from the environment", id).matches("\\$\\{[A-Z_]+}");
            }
            if (client.path("publicClient").asBoolean() && client.path("standardFlowEnabled").asBoolean(true)) {
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).as("%s: PKCE", id).isEqualTo("S256");
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asText()).as("%s: redirect addresses of the deployment only", id).startsWith("${");
            }
        }
        // Keycloak gives every realm an admin-cli client that takes passwords: the realm names it, with that turned off
        assertThat(texts(realm.path("clients"), "clientId")).containsExactlyInAnyOrder("civil-safety-api", "civil-safety-ui", "admin-cli");
    }

    @Test
    void bothRealmsDescribeTheSameRolesProfileAndClaims() throws IOException {
        JsonNode production = read("keycloak/production/civil-safety-realm.json");
        JsonNode demo = read("keycloak/demo/civil-safety-realm.json");

        assertThat(production.path("realm")).isEqualTo(demo.path("realm"));
        assertThat(production.path("roles")).isEqualTo(demo.path("roles"));
        assertThat(production.path("components")).as("the declared user profile (region, institution)").isEqualTo(demo.path("components"));
        assertThat(client(production, "civil-safety-ui").path("protocolMappers"))
                .isEqualTo(client(demo, "civil-safety-ui").path("protocolMappers"));
    }

    @Test
    void theComposeStackImportsTheProductionRealm() throws IOException {
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"));
        assertThat(compose).contains("./keycloak/production/civil-safety-realm.json:/opt/keycloak/data/import/")
                .doesNotContain("keycloak/demo/")
                .contains("CIVIL_SAFETY_API_CLIENT_SECRET: ${CIVIL_SAFETY_API_CLIENT_SECRET:?");
    }

    /** An unchanged copy of env.example must not start: compose refuses an empty secret. */
    @Test
    void theExampleEnvironmentHoldsNoSecret() throws IOException {
        List<String> secrets = Files.readAllLines(DEPLOY.resolve("env.example")).stream()
                .filter(line -> line.matches("[A-Z_]*(PASSWORD|SECRET)=.*")).toList();
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(7).allMatch(line -> line.endsWith("="));
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"));
        for (String line : secrets) {
            assertThat(compose).contains("${" + line.substring(0, line.indexOf('=')) + ":?");
        }
    }

    private static JsonNode read(String path) throws IOException {
        return JSON.readTree(DEPLOY.resolve(path).toFile());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
