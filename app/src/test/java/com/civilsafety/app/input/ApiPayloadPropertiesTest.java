package com.civilsafety.app.input;

import static com.civilsafety.app.testsupport.HazardSteps.report;
import static com.civilsafety.app.testsupport.HazardSteps.taskOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.CivilSafetyApplication;
import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at scale: valid payloads of the main write endpoints (a hazard report, a task's 五落实 form, a campaign
 * plan) broken in one field at a time — left out, null, of the wrong JSON type, too long, an unknown field beside them
 * — and arbitrary bodies and uploads. The API never answers with a 5xx, every rejection of a broken field names that
 * field, and nothing is stored.
 */
class ApiPayloadPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static long institution;
    private static long county;
    private static long assignmentTask;
    /** the platform's today, read once: a date valid at the start stays valid through the run */
    private static LocalDate today;

    enum Kind { TEXT, NUMBER, DATE, ENUM, BOOLEAN, LIST }

    /** A field of a payload: its JSON kind, its length limit (0: none), whether it must be given. */
    record Field(String name, Kind kind, int maxLength, boolean required) {
    }

    /** One way of breaking one field; {@code field} is the name the rejection must give. */
    record Mutation(String field, String how, Object value) {
        static final Object LEFT_OUT = new Object();

        @Override
        public String toString() {
            return field + " " + how + (value == LEFT_OUT ? "" : " = " + String.valueOf(value).substring(0,
                    Math.min(60, String.valueOf(value).length())));
        }
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(CivilSafetyApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:api-payload-properties;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--civil-safety.demo-data.enabled=true", "--logging.level.root=WARN");
        api = new Api(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))));
        jdbc = app.getBean(JdbcTemplate.class);
        today = api.today();
        institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
        county = api.get("fuli", "/api/regions").body().get(0).path("id").asLong();
        assignmentTask = taskOf(api, "town1", report(api, institution), "ASSIGNMENT");
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Property(tries = 150)
    void aBrokenHazardReportIsRejectedNamingTheField(@ForAll("hazardReports") Mutation broken) {
        rejectedNaming(broken, "select count(*) from hazard", () -> api.post("inspector1", "/api/hazards", apply(hazardReport(), broken)));
    }

    @Property(tries = 150)
    void aBrokenAssignmentFormIsRejectedNamingTheField(@ForAll("assignmentForms") Mutation broken) {
        rejectedNaming(broken, "select count(*) from inbox_task where status = 'COMPLETED'", () ->
                api.post("town1", "/api/tasks/" + assignmentTask + "/complete", apply(assignmentForm(), broken)));
        assertThat(api.get("town1", "/api/tasks/" + assignmentTask).body().path("status").asText()).isEqualTo("OPEN");
    }

    @Property(tries = 150)
    void aBrokenCampaignPlanIsRejectedNamingTheField(@ForAll("campaignPlans") Mutation broken) {
        rejectedNaming(broken, "select count(*) from campaign", () -> api.post("fuli", "/api/campaigns", apply(campaignPlan(), broken)));
    }

    /** Found by the properties above: a description of full-width spaces (U+3000) passed and was stored empty. */
    @Example
    void fullWidthSpacesAreBlank() {
        Mutation fullWidth = new Mutation("description", "blank", "\u3000\u3000");
        rejectedNaming(fullWidth, "select count(*) from hazard", () -> api.post("inspector1", "/api/hazards", apply(hazardReport(), fullWidth)));
    }

    @Property(tries = 100)
    void anyBodyIsAnsweredWithoutAServerError(@ForAll("bodies") String body, @ForAll("writePaths") String path) {
        Api.Reply reply = api.post("fuli", path.replace("{task}", Long.toString(assignmentTask)), body);
        assertThat(reply.status()).as(body).isBetween(400, 499);
        assertThat(reply.detail()).as(body).isNotBlank();
    }

    @Property(tries = 60)
    void anyUploadIsAnsweredWithoutAServerError(@ForAll("uploads") byte[] file, @ForAll("filenames") String name) {
        Api.Reply reply = api.upload("town1", "/api/reports/hazard-import", name, file);
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.detail()).isNotBlank();
    }

    /** A 400 naming the broken field, and what {@code stored} counts is as it was. */
    private static void rejectedNaming(Mutation broken, String stored, Supplier<Api.Reply> request) {
        long before = jdbc.queryForObject(stored, Long.class);
        Api.Reply reply = request.get();
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        List<String> fields = StreamSupport.stream(reply.fieldErrors().spliterator(), false)
                .map(e -> e.path("field").asText()).toList();
        assertThat(fields).as(reply.body().toString()).anyMatch(f -> f.equals(broken.field()) || f.startsWith(broken.field() + "["));
        assertThat(jdbc.queryForObject(stored, Long.class)).as("nothing stored").isEqualTo(before);
    }

    // --- the payloads, valid as given, and their fields ---------------------------------------------------------

    private static Map<String, Object> hazardReport() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("institutionId", institution);
        p.put("description", "二楼消防通道堆放杂物");
        p.put("location", "二楼走廊");
        p.put("criterionCode", "GEN-FIRE");
        p.put("residentsExposed", true);
        p.put("source", "DEPARTMENT_CHECK");
        p.put("foundOn", today.toString());
        return p;
    }

    private static final List<Field> HAZARD_FIELDS = List.of(new Field("institutionId", Kind.NUMBER, 0, true),
            new Field("description", Kind.TEXT, 2000, true), new Field("location", Kind.TEXT, 255, false),
            new Field("criterionCode", Kind.TEXT, 32, true), new Field("residentsExposed", Kind.BOOLEAN, 0, false),
            new Field("source", Kind.ENUM, 0, true), new Field("foundOn", Kind.DATE, 0, true),
            new Field("onSiteMeasures", Kind.TEXT, 2000, false));

    private static Map<String, Object> assignmentForm() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("responsibleUnit", "安澜县社会福利中心");
        p.put("responsiblePerson", "李建国");
        p.put("measures", "清理通道，加装防火门");
        p.put("funds", 5000);
        p.put("deadline", today.plusDays(5).toString());
        p.put("temporaryControls", "专人值守通道");
        return p;
    }

    private static final List<Field> ASSIGNMENT_FIELDS = List.of(new Field("responsibleUnit", Kind.TEXT, 128, true),
            new Field("responsiblePerson", Kind.TEXT, 64, true), new Field("measures", Kind.TEXT, 2000, true),
            new Field("funds", Kind.NUMBER, 0, false), new Field("deadline", Kind.DATE, 0, true),
            new Field("temporaryControls", Kind.TEXT, 2000, false));

    private static Map<String, Object> campaignPlan() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "消防安全专项排查整治");
        p.put("leadOrganisation", "安澜县民政局");
        p.put("regionIds", List.of(county));
        p.put("institutionTypes", List.of("ELDERLY_CARE"));
        p.put("phases", List.of(Map.of("kind", "SELF_CHECK", "startsOn", today.plusDays(1).toString(),
                "endsOn", today.plusDays(20).toString())));
        return p;
    }

    private static final List<Field> CAMPAIGN_FIELDS = List.of(new Field("name", Kind.TEXT, 128, true),
            new Field("templateCode", Kind.TEXT, 32, false), new Field("leadOrganisation", Kind.TEXT, 128, true),
            new Field("responsibleSections", Kind.TEXT, 255, false), new Field("regionIds", Kind.LIST, 0, true),
            new Field("institutionTypes", Kind.LIST, 0, true), new Field("phases", Kind.LIST, 0, true),
            new Field("recurringDuties", Kind.BOOLEAN, 0, false));

    @Provide
    Arbitrary<Mutation> hazardReports() {
        return mutations(HAZARD_FIELDS);
    }

    @Provide
    Arbitrary<Mutation> assignmentForms() {
        return mutations(ASSIGNMENT_FIELDS);
    }

    @Provide
    Arbitrary<Mutation> campaignPlans() {
        return mutations(CAMPAIGN_FIELDS);
    }

    /** Breaks of a field that no valid payload has: each must be refused. */
    private static Arbitrary<Mutation> mutations(List<Field> fields) {
        Arbitrary<Mutation> unknown = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .map(name -> new Mutation("zz" + name, "unknown field", "值"));
        List<Arbitrary<Mutation>> choices = new ArrayList<>(List.of(unknown));
        for (Field f : fields) {
            if (f.required()) {
                choices.add(Arbitraries.just(new Mutation(f.name(), "left out", Mutation.LEFT_OUT)));
                choices.add(Arbitraries.just(new Mutation(f.name(), "null", null)));
            }
            choices.add(wrongType(f).map(v -> new Mutation(f.name(), "wrong type", v)));
            if (f.maxLength() > 0) {
                choices.add(Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withChars("abc123<>'\"&")
                        .ofMinLength(f.maxLength() + 1).ofMaxLength(f.maxLength() + 40)
                        .map(v -> new Mutation(f.name(), "too long", v)));
            }
            if (f.kind() == Kind.TEXT && f.required()) {
                choices.add(Arbitraries.of("", " ", "\t\n", "\u3000").map(v -> new Mutation(f.name(), "blank", v)));
            }
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<Object> wrongType(Field f) {
        Arbitrary<Object> structured = Arbitraries.of(Map.of("a", 1), List.of(1, 2), Map.of());
        Arbitrary<Object> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> (Object) ("x" + s));
        return switch (f.kind()) {
            case TEXT -> structured;
            case NUMBER, DATE, ENUM -> Arbitraries.oneOf(text, structured);
            case BOOLEAN -> Arbitraries.oneOf(text, structured);
            case LIST -> Arbitraries.oneOf(text, Arbitraries.just(Map.of("a", 1)), Arbitraries.integers().map(i -> (Object) i));
        };
    }

    private static String apply(Map<String, Object> payload, Mutation m) {
        if (m.value() == Mutation.LEFT_OUT) {
            payload.remove(m.field());
        } else {
            payload.put(m.field(), m.value());
        }
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- arbitrary input ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        Arbitrary<String> deepObjects = Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), nested, deepObjects,
                Arbitraries.of("null", "true", "42", "\"text\"", "{", "{\"description\": }", "[]", "{}"));
    }

    @Provide
    Arbitrary<String> writePaths() {
        return Arbitraries.of("/api/hazards", "/api/campaigns", "/api/tasks/{task}/complete");
    }

    @Provide
    Arbitrary<byte[]> uploads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4096);
        Arbitrary<byte[]> zipLike = random.map(b -> {
            byte[] out = new byte[b.length + 4];
            out[0] = 'P';
            out[1] = 'K';
            out[2] = 3;
            out[3] = 4;
            System.arraycopy(b, 0, out, 4, b.length);
            return out;
        });
        return Arbitraries.oneOf(random, zipLike);
    }

    @Provide
    Arbitrary<String> filenames() {
        return Combinators.combine(Arbitraries.of("", "../../", "..\\..\\", "/etc/", "C:\\"), Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
                Arbitraries.of(".xlsx", ".xls", ".exe", "")).as((prefix, name, ext) -> prefix + name + ext);
    }

}
