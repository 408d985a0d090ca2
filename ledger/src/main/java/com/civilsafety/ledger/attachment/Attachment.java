package com.civilsafety.ledger.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An evidence file attached to a record; the bytes are stored by their SHA-256, which also proves them unchanged. */
@Entity
@Immutable
public class Attachment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String subjectType;
    private Long subjectId;
    private String filename;
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    private Long uploadedBy;
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(String subjectType, Long subjectId, String filename, String contentType, long size, String sha256,
               Long uploadedBy, Instant uploadedAt) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Long getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
