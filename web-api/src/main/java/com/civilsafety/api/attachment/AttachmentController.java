package com.civilsafety.api.attachment;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.attachment.Attachment;
import com.civilsafety.ledger.attachment.AttachmentStore;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskStatus;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardStatus;
import com.civilsafety.ledger.hazard.HazardView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence photos and files of a hazard, and the photos of a self-check being filled in: upload, list, download — each
 * within the caller's data scope.
 */
@RestController
class AttachmentController {
    private final AttachmentStore store;
    private final HazardService hazards;
    private final Whistleblowers whistleblowers;
    private final InboxService inbox;

    /** enough for every item of a checklist to carry a few photos, not a file store */
    static final int MAX_TASK_PHOTOS = 60;

    AttachmentController(AttachmentStore store, HazardService hazards, Whistleblowers whistleblowers, InboxService inbox) {
        this.inbox = inbox;
        this.store = store;
        this.hazards = hazards;
        this.whistleblowers = whistleblowers;
    }

    record AttachmentInfo(long id, String filename, String contentType, long size, String sha256, Long uploadedBy,
                          Instant uploadedAt, String url) {
        static AttachmentInfo of(Attachment a) {
            return new AttachmentInfo(a.getId(), a.getFilename(), a.getContentType(), a.getSize(), a.getSha256(),
                    a.getUploadedBy(), a.getUploadedAt(), "/api/attachments/" + a.getId());
        }
    }

    @PostMapping(path = "/api/hazards/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                          @AuthenticationPrincipal ActorUser user) {
        HazardView view = hazards.view(id, user.actor());
        if (view.hazard().getStatus() == HazardStatus.CLOSED) {
            throw new ConflictException("隐患 " + view.hazard().getCode() + " 已销号，不能再上传佐证材料");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件为空");
        }
        try {
            Attachment saved = store.store(HazardService.SUBJECT, id, file.getOriginalFilename(), file.getInputStream(), user.actor());
            return ResponseEntity.created(URI.create("/api/attachments/" + saved.getId())).body(AttachmentInfo.of(saved));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/hazards/{id}/attachments")
    List<AttachmentInfo> list(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        hazards.view(id, user.actor()); // scope check
        return store.of(HazardService.SUBJECT, id).stream().map(AttachmentInfo::of).toList();
    }

    /** A photo of a self-check item, uploaded before the self-check is submitted; the item then names it. */
    @PostMapping(path = "/api/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> uploadToTask(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                                @AuthenticationPrincipal ActorUser user) {
        InboxTask task = inbox.get(id, user.actor());
        if (!task.isFor(user.actor())) {
            throw new ForbiddenException("该任务不是您的待办，不能上传照片");
        }
        if (task.getKind() != TaskKind.SELF_CHECK) {
            throw new InvalidInputException("file", "「" + task.getKind().label() + "」任务不附照片");
        }
        if (task.getStatus() != TaskStatus.OPEN) {
            throw new ConflictException("任务" + task.getStatus().label() + "，不能再上传照片");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件为空");
        }
        if (store.of(InboxTask.ATTACHMENT_SUBJECT, id).size() >= MAX_TASK_PHOTOS) {
            throw new InvalidInputException("file", "本次自查最多上传 " + MAX_TASK_PHOTOS + " 张照片");
        }
        try {
            Attachment saved = store.storePhoto(InboxTask.ATTACHMENT_SUBJECT, id, file.getOriginalFilename(), file.getInputStream(), user.actor());
            return ResponseEntity.created(URI.create("/api/attachments/" + saved.getId())).body(AttachmentInfo.of(saved));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<Resource> download(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        Attachment attachment = store.get(id);
        // the record the file belongs to must be in the caller's scope; not in scope reads as not found
        switch (attachment.getSubjectType()) {
            case HazardService.SUBJECT -> hazards.view(attachment.getSubjectId(), user.actor());
            case Whistleblowers.SUBJECT -> whistleblowers.visible(attachment.getSubjectId(), user.actor());
            case InboxTask.ATTACHMENT_SUBJECT -> inbox.get(attachment.getSubjectId(), user.actor());
            default -> throw new NotFoundException("附件不存在：" + id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .contentLength(attachment.getSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ETAG, "\"" + attachment.getSha256() + "\"")
                .body(new FileSystemResource(store.content(attachment)));
    }
}
