package com.civilsafety.api.eventlog;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.eventlog.EventChain;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** 事件日志校验: walks the sealed event log and names the first broken link (县局管理员 only). */
@RestController
class EventChainController {
    private final EventChain chain;

    EventChainController(EventChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/admin/event-chain")
    EventChain.Verification verify(@AuthenticationPrincipal ActorUser user) {
        return chain.verify(user.actor());
    }
}
