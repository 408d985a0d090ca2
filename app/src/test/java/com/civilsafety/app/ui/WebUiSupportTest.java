package com.civilsafety.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the web UI relies on from the server: the page served for every UI address (and not for unknown API ones), its
 * sign-in session with CSRF protection and a lockout after repeated wrong passwords, the region tree, institution
 * filters and details, and the BPMN models for its diagrams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebUiSupportTest {
    @Autowired
    TestRestTemplate rest;
    final ObjectMapper json = new ObjectMapper();
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theUiIsServedForItsAddressesAndUnknownApiAddressesStay404() {
        ResponseEntity<String> page = rest.getForEntity("/hazards/12", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType()).isNotNull();
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<div id=\"app\">").contains("/assets/");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        Matcher bundle = Pattern.compile("/assets/[^\"]+\\.js").matcher(page.getBody());
        assertThat(bundle.find()).isTrue();
        ResponseEntity<String> script = rest.getForEntity(bundle.group(), String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getHeaders().getCacheControl()).contains("max-age=31536000").contains("immutable");
        assertThat(rest.getForEntity("/", String.class).getBody()).isEqualTo(page.getBody());
        assertThat(rest.getForEntity("/assets/no-such-bundle.js", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(api.get("town1", "/api/no-such-endpoint").status()).isEqualTo(404);
        JsonNode config = api.get(null, "/api/ui-config").body();
        assertThat(config.path("authMode").asText()).isEqualTo("local");
    }

    @Test
    void aSignInSessionNeedsItsCsrfTokenForChangesAndEndsOnSignOut() throws Exception {
        ResponseEntity<String> signedIn = post("/api/session", "{\"username\": \"inst002\", \"password\": \"demo123\"}", new HttpHeaders());
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        String cookie = signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Strict");
        JsonNode me = json.readTree(signedIn.getBody());
        assertThat(me.path("username").asText()).isEqualTo("inst002");
        assertThat(me.path("roles").get(0).asText()).isEqualTo("institution-manager");

        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
        assertThat(exchange(HttpMethod.GET, "/api/tasks", null, session).getStatusCode().value()).isEqualTo(200);
        // a change riding on the cookie alone (as a forged cross-site request would) is refused
        ResponseEntity<String> forged = post("/api/hazards/1/extension-requests", "{}", session);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).contains("页面已过期");
        HttpHeaders withToken = new HttpHeaders();
        withToken.addAll(session);
        withToken.add(me.path("csrfHeader").asText(), me.path("csrfToken").asText());
        assertThat(post("/api/hazards", "{}", withToken).getStatusCode().value()).isEqualTo(400); // through to validation
        // another Authorization header does not stand in for the token while the cookie is what signs the request in
        HttpHeaders cookieAndHeader = new HttpHeaders();
        cookieAndHeader.addAll(session);
        cookieAndHeader.add(HttpHeaders.AUTHORIZATION, "Bearer made-up");
        assertThat(post("/api/hazards/1/extension-requests", "{}", cookieAndHeader).getStatusCode().value()).isEqualTo(403);
        // a browser's request from another site needs the token even with Basic credentials (a browser that once showed
        // the login box sends them along by itself); a script's, from no site, does not
        HttpHeaders crossSite = basic("inst003");
        crossSite.add("Origin", "https://evil.example");
        assertThat(post("/api/hazards", "{}", crossSite).getStatusCode().value()).isEqualTo(403);
        HttpHeaders fetchedCrossSite = basic("inst003");
        fetchedCrossSite.add("Sec-Fetch-Site", "cross-site");
        assertThat(post("/api/hazards", "{}", fetchedCrossSite).getStatusCode().value()).isEqualTo(403);
        assertThat(post("/api/hazards", "{}", basic("inst003")).getStatusCode().value()).isEqualTo(400); // through to validation
        // the token is a header, never a parameter (it would be written to the logs)
        assertThat(post("/api/hazards/1/extension-requests?_csrf=" + me.path("csrfToken").asText(), "{}", session)
                .getStatusCode().value()).isEqualTo(403);
        // HTTP Basic carries its credentials each time: no session is made for it
        assertThat(exchange(HttpMethod.GET, "/api/me", null, basic("inst003")).getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();

        assertThat(exchange(HttpMethod.DELETE, "/api/session", null, withToken).getStatusCode().value()).isEqualTo(204);
        assertThat(exchange(HttpMethod.GET, "/api/tasks", null, session).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreNamedAndRepeatedOnesAreRefusedForAWhile() throws Exception {
        ResponseEntity<String> empty = post("/api/session", "{\"username\": \"\", \"password\": \"\"}", new HttpHeaders());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(empty)).containsExactlyInAnyOrder("username", "password");
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> wrong = post("/api/session", "{\"username\": \"town7\", \"password\": \"guess" + i + "\"}",
                    new HttpHeaders());
            assertThat(wrong.getStatusCode().value()).isEqualTo(400);
            assertThat(fields(wrong)).containsExactly("password");
        }
        ResponseEntity<String> locked = post("/api/session", "{\"username\": \"town7\", \"password\": \"demo123\"}", new HttpHeaders());
        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getBody()).contains("分钟后再试");
        // one throttle for every door: HTTP Basic from the same client is refused too (SignInThrottleTest has the rest);
        // a UI request gets no Basic challenge (no browser login box)
        assertThat(api.get("town7", "/api/tasks").status()).isEqualTo(429);
        HttpHeaders ui = new HttpHeaders();
        ui.add("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> anonymous = exchange(HttpMethod.GET, "/api/me", null, ui);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(exchange(HttpMethod.GET, "/api/me", null, new HttpHeaders()).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic");
    }

    @Test
    void theRegionTreeAndTheInstitutionListKeepToTheCallersScope() {
        List<String> county = texts(api.get("fuli", "/api/regions").body(), "name");
        assertThat(county).hasSize(9).startsWith("安澜县").contains("城关镇", "东山镇");
        assertThat(texts(api.get("town1", "/api/regions").body(), "name")).containsExactly("城关镇");

        long dongshan = StreamSupport.stream(api.get("fuli", "/api/regions").body().spliterator(), false)
                .filter(r -> r.path("name").asText().equals("东山镇")).findFirst().orElseThrow().path("id").asLong();
        JsonNode inDongshan = api.get("fuli", "/api/institutions?size=100&regionId=" + dongshan).body();
        assertThat(texts(inDongshan.path("items"), "township")).isNotEmpty().allMatch("东山镇"::equals);
        // town1 asking for 东山镇 sees nothing of it
        assertThat(api.get("town1", "/api/institutions?regionId=" + dongshan).body().path("total").asLong()).isZero();
        JsonNode funeral = api.get("fuli", "/api/institutions?size=100&type=FUNERAL").body();
        assertThat(texts(funeral.path("items"), "type")).isNotEmpty().allMatch("FUNERAL"::equals);
        JsonNode named = api.get("fuli", "/api/institutions?name=福利中心").body();
        assertThat(texts(named.path("items"), "name")).isNotEmpty().allMatch(n -> n.contains("福利中心"));
        Api.Reply unknownRegion = api.get("fuli", "/api/institutions?regionId=987654");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.fieldErrors().get(0).path("field").asText()).isEqualTo("regionId");
        assertThat(api.get("fuli", "/api/institutions?type=PALACE").status()).isEqualTo(400);

        JsonNode details = api.get("inst001", "/api/institutions/1").body();
        assertThat(details.path("summary").path("code").asText()).isEqualTo("JG001");
        assertThat(texts(details.path("staff"), "username")).contains("inst001");
        assertThat(api.get("inst001", "/api/institutions/2").status()).isEqualTo(404);
    }

    @Test
    void theDeployedModelsAreServedForTheDiagrams() {
        ResponseEntity<String> model = exchange(HttpMethod.GET, "/api/process-models/hazard-rectification", null, basic("town1"));
        assertThat(model.getStatusCode().value()).isEqualTo(200);
        assertThat(model.getBody()).contains("<bpmn:process id=\"HazardRectification\"");
        assertThat(exchange(HttpMethod.GET, "/api/process-models/no-such-model", null, basic("town1")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(exchange(HttpMethod.GET, "/api/process-models/..%2Fapplication", null, basic("town1")).getStatusCode().value())
                .isIn(400, 404);
        assertThat(exchange(HttpMethod.GET, "/api/process-models/hazard-rectification", null, new HttpHeaders())
                .getStatusCode().value()).isEqualTo(401);
    }

    private HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.PASSWORD);
        headers.setAccept(List.of(MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON));
        return headers;
    }

    private ResponseEntity<String> post(String path, String body, HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_JSON);
        return exchange(HttpMethod.POST, path, body, h);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body, HttpHeaders headers) {
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private List<String> fields(ResponseEntity<String> reply) throws Exception {
        return texts(json.readTree(reply.getBody()).path("errors"), "field");
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
