package com.civilsafety.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/** The steps of a hazard's loop through the API, as the people in it take them, for tests that need hazards waiting. */
public final class HazardSteps {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private HazardSteps() {
    }

    /** inspector1 reports a fire-safety hazard at the institution today; its id. */
    public static long report(Api api, long institution) {
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "二楼消防通道堆放杂物", "location": "二楼走廊",
                 "criterionCode": "GEN-FIRE", "residentsExposed": true, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}"""
                .formatted(institution, api.today()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.body().path("id").asLong();
    }

    /** inspector1 reports one hazard each at the township's first institutions (round again if there are fewer); their ids. */
    public static List<Long> reportAt(Api api, JdbcTemplate jdbc, String township, int count) {
        List<Long> institutions = jdbc.queryForList("""
                select i.id from institution i join region r on r.id = i.region_id where r.name = ? order by i.id""",
                Long.class, township);
        assertThat(institutions).as(township).isNotEmpty();
        List<Long> hazards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hazards.add(report(api, institutions.get(i % institutions.size())));
        }
        return hazards;
    }

    /** The township's officer sets the hazard's 五落实 with this rectification deadline. */
    public static void assign(Api api, JdbcTemplate jdbc, long hazard, LocalDate deadline) {
        String officer = jdbc.queryForObject("""
                select p.username from person p join person_role r on r.person_id = p.id join hazard h on h.region_id = p.region_id
                where r.role = 'TOWNSHIP_OFFICER' and h.id = ? order by p.id limit 1""", String.class, hazard);
        complete(api, officer, hazard, "ASSIGNMENT", """
                {"responsibleUnit": "机构", "responsiblePerson": "李建国", "measures": "清理通道", "funds": 100,
                 "deadline": "%s"}""".formatted(deadline));
    }

    /** The user completes the hazard's open task of that kind, once the process has opened it. */
    public static void complete(Api api, String user, long hazard, String kind, String body) {
        Api.Reply done = api.post(user, "/api/tasks/" + taskOf(api, user, hazard, kind) + "/complete", body);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
    }

    /** The hazard's open task of that kind in the user's inbox, waited for. */
    public static long taskOf(Api api, String user, long hazard, String kind) {
        return await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("subjectId").asLong() == hazard && t.path("kind").asText().equals(kind))
                        .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
    }
}
