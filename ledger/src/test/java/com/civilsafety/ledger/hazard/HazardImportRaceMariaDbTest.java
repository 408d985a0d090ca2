package com.civilsafety.ledger.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.testsupport.AllAtOnce;
import com.civilsafety.ledger.testsupport.DemoActors;
import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import com.civilsafety.ledger.common.SheetImport;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Imports at once on MariaDB (repeatable read): the same file twice goes in once — the second import reads the ledger
 * only after it holds the institutions, so it sees what the first committed — and imports of neighbouring institutions
 * run side by side without a deadlock (no gap of the hazards' index is locked).
 */
@SpringBootTest
@ActiveProfiles("mysql")
class HazardImportRaceMariaDbTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDatabase.register("ledger_import_race", registry);
    }

    @Autowired
    HazardImport hazardImport;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    DemoActors actors;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void theSameFileUploadedTwiceAtOnceGoesInOnce() throws Exception {
        Actor township = actors.get("town1");
        List<SheetImport.Row> file = List.of(row(3, "inst001", "消防水带破损"), row(4, "inst001", "应急照明失效"));
        List<SheetImport.Result<HazardImport.RowResult>> results = AllAtOnce.send(2, i -> hazardImport.importAll(file, township));
        assertThat(results.stream().mapToLong(SheetImport.Result::created).sum()).isEqualTo(2);
        assertThat(results.stream().mapToLong(SheetImport.Result::skipped).sum()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from hazard where description in ('消防水带破损', '应急照明失效')", Long.class))
                .isEqualTo(2);
    }

    @Test
    void neighbouringInstitutionsAreImportedSideBySide() throws Exception {
        Actor township = actors.get("town1");
        for (int round = 0; round < 5; round++) {
            List<List<SheetImport.Row>> files = List.of(List.of(row(3, "inst001", "楼梯间堆放纸箱" + round)),
                    List.of(row(3, "inst002", "楼梯间堆放纸箱" + round)));
            List<SheetImport.Result<HazardImport.RowResult>> results = AllAtOnce.send(2, i -> hazardImport.importAll(files.get(i), township));
            assertThat(results).allSatisfy(r -> assertThat(r.created()).isEqualTo(1));
        }
    }

    private SheetImport.Row row(int number, String manager, String description) {
        String institution = institutions.findById(actors.get(manager).institutionId()).orElseThrow().getName();
        return new SheetImport.Row(number, List.of(institution, description, "", "GEN-FIRE", "部门检查",
                LedgerTime.today(clock).toString()));
    }
}
