package com.civilsafety.ledger.region;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionRepository extends JpaRepository<Region, Long> {
    Optional<Region> findByCode(String code);

    Optional<Region> findByPath(String path);

    List<Region> findByPathStartingWithOrderByPath(String pathPrefix);

    List<Region> findByPathStartingWithAndLevelOrderByCode(String pathPrefix, RegionLevel level);

    /** The codes of a region and of each region above it, the region's own first (where a setting by region applies). */
    default List<String> codesUpward(Region region) {
        List<String> codes = new java.util.ArrayList<>();
        for (Region at = region; at != null; at = at.getParentId() == null ? null : findById(at.getParentId()).orElse(null)) {
            codes.add(at.getCode());
        }
        return codes;
    }
}
