package com.civilsafety.api.region;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The regions of the caller's scope, for the UI's region tree: their own region and everything below it. */
@RestController
class RegionController {
    private final RegionRepository regions;

    RegionController(RegionRepository regions) {
        this.regions = regions;
    }

    record RegionNode(long id, String code, String name, String level, String levelLabel, Long parentId) {
        static RegionNode of(Region r) {
            return new RegionNode(r.getId(), r.getCode(), r.getName(), r.getLevel().name(), r.getLevel().label(),
                    r.getParentId());
        }
    }

    @GetMapping("/api/regions")
    @Transactional(readOnly = true)
    List<RegionNode> inScope(@AuthenticationPrincipal ActorUser user) {
        return regions.findByPathStartingWithOrderByPath(user.actor().regionPath()).stream().map(RegionNode::of).toList();
    }
}
