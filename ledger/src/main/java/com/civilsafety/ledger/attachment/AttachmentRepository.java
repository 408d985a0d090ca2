package com.civilsafety.ledger.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {
    List<Attachment> findBySubjectTypeAndSubjectIdOrderById(String subjectType, Long subjectId);
}
