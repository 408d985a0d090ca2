package com.civilsafety.ledger.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/** The ledger searched by township and by a keyword, always within the searcher's data scope. */
@SpringBootTest
class HazardSearchTest {
    @Autowired
    HazardService hazards;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    RegionRepository regions;
    @Autowired
    DemoActors actors;
    @Autowired
    Clock clock;

    Actor inspector;
    Actor county;
    Institution home;
    /** Text no other test writes, so that the searches below find exactly this test's hazards. */
    String mark;

    @BeforeEach
    void setUp() {
        inspector = actors.get("inspector1");
        county = actors.get("fuli");
        home = institutions.findById(actors.get("inst001").institutionId()).orElseThrow();
        mark = "检索" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void theKeywordFindsTheCodeTheInstitutionTheDescriptionAndTheLocation() {
        Hazard inDescription = report("厨房" + mark + "燃气管道老化", "厨房");
        Hazard inLocation = report("配电箱未上锁", "配电室" + mark);
        Hazard elsewhere = report("灭火器过期", "三楼");

        assertThat(ids(county, null, mark)).containsExactlyInAnyOrder(inDescription.getId(), inLocation.getId());
        assertThat(ids(county, null, "  " + mark.toUpperCase(Locale.ROOT) + " ")).as("case and blanks around it ignored")
                .containsExactlyInAnyOrder(inDescription.getId(), inLocation.getId());
        assertThat(ids(county, null, elsewhere.getCode().toLowerCase(Locale.ROOT))).containsExactly(elsewhere.getId());
        assertThat(ids(county, null, home.getName().substring(1)))
                .contains(inDescription.getId(), inLocation.getId(), elsewhere.getId());
        assertThat(ids(county, null, "")).as("a blank keyword filters nothing")
                .contains(inDescription.getId(), inLocation.getId(), elsewhere.getId());
    }

    @Test
    void wildcardsTypedAreSearchedForAsText() {
        Hazard percent = report("消防水池水位" + mark + "_%", null);
        Hazard letters = report("消防水池水位" + mark + "ab", null);
        assertThat(ids(county, null, mark + "_%")).containsExactly(percent.getId());
        assertThat(ids(county, null, mark + "!")).isEmpty();
        assertThat(ids(county, null, mark)).containsExactlyInAnyOrder(percent.getId(), letters.getId());
    }

    @Test
    void theTownshipNarrowsTheSearchWithinTheScopeAndOneOutsideItIsRefused() {
        Hazard hazard = report("二楼" + mark + "消防通道堆放杂物", "二楼走廊");
        Region township = home.getRegion();
        Region otherTownship = regions.findByPathStartingWithAndLevelOrderByCode("/", RegionLevel.TOWNSHIP).stream()
                .filter(r -> !r.getId().equals(township.getId())).findFirst().orElseThrow();

        assertThat(ids(county, township.getId(), mark)).containsExactly(hazard.getId());
        assertThat(ids(county, otherTownship.getId(), mark)).isEmpty();
        // the institution's own township officer finds it; another township's neither finds it nor may ask for it
        Actor ownOfficer = officerOf(township);
        Actor otherOfficer = officerOf(otherTownship);
        assertThat(ids(ownOfficer, township.getId(), mark)).containsExactly(hazard.getId());
        assertThat(ids(otherOfficer, null, mark)).isEmpty();
        assertThatThrownBy(() -> ids(otherOfficer, township.getId(), mark))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("regionId");
                    assertThat(e.getMessage()).contains("不在您的辖区内", township.getName());
                });
    }

    @Test
    void aKeywordLongerThanAnyTextIsRefusedByName() {
        assertThatThrownBy(() -> ids(county, null, "长".repeat(HazardQuery.MAX_KEYWORD + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("keyword");
                    assertThat(e.getMessage()).isEqualTo("关键词不能超过100字");
                });
    }

    private Hazard report(String description, String location) {
        return hazards.report(new HazardReport(home.getId(), description, location, "GEN-FIRE", false,
                HazardSource.DEPARTMENT_CHECK, LedgerTime.today(clock).minusDays(1)), inspector);
    }

    private Actor officerOf(Region township) {
        for (int n = 1; n <= 8; n++) {
            Actor officer = actors.get("town" + n);
            if (officer.regionPath().equals(township.getPath())) {
                return officer;
            }
        }
        throw new IllegalStateException("no township officer for " + township.getName());
    }

    private List<Long> ids(Actor actor, Long regionId, String keyword) {
        HazardQuery query = new HazardQuery(regionId, null, null, null, null, null, null, null, null, null, keyword, null, null, null, null);
        return hazards.search(query, actor, PageRequest.of(0, 1000)).map(Hazard::getId).getContent();
    }
}
