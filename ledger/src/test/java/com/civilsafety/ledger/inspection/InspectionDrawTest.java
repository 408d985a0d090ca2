package com.civilsafety.ledger.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inspection.InspectionDraw.Assignment;
import com.civilsafety.ledger.inspection.InspectionDraw.Candidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What 双随机 must always hold, over many generated counties, pools and seeds. */
class InspectionDrawTest {

    /** A county: institutions (some with a 包保 cadre who is also in the pool), an inspector pool, the draw's sizes. */
    record Setup(List<Candidate> institutions, List<Long> pool, int count, int perInstitution, long seed) {
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(Arbitraries.integers().between(1, 120), Arbitraries.integers().between(2, 15),
                Arbitraries.longs(), Arbitraries.longs()).flatAs((institutions, poolSize, seed, layoutSeed) -> {
            Random layout = new Random(layoutSeed);
            List<Long> pool = LongStream.rangeClosed(1000, 999 + poolSize).boxed().toList();
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < institutions; i++) {
                Long cadre = layout.nextInt(3) == 0 ? null : pool.get(layout.nextInt(poolSize));
                candidates.add(new Candidate(1 + i * 7L, cadre));
            }
            return Combinators.combine(Arbitraries.integers().between(1, institutions),
                    Arbitraries.integers().between(1, poolSize - 1))
                    .as((count, per) -> new Setup(candidates, pool, count, per, seed));
        });
    }

    @Property(tries = 300)
    void theSameSeedGivesTheSameDrawWhateverTheInputOrder(@ForAll("setups") Setup s) {
        List<Candidate> reordered = new ArrayList<>(s.institutions());
        Collections.reverse(reordered);
        List<Long> pool = new ArrayList<>(s.pool());
        Collections.shuffle(pool, new Random(s.seed() ^ 42));

        assertThat(InspectionDraw.draw(reordered, pool, s.count(), s.perInstitution(), s.seed()))
                .isEqualTo(InspectionDraw.draw(s.institutions(), s.pool(), s.count(), s.perInstitution(), s.seed()));
    }

    @Property(tries = 300)
    void noInspectorChecksTheInstitutionHeIsBaobaoFor(@ForAll("setups") Setup s) {
        Map<Long, Long> cadres = new HashMap<>();
        s.institutions().stream().filter(c -> c.cadreId() != null).forEach(c -> cadres.put(c.institutionId(), c.cadreId()));

        for (Assignment a : InspectionDraw.draw(s.institutions(), s.pool(), s.count(), s.perInstitution(), s.seed())) {
            assertThat(a.inspectorIds()).doesNotContain(cadres.get(a.institutionId()));
        }
    }

    @Property(tries = 300)
    void theRequestedNumbersAreDrawnDistinctAndFromTheInputs(@ForAll("setups") Setup s) {
        List<Assignment> draw = InspectionDraw.draw(s.institutions(), s.pool(), s.count(), s.perInstitution(), s.seed());

        assertThat(draw).hasSize(s.count());
        assertThat(draw).extracting(Assignment::institutionId).doesNotHaveDuplicates()
                .isSubsetOf(s.institutions().stream().map(Candidate::institutionId).toList());
        assertThat(draw).allSatisfy(a -> assertThat(a.inspectorIds()).hasSize(s.perInstitution())
                .doesNotHaveDuplicates().isSubsetOf(s.pool()));
    }

    @Property(tries = 200)
    void withoutCadresInThePoolTheWorkIsSpreadEvenly(@ForAll("setups") Setup s) {
        List<Candidate> noCadres = s.institutions().stream().map(c -> new Candidate(c.institutionId(), null)).toList();
        List<Assignment> draw = InspectionDraw.draw(noCadres, s.pool(), s.count(), s.perInstitution(), s.seed());

        Map<Long, Integer> load = new HashMap<>();
        s.pool().forEach(p -> load.put(p, 0));
        draw.forEach(a -> a.inspectorIds().forEach(p -> load.merge(p, 1, Integer::sum)));
        IntSummaryStatistics spread = load.values().stream().collect(Collectors.summarizingInt(Integer::intValue));
        assertThat(spread.getMax() - spread.getMin()).isLessThanOrEqualTo(1);
    }

    @Example
    void impossibleDrawsAreRefusedNamingTheInput() {
        List<Candidate> two = List.of(new Candidate(1, 100L), new Candidate(2, null));
        assertThatThrownBy(() -> InspectionDraw.draw(two, List.of(100L, 101L), 3, 1, 7))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("count"));
        assertThatThrownBy(() -> InspectionDraw.draw(two, List.of(100L, 101L), 1, 3, 7))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("perInstitution"));
        assertThatThrownBy(() -> InspectionDraw.draw(List.of(new Candidate(1, 100L)), List.of(100L, 101L), 1, 2, 7))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("inspectors"));
    }
}
