package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API as a resource server of the real Keycloak realm (deploy/keycloak/): tokens of each role sign in with the
 * region and institution of the token as their data scope; no token, a bad one, another issuer's or one without the
 * API audience answer 401; a role without the right 403; the local login is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:keycloak;DB_CLOSE_DELAY=-1", "civil-safety.demo-data.enabled=true"})
@ActiveProfiles("keycloak")
class KeycloakSignInTest {
    /** Each demo user of the realm: role, and the data scope the token gives. */
    private static final Map<String, List<String>> USERS = Map.of(
            "admin", List.of("bureau-admin", "安澜县"),
            "fuli", List.of("bureau-section", "安澜县"),
            "leader", List.of("leader", "安澜县"),
            "town1", List.of("township-officer", "城关镇"),
            "inst001", List.of("institution-manager", "城关镇"),
            "inspector1", List.of("inspector", "安澜县"),
            "expert1", List.of("expert", "安澜县"),
            "thirdparty1", List.of("third-party", "安澜县"));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeAll
    static void keycloak() {
        KeycloakServer.require();
    }

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void everyRoleSignsInWithTheScopeOfItsToken() {
        USERS.forEach((username, expected) -> {
            Api.Reply me = api.bearer(KeycloakServer.token(username), HttpMethod.GET, "/api/me", null);
            assertThat(me.status()).as(username + ": " + me.body()).isEqualTo(200);
            assertThat(me.body().path("username").asText()).isEqualTo(username);
            assertThat(texts(me.body().path("roles"))).containsExactly(expected.get(0));
            assertThat(me.body().path("personId").asLong()).as("the ledger's person of that username").isPositive();
            assertThat(api.bearer(KeycloakServer.token(username), HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(200);
        });
        // the institution claim narrows an institution manager to its institution
        JsonNode institutions = api.bearer(KeycloakServer.token("inst001"), HttpMethod.GET, "/api/institutions", null).body();
        assertThat(institutions.path("items")).hasSize(1);
        assertThat(institutions.path("items").get(0).path("code").asText()).isEqualTo("JG001");
        // the region claim narrows a township officer to its township
        JsonNode township = api.bearer(KeycloakServer.token("town1"), HttpMethod.GET, "/api/institutions?size=100", null).body();
        assertThat(StreamSupport.stream(township.path("items").spliterator(), false).map(i -> i.path("township").asText()))
                .isNotEmpty().containsOnly("城关镇");
        assertThat(api.bearer(KeycloakServer.token("fuli"), HttpMethod.GET, "/api/me", null).body().path("displayName").asText())
                .as("family name first").isEqualTo("钱福利股");
        // the body a third party acts for comes with its token, and signs its acceptances
        jdbc.update("update person set organisation = null where username = 'thirdparty1'");
        assertThat(api.bearer(KeycloakServer.token("thirdparty1"), HttpMethod.GET, "/api/me", null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select organisation from person where username = 'thirdparty1'", String.class))
                .isEqualTo("江南安泰安全技术服务有限公司");
        // and the section a section's person works in: its field's consolidations are theirs
        jdbc.update("update person set section = null where username = 'fuli'");
        assertThat(api.bearer(KeycloakServer.token("fuli"), HttpMethod.GET, "/api/me", null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select section from person where username = 'fuli'", String.class)).isEqualTo("福利股");
    }

    @Test
    void withoutAValidTokenForThisApiNothingIsAnswered() {
        assertUnauthorized(api.bearer(null, HttpMethod.GET, "/api/tasks", null));
        assertUnauthorized(api.bearer("not-a-token", HttpMethod.GET, "/api/tasks", null));
        String token = KeycloakServer.token("fuli");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertUnauthorized(api.bearer(tampered, HttpMethod.GET, "/api/tasks", null));
        assertUnauthorized(api.bearer(KeycloakServer.tokenOfAnotherRealm(), HttpMethod.GET, "/api/tasks", null));
        assertUnauthorized(api.bearer(KeycloakServer.tokenWithoutApiAudience("fuli"), HttpMethod.GET, "/api/tasks", null));
        // the local accounts do not sign in when Keycloak does
        assertUnauthorized(api.get("fuli", "/api/tasks"));
    }

    @Test
    void aRoleWithoutTheRightIsRefused() {
        Api.Reply refused = api.bearer(KeycloakServer.token("inst001"), HttpMethod.GET, "/api/statistics", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).isNotBlank();
        assertThat(api.bearer(KeycloakServer.token("town1"), HttpMethod.GET, "/actuator/metrics", null).status()).isEqualTo(403);
    }

    private static void assertUnauthorized(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
        assertThat(reply.detail()).isNotBlank();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
