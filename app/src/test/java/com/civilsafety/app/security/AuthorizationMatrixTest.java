package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.api.security.EndpointRules;
import com.civilsafety.app.testsupport.Api;
import com.civilsafety.ledger.access.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
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
 * Every API endpoint × every role × own and another region, against the whole application with its ledger: a role
 * outside the rule gets the filter's 403 and a role inside never does, nothing answers 5xx, HEAD answers as GET does;
 * a record of another region or institution is not found (404) where one's own is (200). That every endpoint has a
 * rule and that a method without one is refused is the web layer's alone: EndpointRulesSliceTest (web-api).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixTest {
    /** A demo user of each role (README). */
    private static final Map<Role, String> USERS = new LinkedHashMap<>(Map.of(
            Role.BUREAU_ADMIN, "admin", Role.BUREAU_SECTION, "fuli", Role.LEADER, "leader",
            Role.TOWNSHIP_OFFICER, "town1", Role.INSTITUTION_MANAGER, "inst001", Role.INSPECTOR, "inspector1",
            Role.EXPERT, "expert1", Role.THIRD_PARTY, "thirdparty1"));
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
    void eachRoleIsLetThroughExactlyWhereItsRuleSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<HttpMethod, String> endpoint : endpoints()) {
            String path = concrete(endpoint.getValue(), 1);
            Optional<EndpointRules.Rule> rule = EndpointRules.of(endpoint.getKey(), path);
            if (rule.isEmpty()) {
                continue; // reported by EndpointRulesSliceTest.everyEndpointHasARule
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
                if (endpoint.getKey() == HttpMethod.GET) {
                    // HEAD is GET without the body: never let through where GET is not
                    int head = api.any(user.getValue(), HttpMethod.HEAD, path, null).status();
                    if (head != reply.status()) {
                        wrong.add("HEAD " + path + " as " + user.getKey() + ": " + head + ", GET: " + reply.status());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Where an endpoint addresses one record (a path variable), the record must lie in the caller's scope: a township
     * officer gets its township's records and not another's (404). Every such endpoint is either checked here, by the
     * kind of record its path names, or says where it is checked; a new one that does neither fails.
     */
    @Test
    void everyRecordEndpointKeepsToTheCallersRegion() {
        long ownHazard = hazardAt("JG001");
        long otherHazard = hazardAt(jdbc.queryForObject("""
                select min(i.code) from institution i join region r on r.id = i.region_id where r.name = '东山镇'""", String.class));
        long ownInstitution = jdbc.queryForObject("select id from institution where code = 'JG001'", Long.class);
        long otherInstitution = jdbc.queryForObject("""
                select min(i.id) from institution i join region r on r.id = i.region_id where r.name = '东山镇'""", Long.class);
        long ownTask = awaitTask("town1", ownHazard);
        long otherTask = awaitTask("town2", otherHazard);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        long ownFile = api.upload("town1", "/api/hazards/" + ownHazard + "/attachments", "a.png", png).body().path("id").asLong();
        long otherFile = api.upload("town2", "/api/hazards/" + otherHazard + "/attachments", "b.png", png).body().path("id").asLong();
        // by the first path segment: the records town1 may and may not address
        Map<String, long[]> records = Map.of("hazards", new long[]{ownHazard, otherHazard},
                "institutions", new long[]{ownInstitution, otherInstitution}, "tasks", new long[]{ownTask, otherTask},
                "attachments", new long[]{ownFile, otherFile});
        Map<String, String> checkedElsewhere = Map.of(
                "campaigns", "a campaign belongs to the regions it was deployed over: all in them see it (CampaignService)",
                "campaign-tasks", "CampaignRunContract: another institution's self-check is not found",
                "dispatch-reports", "CampaignRunContract: another township's report is not found",
                "public", "public by tracking code (WhistleblowerApiTest)",
                "whistleblower-reports", "WhistleblowerApiTest: another township's report is not found",
                "process-models", "the deployed BPMN models, the same for every signed-in person (WebUiSupportTest)",
                "admin", "county-wide administration, for the bureau administrator only (IncidentApiTest)",
                "process-instances", "the bureau's and leaders' console: an instance out of the caller's region is not found (ProcessInstanceConsoleTest)",
                "notifications", "one's own notices only: another person's is not found (NotificationDeliveryTest)");
        List<String> unchecked = new ArrayList<>();
        for (Map.Entry<HttpMethod, String> endpoint : endpoints()) {
            String pattern = endpoint.getValue();
            if (!pattern.contains("{")) {
                continue;
            }
            String kind = pattern.split("/")[2];
            long[] ids = records.get(kind);
            if (ids == null) {
                if (!checkedElsewhere.containsKey(kind)) {
                    unchecked.add(endpoint.getKey() + " " + pattern);
                }
                continue;
            }
            HttpMethod method = endpoint.getKey();
            Set<Role> roles = EndpointRules.of(method, concrete(pattern, 1)).orElseThrow().roles();
            if (!roles.isEmpty() && !roles.contains(Role.TOWNSHIP_OFFICER)) {
                continue; // refused for the role already (eachRoleIsLetThroughExactlyWhereItsRuleSays)
            }
            if (method == HttpMethod.GET) {
                assertThat(api.any("town1", method, concrete(pattern, ids[0]), null).status()).as(pattern + " own").isEqualTo(200);
            }
            Api.Reply other = pattern.endsWith("/attachments") && method == HttpMethod.POST
                    ? api.upload("town1", concrete(pattern, ids[1]), "c.png", png)
                    : api.any("town1", method, concrete(pattern, ids[1]), method == HttpMethod.GET ? null : "{}");
            assertThat(other.status()).as(method + " " + pattern + " of another township").isEqualTo(404);
        }
        assertThat(unchecked).as("record endpoints with no region check").isEmpty();
        // an institution manager: its own institution's records, not its neighbour's in the same township
        long neighbour = jdbc.queryForObject("select id from institution where code = 'JG002'", Long.class);
        assertThat(api.get("inst001", "/api/institutions/" + ownInstitution + "/campaigns").status()).isEqualTo(200);
        assertThat(api.get("inst001", "/api/institutions/" + neighbour + "/campaigns").status()).isEqualTo(404);
        assertThat(api.get("inst001", "/api/hazards/" + hazardAt("JG002")).status()).isEqualTo(404);
        assertThat(api.get("fuli", "/api/hazards/" + otherHazard).status()).as("the county sees both").isEqualTo(200);
    }

    private long awaitTask(String user, long hazardId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                .filter(t -> t.path("subjectId").asLong() == hazardId).map(t -> t.path("id").asLong()).findFirst().orElse(null),
                id -> id != null);
    }

    private long hazardAt(String institutionCode) {
        long institution = jdbc.queryForObject("select id from institution where code = ?", Long.class, institutionCode);
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "权限矩阵样例", "criterionCode": "GEN-FIRE", "source": "DEPARTMENT_CHECK",
                 "foundOn": "%s"}""".formatted(institution, api.today()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.body().path("id").asLong();
    }

    private static String concrete(String pattern, long id) {
        return pattern.replaceAll("\\{[^}]+}", String.valueOf(id));
    }
}
