package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.api.security.EndpointRules;
import com.civilsafety.app.testsupport.Api;
import com.civilsafety.ledger.access.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every role × own and another region, generated from the application's own endpoint list: an
 * endpoint without a rule in {@link EndpointRules} fails here; a role outside the rule gets the filter's 403 and a
 * role inside never does; a record of another region or institution is not found (404) where one's own is (200).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixTest {
    /** A demo user of each role (README). */
    private static final Map<Role, String> USERS = new LinkedHashMap<>(Map.of(
            Role.BUREAU_ADMIN, "admin", Role.BUREAU_SECTION, "fuli", Role.LEADER, "leader",
            Role.TOWNSHIP_OFFICER, "town1", Role.INSTITUTION_MANAGER, "inst001", Role.INSPECTOR, "inspector1"));
    /** What the security filter answers a role outside the rule: nothing past it does. */
    private static final String FILTER_REFUSAL = "没有权限";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    /** The application's endpoints as (method, path pattern). */
    private List<Map.Entry<HttpMethod, String>> endpoints() {
        List<Map.Entry<HttpMethod, String>> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    all.add(Map.entry(HttpMethod.valueOf(method.name()), pattern));
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(30);
        return all;
    }

    @Test
    void everyEndpointHasARule() {
        List<String> missing = endpoints().stream()
                .filter(e -> EndpointRules.of(e.getKey(), concrete(e.getValue(), 1)).isEmpty())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertThat(missing).as("endpoints without a rule in EndpointRules").isEmpty();
    }

    @Test
    void eachRoleIsLetThroughExactlyWhereItsRuleSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<HttpMethod, String> endpoint : endpoints()) {
            String path = concrete(endpoint.getValue(), 1);
            Optional<EndpointRules.Rule> rule = EndpointRules.of(endpoint.getKey(), path);
            if (rule.isEmpty()) {
                continue; // reported by everyEndpointHasARule
            }
            for (Map.Entry<Role, String> user : USERS.entrySet()) {
                Api.Reply reply = api.any(user.getValue(), endpoint.getKey(), path,
                        endpoint.getKey() == HttpMethod.GET ? null : "{}");
                boolean refusedByRule = reply.status() == 403 && FILTER_REFUSAL.equals(reply.detail());
                boolean allowed = rule.get().roles().isEmpty() || rule.get().roles().contains(user.getKey());
                if (allowed == refusedByRule) {
                    wrong.add(endpoint.getKey() + " " + path + " as " + user.getKey() + ": " + reply.status() + " " + reply.detail());
                }
                assertThat(reply.status()).as(endpoint + " as " + user.getValue()).isLessThan(500);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void recordsOfAnotherRegionOrInstitutionAreNotFound() {
        long own = hazardAt("JG001");
        long other = hazardAt(jdbc.queryForObject("""
                select min(i.code) from institution i join region r on r.id = i.region_id where r.name = '东山镇'""", String.class));
        long ownInstitution = jdbc.queryForObject("select id from institution where code = 'JG001'", Long.class);
        long neighbour = jdbc.queryForObject("select id from institution where code = 'JG002'", Long.class); // same township
        long otherTownship = jdbc.queryForObject("""
                select min(i.id) from institution i join region r on r.id = i.region_id where r.name = '东山镇'""", Long.class);
        List<String> byHazard = List.of("/api/hazards/{id}", "/api/hazards/{id}/attachments");
        List<String> byInstitution = List.of("/api/institutions/{id}/campaigns", "/api/institutions/{id}/help-visits");
        for (String pattern : byHazard) {
            assertThat(api.get("town1", concrete(pattern, own)).status()).as(pattern + " own, town1").isEqualTo(200);
            assertThat(api.get("town1", concrete(pattern, other)).status()).as(pattern + " other, town1").isEqualTo(404);
            assertThat(api.get("inst001", concrete(pattern, own)).status()).as(pattern + " own, inst001").isEqualTo(200);
            assertThat(api.get("inst001", concrete(pattern, other)).status()).as(pattern + " other, inst001").isEqualTo(404);
            assertThat(api.get("fuli", concrete(pattern, other)).status()).as(pattern + " the county sees both").isEqualTo(200);
        }
        for (String pattern : byInstitution) {
            assertThat(api.get("town1", concrete(pattern, ownInstitution)).status()).as(pattern + " own, town1").isEqualTo(200);
            assertThat(api.get("town1", concrete(pattern, otherTownship)).status()).as(pattern + " other, town1").isEqualTo(404);
            assertThat(api.get("inst001", concrete(pattern, ownInstitution)).status()).as(pattern + " own, inst001").isEqualTo(200);
            assertThat(api.get("inst001", concrete(pattern, neighbour)).status()).as(pattern + " neighbour, inst001").isEqualTo(404);
        }
    }

    private long hazardAt(String institutionCode) {
        long institution = jdbc.queryForObject("select id from institution where code = ?", Long.class, institutionCode);
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "权限矩阵样例", "criterionCode": "GEN-FIRE", "source": "DEPARTMENT_CHECK",
                 "foundOn": "%s"}""".formatted(institution, LocalDate.now()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.body().path("id").asLong();
    }

    private static String concrete(String pattern, long id) {
        return pattern.replaceAll("\\{[^}]+}", String.valueOf(id));
    }
}
