package com.civilsafety.api.inbox;

import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.inbox.TaskSubmission;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskStatus;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {
    private final InboxService inbox;
    private final TaskSubmission submission;
    private final ObjectMapper json;

    TaskController(InboxService inbox, TaskSubmission submission, ObjectMapper json) {
        this.inbox = inbox;
        this.submission = submission;
        this.json = json;
    }

    /** 我的待办: the open tasks the caller can complete, earliest due first. */
    @GetMapping
    List<TaskDetails> mine(@AuthenticationPrincipal ActorUser user) {
        return inbox.openTasksFor(user.actor()).stream().map(TaskDetails::of).toList();
    }

    /** 已办: what the caller completed, newest first; of one kind and with a word of the title if given. */
    @GetMapping("/done")
    PageOf<TaskDetails> done(@RequestParam(required = false) TaskKind kind, @RequestParam(required = false) String keyword,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                             @AuthenticationPrincipal ActorUser user) {
        if (keyword != null && keyword.length() > 64) {
            throw new InvalidInputException("keyword", "关键词不能超过64字");
        }
        return PageOf.of(inbox.doneBy(user.actor(), kind, keyword, Paging.of(page, size)), TaskDetails::of);
    }

    @GetMapping("/{id}")
    TaskDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        InboxTask task = inbox.get(id, user.actor());
        return TaskDetails.of(task, task.getStatus() == TaskStatus.OPEN ? InboxService.whyNotFor(task, user.actor()) : null);
    }

    /** Completes a task with the form of its kind (整改情况 for RECTIFICATION, 核查结论 for VERIFICATION). */
    @PostMapping("/{id}/complete")
    TaskDetails complete(@PathVariable long id, @RequestBody JsonNode form, @AuthenticationPrincipal ActorUser user)
            throws JsonProcessingException {
        InboxTask task = inbox.get(id, user.actor());
        TaskResult result = read(form, inbox.formOf(task.getKind()));
        return TaskDetails.of(submission.submit(id, user.actor(), result));
    }

    /** The form as the record its task kind takes (the ledger validates it); type errors name the field. */
    private <T extends TaskResult> T read(JsonNode form, Class<T> type) throws JsonProcessingException {
        if (!form.isObject()) {
            throw new InvalidInputException("body", "请求体应为 JSON 对象");
        }
        return json.treeToValue(form, type);
    }
}
