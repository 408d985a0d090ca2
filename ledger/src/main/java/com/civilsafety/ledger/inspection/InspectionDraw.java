package com.civilsafety.ledger.inspection;

import com.civilsafety.ledger.common.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * 双随机: institutions drawn at random, each given inspectors drawn at random from a pool, never an inspector who is
 * the institution's 包保 cadre, the work spread evenly. The same inputs and seed give the same draw on any JVM: the
 * inputs are put in id order first, and {@link Random} and {@link java.util.Collections#shuffle(List, Random)} are
 * algorithms the Java specification fixes. The seed is recorded with the draw, so anyone can re-run it (一公开).
 */
public final class InspectionDraw {

    /** An institution that may be drawn, with its 包保 cadre (null if it has none). */
    public record Candidate(long institutionId, Long cadreId) {
    }

    /** A drawn institution and the inspectors who will check it. */
    public record Assignment(long institutionId, List<Long> inspectorIds) {
    }

    private InspectionDraw() {
    }

    /**
     * @param institutions the institutions in scope
     * @param inspectors   the pool (检查人员库)
     * @param count        how many institutions to draw
     * @param perInstitution how many inspectors each drawn institution gets
     * @return the assignments, in institution id order
     */
    public static List<Assignment> draw(Collection<Candidate> institutions, Collection<Long> inspectors, int count,
                                        int perInstitution, long seed) {
        Map<Long, Candidate> byId = new TreeMap<>();
        institutions.forEach(c -> byId.putIfAbsent(c.institutionId(), c));
        List<Long> pool = inspectors.stream().distinct().sorted().toList();
        if (count < 1 || count > byId.size()) {
            throw new InvalidInputException("count", "抽取机构数须在 1 到 " + byId.size() + " 之间");
        }
        if (perInstitution < 1 || perInstitution > pool.size()) {
            throw new InvalidInputException("perInstitution", "每家机构的检查人员数须在 1 到 " + pool.size() + " 之间");
        }
        Random random = new Random(seed);
        List<Candidate> shuffled = new ArrayList<>(byId.values());
        java.util.Collections.shuffle(shuffled, random);
        Map<Long, Integer> load = new HashMap<>();
        pool.forEach(p -> load.put(p, 0));
        List<Assignment> assignments = new ArrayList<>();
        for (Candidate institution : shuffled.subList(0, count)) {
            List<Long> eligible = new ArrayList<>(pool.stream().filter(p -> !p.equals(institution.cadreId())).toList());
            if (eligible.size() < perInstitution) {
                throw new InvalidInputException("inspectors", "机构 " + institution.institutionId()
                        + " 排除包保干部后检查人员不足 " + perInstitution + " 人");
            }
            java.util.Collections.shuffle(eligible, random);
            eligible.sort(Comparator.comparing(load::get)); // stable: random order among the least loaded
            List<Long> chosen = List.copyOf(eligible.subList(0, perInstitution));
            chosen.forEach(p -> load.merge(p, 1, Integer::sum));
            assignments.add(new Assignment(institution.institutionId(), chosen));
        }
        assignments.sort(Comparator.comparingLong(Assignment::institutionId));
        return List.copyOf(assignments);
    }
}
