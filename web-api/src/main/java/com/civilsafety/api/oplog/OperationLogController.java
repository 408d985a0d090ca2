package com.civilsafety.api.oplog;

import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.eventlog.OperationLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 操作日志 for the county administrator: the operations newest first, a page at a time, the changes alone or all. */
@RestController
class OperationLogController {
    private final OperationLog operations;

    OperationLogController(OperationLog operations) {
        this.operations = operations;
    }

    @GetMapping("/api/admin/operation-log")
    PageOf<OperationLog.Operation> page(@RequestParam(defaultValue = "false") boolean changes,
                                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                        @AuthenticationPrincipal ActorUser user) {
        Paging.of(page, size);
        OperationLog.Page found = operations.page(user.actor(), changes, page, size);
        return new PageOf<>(found.items(), page, size, found.total());
    }
}
