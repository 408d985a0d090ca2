package com.civilsafety.ledger.region;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionRepository extends JpaRepository<Region, Long> {
    Optional<Region> findByCode(String code);

    Optional<Region> findByPath(String path);

    List<Region> findByPathStartingWithOrderByPath(String pathPrefix);

    List<Region> findByPathStartingWithAndLevelOrderByCode(String pathPrefix, RegionLevel level);
}
