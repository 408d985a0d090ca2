package com.civilsafety.api.oplog;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.eventlog.OperationLog;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 操作日志 for the county administrator: the latest operations, newest first. */
@RestController
class OperationLogController {
    private final OperationLog operations;

    OperationLogController(OperationLog operations) {
        this.operations = operations;
    }

    @GetMapping("/api/admin/operation-log")
    List<OperationLog.Operation> latest(@RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal ActorUser user) {
        return operations.latest(user.actor(), limit);
    }
}
